// What the TLS 1.2 handshake a Java 8 agent's portal gets costs: `check --only portal` against a
// local HTTPS portal (a child process, so that the timed runs do not block it), for a Java 17 agent
// (one handshake) and a Java 8 agent (a second one, with TLS 1.2 at most, at the same time).
// Reported, not a target: node bench/portal-tls12.js
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeInTurns } from './lib.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const doctor = path.join(root, 'bin', 'run.js');
const runs = Number(process.env.BENCH_RUNS ?? 11);
const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-bench-portal-'));
const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    '/O=Microsoft Corporation/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost',
  ],
  { stdio: 'ignore' },
);
const serverJs = path.join(dir, 'server.mjs');
writeFileSync(
  serverJs,
  `import https from 'node:https'; import fs from 'node:fs';
   const s = https.createServer({ key: fs.readFileSync(${JSON.stringify(key)}), cert: fs.readFileSync(${JSON.stringify(cert)}) },
     (req, res) => res.end('{}'));
   s.on('tlsClientError', () => {});
   s.listen(0, '127.0.0.1', () => console.log(s.address().port));`,
);
const server = spawn(process.execPath, [serverJs], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim())));
const env = { ...process.env, NO_COLOR: '1', JAVA_HOME: '' };
const args = (javaHome) => [
  doctor,
  'check',
  '--only',
  'portal',
  '--portal-url',
  `https://localhost:${port}`,
  '--ca-file',
  cert,
  '--java-home',
  javaHome,
  '--timeout',
  '5',
];
try {
  // in turns: the difference is a few milliseconds, less than what the machine's load shifts
  const [java17, java8] = timeInTurns(
    [process.execPath, args('/usr/lib/jvm/java-17-openjdk-amd64')],
    [process.execPath, args(path.join(root, 'fixtures', 'jre', 'jre8u291'))],
    { runs, env },
  );
  console.log(`check --only portal, Java 17 agent (one handshake): ${java17.toFixed(1)} ms`);
  const more = java8 - java17;
  console.log(
    `check --only portal, Java 8 agent (+ TLS 1.2 handshake, concurrent): ${java8.toFixed(1)} ms (${more >= 0 ? '+' : ''}${more.toFixed(1)} ms)`,
  );
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
