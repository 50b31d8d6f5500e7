// Memory and time of the runs that used to grow with their input (issue #10): peak RSS and wall
// time, measured by /usr/bin/time -v, of
//   1. send-test --count 1000000 to a closed port (must fail at once, whatever --count);
//   2. send-test --count 1000000 to a receiver that reads everything;
//   3. listen --json receiving 100,000 agent events (about 65 MB) while its stdout is read slowly.
// Run after `npm run build`: node bench/bounds.js
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const doctor = path.join(root, 'bin', 'run.js');
const env = { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: 'C' };
const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-bounds-'));

/** Runs `args` under /usr/bin/time -v; `attach` gets the child (its stdout a pipe). */
async function measured(args, attach = () => undefined) {
  const report = path.join(dir, 'time.txt');
  const child = spawn('/usr/bin/time', ['-v', '-o', report, process.execPath, doctor, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const started = performance.now();
  attach(child);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const ms = performance.now() - started;
  const text = readFileSync(report, 'utf8');
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]);
  const exit = Number(/Exit status: (\d+)/.exec(text)?.[1] ?? code);
  return { exit, seconds: (ms / 1000).toFixed(1), rssMB: Math.round(kb / 1024) };
}

function server(onConnection) {
  return new Promise((resolve) => {
    const s = net.createServer(onConnection).listen(0, '127.0.0.1', () => resolve(s));
  });
}

const closed = await server(() => undefined);
const closedPort = closed.address().port;
await new Promise((resolve) => closed.close(resolve));
const sendArgs = (port) => [
  'syslog',
  'send-test',
  '--syslog-host',
  '127.0.0.1',
  '--syslog-port',
  String(port),
];

console.log(
  'send-test --count 1000000 to a closed port:',
  await measured([...sendArgs(closedPort), '--count', '1000000']),
);

let received = 0;
const sink = await server((socket) => {
  socket.on('data', (chunk) => (received += chunk.length));
  socket.on('error', () => undefined);
});
const sent = await measured([...sendArgs(sink.address().port), '--count', '1000000', '--timeout', '30']);
console.log(
  'send-test --count 1000000 to a reading receiver:',
  sent,
  `${Math.round(received / 1e6)} MB received`,
);
sink.close();

// listen --json, stdout read 64 KiB every 5 ms (about 13 MB/s)
const EVENTS = 100_000;
const samples = readFileSync(path.join(root, 'fixtures', 'cef-samples.txt'), 'utf8')
  .split('\n')
  .filter(Boolean);
const file = path.join(dir, 'events.txt');
writeFileSync(file, `${Array.from({ length: EVENTS }, (_, i) => samples[i % samples.length]).join('\n')}\n`);
const free = await server(() => undefined);
const port = free.address().port;
await new Promise((resolve) => free.close(resolve));
let lines = 0;
const listened = await measured(
  ['syslog', 'listen', '--port', String(port), '--json', '--count', String(EVENTS), '--duration', '600'],
  (child) => {
    child.stdout.on('data', (chunk) => {
      for (const byte of chunk) if (byte === 10) lines++;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 5);
    });
    void (async () => {
      for (let i = 0; i < 500; i++) {
        const ok = await new Promise((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
          s.on('error', () => resolve(false));
        });
        if (ok) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const input = openSync(file, 'r');
      const ncat = spawn('ncat', ['-4', '--send-only', '127.0.0.1', String(port)], {
        stdio: [input, 'ignore', 'ignore'],
      });
      ncat.on('exit', () => closeSync(input));
    })();
  },
);
console.log(
  `listen --json, ${EVENTS} events (${Math.round(readFileSync(file).length / 1e6)} MB), slow stdout reader:`,
  listened,
  `${lines} lines read (events + summary)`,
);
rmSync(dir, { recursive: true, force: true });
