// `syslog listen` against the docs' `ncat -l <port>` writing to /dev/null: 100,000 agent events
// over one TCP connection from a separate sender process (ncat --send-only). The clock runs from
// the sender's start to the listener's exit, so both listeners are measured receiving, not
// starting. siem-doctor must count exactly 100,000 events and reach half of ncat's throughput.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { median } from './lib.js';

const EVENTS = 100_000;

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitListening(port) {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`nothing listens on ${port}`);
}

async function receive(listenerCommand, listenerArgs, port, stdoutFile, file, env, ready) {
  const out = openSync(stdoutFile, 'w');
  const listener = spawn(listenerCommand, listenerArgs, { stdio: ['ignore', out, 'ignore'], env });
  const exited = new Promise((resolve) => listener.on('exit', resolve));
  await ready(port);
  const input = openSync(file, 'r');
  const start = performance.now();
  spawnSync('ncat', ['-4', '--send-only', '127.0.0.1', String(port)], { stdio: [input, 'ignore', 'ignore'] });
  await exited;
  const elapsed = performance.now() - start;
  closeSync(input);
  closeSync(out);
  return elapsed;
}

export default async function listenBench({ doctor, env, runs }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-bench-'));
  const samples = readFileSync(new URL('../fixtures/cef-samples.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);
  const file = path.join(dir, 'events.txt');
  writeFileSync(
    file,
    `${Array.from({ length: EVENTS }, (_, i) => samples[i % samples.length]).join('\n')}\n`,
  );
  const megabytes = (readFileSync(file).length / 1e6).toFixed(1);
  const rounds = Math.max(3, Math.min(runs, 5));

  const ncatTimes = [];
  for (let i = 0; i < rounds; i++) {
    const port = await freePort();
    // ncat -l serves a single connection, so no readiness probe: give it a moment to listen.
    const settle = () => new Promise((r) => setTimeout(r, 300));
    ncatTimes.push(
      await receive('ncat', ['-4', '-l', '127.0.0.1', String(port)], port, '/dev/null', file, env, settle),
    );
  }

  const doctorTimes = [];
  let counted = 0;
  for (let i = 0; i < rounds; i++) {
    const port = await freePort();
    const output = path.join(dir, `listen-${i}.txt`);
    const args = [
      doctor,
      'syslog',
      'listen',
      '--port',
      String(port),
      '--count',
      String(EVENTS),
      '--duration',
      '120',
    ];
    doctorTimes.push(await receive(process.execPath, args, port, output, file, env, waitListening));
    const match = /Received (\d+) events/.exec(readFileSync(output, 'utf8'));
    counted = match ? Number(match[1]) : 0;
    if (counted !== EVENTS) break;
  }

  const ours = median(doctorTimes);
  const theirs = median(ncatTimes);
  const ratio = theirs / ours; // throughput ratio: same number of events, so the inverse of the times
  console.log(
    `syslog listen: ${EVENTS} events (${megabytes} MB) in ${ours.toFixed(0)} ms, counted ${counted} (${counted === EVENTS ? 'exact' : 'LOSS'})`,
  );
  console.log(`ncat -l > /dev/null: the same stream in ${theirs.toFixed(0)} ms`);
  console.log(
    `throughput ratio siem-doctor/ncat: ${ratio.toFixed(2)} (target ≥ 0.5: ${ratio >= 0.5 ? 'meets' : 'MISSES'})`,
  );
  return counted === EVENTS && ratio >= 0.5;
}
