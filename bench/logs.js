// `siem-doctor logs` against `grep -c -E` with the same patterns, on 1 GB of agent-like log lines
// (generated into a temp folder, removed after) with one documented error on the first line and
// one on the last. siem-doctor must find both, within 2× grep's wall time, with a peak RSS under
// 150 MB. grep's output goes to a file: on /dev/null GNU grep stops at the first match.
//
//   npm run build && node bench/run.js logs     (after the start-up benchmarks)
//   npm run build && node bench/logs.js         (this one alone; BENCH_LOGS_MB=200 for a smaller file)
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './lib.js';

const TARGET_RATIO = 2;
const MAX_RSS_MB = 150;

// The phrases siem-doctor's rules recognise (src/logs/patterns.ts), for grep: the same work.
const PATTERNS = [
  'General error during bootstrap',
  'Too many critical errors',
  'Invalid token',
  'owner of this token is not permitted',
  'Proxy Authentication Required',
  'Invalid proxy address',
  'Unable to tunnel through proxy',
  'trustAnchors parameter must be non-empty',
  'PKIX path building failed',
  'unable to find valid certification path',
  'validity check failed',
  'Algorithm constraints check failed',
  'Unable to determine revocation status',
  'PKIX path validation failed',
  'No subject alternative',
  'Unsupported or unrecognized SSL message',
  'not accepted by client preferences',
  'No appropriate protocol',
  'protocol_version',
  'handshake_failure',
  'Data server send error',
  'Data server connection error',
  'SIEM agent notification error',
  'SIEM agent error',
  'Internal error',
  'UnknownHostException',
  'Connection refused',
  'Connection reset',
  'Connection timed out',
  'connect timed out',
  'Read timed out',
];

const pad = (n, w = 2) => String(n).padStart(w, '0');
const stamp = (ms) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())},${pad(d.getMilliseconds(), 3)}`;
};

/** About `bytes` of the agent's ordinary lines, a PKIX failure first and a refused SIEM last. */
function generate(file, bytes) {
  const start = Date.now() - 7 * 86_400_000;
  const lines = [
    (t, i) =>
      `${t} INFO  [pull] Pulled ${100 + (i % 50)} activities from https://contoso.us3.portal.cloudappsecurity.com/api/v1/activities/`,
    (t, i) => `${t} INFO  [push] Sent ${100 + (i % 50)} events to siem.contoso.local:514`,
    (t, i) => `${t} DEBUG [pull] GET /api/v1/alerts/?skip=${i % 1000}&limit=100 took ${200 + (i % 300)} ms`,
    (t) => `${t} INFO  [main] Heartbeat: queue 0, memory 212 MB, threads 14`,
  ];
  const fd = openSync(file, 'w');
  writeSync(
    fd,
    `${stamp(start)} ERROR [pull] javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target\n`,
  );
  let written = 0;
  let i = 0;
  const step = (7 * 86_400_000) / (bytes / 90);
  while (written < bytes) {
    const parts = [];
    for (let n = 0; n < 10_000; n++, i++) parts.push(lines[i % lines.length](stamp(start + i * step), i));
    const chunk = `${parts.join('\n')}\n`;
    writeSync(fd, chunk);
    written += chunk.length;
  }
  writeSync(
    fd,
    `${stamp(start + i * step)} WARN  [push] Could not send events to siem.contoso.local:514: java.net.ConnectException: Connection refused (Connection refused)\n`,
  );
  closeSync(fd);
  return written;
}

/** Wall time (ms) and peak RSS (MB) of one run, from GNU time. */
function measure(command, args, env, stdout) {
  const out = openSync(stdout, 'w');
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    env,
    stdio: ['ignore', out, 'pipe'],
  });
  const elapsed = performance.now() - start;
  closeSync(out);
  if (result.error) throw result.error;
  const rss = Number(/(\d+)\s*$/.exec(result.stderr.toString())?.[1] ?? NaN) / 1024;
  return { ms: elapsed, rssMB: rss, status: result.status };
}

export default async function logsBench({ doctor, env, runs }) {
  const megabytes = Number(process.env.BENCH_LOGS_MB ?? 1000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-bench-logs-'));
  try {
    const logs = path.join(dir, 'logs');
    mkdirSync(logs);
    const file = path.join(logs, 'siem-agent.log');
    const bytes = generate(file, megabytes * 1e6);
    const rounds = Math.max(3, Math.min(runs, 5));
    const grepOut = path.join(dir, 'grep.out');
    const doctorOut = path.join(dir, 'doctor.json');
    const grepArgs = ['-c', '-E', PATTERNS.join('|'), file];
    const doctorArgs = [doctor, 'logs', logs, '--json', '--syslog-host', 'siem.contoso.local'];
    const grepRuns = [];
    const doctorRuns = [];
    measure('grep', grepArgs, env, grepOut); // warms the file cache
    for (let i = 0; i < rounds; i++) {
      grepRuns.push(measure('grep', grepArgs, env, grepOut));
      doctorRuns.push(measure(process.execPath, doctorArgs, env, doctorOut));
    }
    const grepCount = Number(readFileSync(grepOut, 'utf8').trim());
    const scan = JSON.parse(readFileSync(doctorOut, 'utf8'));
    const found = scan.findings.map((f) => `${f.error}:${f.example.line}`);
    const lines = scan.lines;
    const both =
      found.includes('Issue with new versions of Java:1') &&
      found.includes(`Data server connection error:${lines}`);
    const grepMs = median(grepRuns.map((r) => r.ms));
    const doctorMs = median(doctorRuns.map((r) => r.ms));
    const rss = Math.max(...doctorRuns.map((r) => r.rssMB));
    const ratio = doctorMs / grepMs;
    console.log(
      `logs, ${(bytes / 1e6).toFixed(0)} MB, ${lines} lines: siem-doctor logs ${doctorMs.toFixed(0)} ms vs grep -c -E (${PATTERNS.length} patterns) ${grepMs.toFixed(0)} ms → ratio ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'meets' : 'MISSES'}); peak RSS ${rss.toFixed(0)} MB (target < ${MAX_RSS_MB}: ${rss < MAX_RSS_MB ? 'meets' : 'MISSES'}); grep counted ${grepCount}, siem-doctor found ${found.join(', ')} (first and last line: ${both ? 'both' : 'MISSED'})`,
    );
    return ratio <= TARGET_RATIO && rss < MAX_RSS_MB && both && grepCount === 2;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const met = await logsBench({
    root,
    doctor: path.join(root, 'bin', 'run.js'),
    env: { ...process.env, NO_COLOR: '1' },
    runs: Number(process.env.BENCH_RUNS ?? 3),
  });
  process.exitCode = met ? 0 : 1;
}
