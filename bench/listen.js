// `syslog listen` against the receiver a SIEM administrator would otherwise use: Debian's rsyslog,
// `imtcp` → `omfile`, in the foreground with its own config, pid file and work folder on a free
// port. 100,000 agent events over one TCP connection from a separate sender process (cat into
// bash's /dev/tcp), the same stream to both, rounds taken in turn so that both see the same load.
// The clock runs from the sender's start (its first byte) until the receiver has everything:
// rsyslog's output file holds 100,000 lines; siem-doctor's summary says 100,000 events.
// siem-doctor must count exactly 100,000 events, take no more wall time than rsyslog, and keep its
// memory flat (peak RSS, VmHWM, reported next to rsyslog's). The CPU time each used while
// receiving is reported too: rsyslog spreads its work over threads, the listener has one.
// On its own: `npm run build && node bench/listen.js` (BENCH_RUNS rounds, 3 to 7; default 5).
import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { fstatSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './lib.js';

const EVENTS = 100_000;
const POLL_MS = 2;
const TIMEOUT_MS = 120_000;

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitListening(port) {
  for (let i = 0; i < 500; i++) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`nothing listens on ${port}`);
}

/** The peak resident memory of a live process (VmHWM), in kB; 0 once it is gone. */
function peakRss(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The CPU time a live process used so far (user + system, all threads), in ms; 0 once it is gone. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

/** Reads what a file gained since the last call: line feeds counted, the tail kept. */
function follower(file) {
  const fd = openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(1 << 20);
  let at = 0;
  let lines = 0;
  let tail = '';
  return {
    read() {
      for (;;) {
        if (fstatSync(fd).size <= at) return;
        const n = readSync(fd, chunk, 0, chunk.length, at);
        if (n <= 0) return;
        at += n;
        for (let i = chunk.indexOf(10, 0); i >= 0 && i < n; i = chunk.indexOf(10, i + 1)) lines++;
        tail = (tail + chunk.toString('latin1', Math.max(0, n - 4096), n)).slice(-4096);
      }
    },
    get lines() {
      return lines;
    },
    get tail() {
      return tail;
    },
    close: () => closeSync(fd),
  };
}

/**
 * Starts the sender on `port` and polls until `done(follower)` says the receiver has it all;
 * returns the wall time and the receiver's peak RSS.
 */
async function measure(port, file, outputFile, receiver, done) {
  const follow = follower(outputFile);
  const input = openSync(file, 'r');
  let peak = 0;
  const cpuBefore = cpuMs(receiver.pid);
  let cpu = 0;
  const start = performance.now();
  // cat into bash's /dev/tcp: cat writes 128 KB at a time, so the sender (ncat --send-only takes
  // more than twice as long) never sets the pace, the receiver does
  const sender = spawn('bash', ['-c', `cat > /dev/tcp/127.0.0.1/${port}`], {
    stdio: [input, 'ignore', 'ignore'],
  });
  const sent = new Promise((resolve) => sender.on('exit', resolve));
  let exited = false;
  receiver.on('exit', () => (exited = true));
  let elapsed;
  for (;;) {
    peak = Math.max(peak, peakRss(receiver.pid));
    cpu = Math.max(cpu, cpuMs(receiver.pid) - cpuBefore);
    follow.read();
    if (done(follow)) {
      elapsed = performance.now() - start;
      break;
    }
    if (exited || performance.now() - start > TIMEOUT_MS) break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  peak = Math.max(peak, peakRss(receiver.pid));
  await sent;
  closeSync(input);
  follow.close();
  return { elapsed, peak, cpu, lines: follow.lines, tail: follow.tail };
}

async function rsyslogRound(dir, file, i) {
  const port = await freePort();
  const here = path.join(dir, `rsyslog-${i}`);
  mkdirSync(path.join(here, 'work'), { recursive: true });
  const out = path.join(here, 'out.log');
  writeFileSync(out, '');
  const conf = path.join(here, 'rsyslog.conf');
  // the input's own ruleset, so that rsyslog's messages about itself stay out of the file; no
  // octet-counted framing, since the agent's lines start with digits (its ISO time), which
  // rsyslog would otherwise take for an octet count (a framing error) — as an administrator
  // receiving the agent sets it
  writeFileSync(
    conf,
    [
      `global(workDirectory="${path.join(here, 'work')}" maxMessageSize="64k")`,
      'module(load="imtcp")',
      `input(type="imtcp" address="127.0.0.1" port="${port}" ruleset="bench" supportOctetCountedFraming="off")`,
      `ruleset(name="bench") { action(type="omfile" file="${out}") }`,
      '',
    ].join('\n'),
  );
  const rsyslog = spawn('rsyslogd', ['-n', '-f', conf, '-i', path.join(here, 'rsyslogd.pid')], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const exited = new Promise((resolve) => rsyslog.on('exit', resolve));
  await waitListening(port);
  const result = await measure(port, file, out, rsyslog, (f) => f.lines >= EVENTS);
  rsyslog.kill('SIGTERM');
  await exited;
  return result;
}

async function doctorRound(dir, file, i, { doctor, env }) {
  const port = await freePort();
  const out = path.join(dir, `listen-${i}.txt`);
  const fd = openSync(out, 'w');
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
  const listener = spawn(process.execPath, args, { stdio: ['ignore', fd, 'ignore'], env });
  closeSync(fd);
  const exited = new Promise((resolve) => listener.on('exit', resolve));
  await waitListening(port);
  const result = await measure(port, file, out, listener, (f) => /Received \d+ events/.test(f.tail));
  await exited;
  const match = /Received (\d+) events/.exec(result.tail);
  return { ...result, counted: match ? Number(match[1]) : 0 };
}

export default async function listenBench({ doctor, env, runs }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-bench-'));
  try {
    const samples = readFileSync(new URL('../fixtures/cef-samples.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean);
    const file = path.join(dir, 'events.txt');
    writeFileSync(
      file,
      `${Array.from({ length: EVENTS }, (_, i) => samples[i % samples.length]).join('\n')}\n`,
    );
    const megabytes = (readFileSync(file).length / 1e6).toFixed(1);
    const rounds = Math.max(3, Math.min(runs, 7));

    const theirs = [];
    const ours = [];
    let counted = EVENTS;
    for (let i = 0; i < rounds; i++) {
      theirs.push(await rsyslogRound(dir, file, i));
      const round = await doctorRound(dir, file, i, { doctor, env });
      ours.push(round);
      if (round.counted !== EVENTS) {
        counted = round.counted;
        break;
      }
    }
    const time = (results) => median(results.map((r) => r.elapsed ?? Infinity));
    const rss = (results) => Math.max(...results.map((r) => r.peak)) / 1024;
    const ourTime = time(ours);
    const rsyslogTime = time(theirs);
    const ratio = ourTime / rsyslogTime;
    const cpu = (results) => median(results.map((r) => r.cpu));
    const exact = counted === EVENTS;
    console.log(
      `syslog listen: ${EVENTS} events (${megabytes} MB) over TCP in ${ourTime.toFixed(0)} ms, counted ${counted} (${exact ? 'exact' : 'LOSS'}), peak RSS ${rss(ours).toFixed(0)} MB`,
    );
    console.log(
      `rsyslogd imtcp → omfile: the same stream in ${rsyslogTime.toFixed(0)} ms, peak RSS ${rss(theirs).toFixed(0)} MB`,
    );
    console.log(
      `  rounds (ms): siem-doctor ${ours.map((r) => r.elapsed?.toFixed(0)).join(' ')}; rsyslog ${theirs.map((r) => r.elapsed?.toFixed(0)).join(' ')}`,
    );
    console.log(
      `  CPU time while receiving (median): siem-doctor ${cpu(ours).toFixed(0)} ms; rsyslog ${cpu(theirs).toFixed(0)} ms`,
    );
    console.log(
      `wall time ratio siem-doctor/rsyslog: ${ratio.toFixed(2)} (target ≤ 1.0: ${ratio <= 1 ? 'meets' : 'MISSES'})`,
    );
    return exact && ratio <= 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const met = await listenBench({
    root,
    doctor: path.join(root, 'bin', 'run.js'),
    env: { ...process.env, NO_COLOR: '1', JAVA_HOME: '' },
    runs: Number(process.env.BENCH_RUNS ?? 5),
  });
  process.exitCode = met ? 0 : 1;
}
