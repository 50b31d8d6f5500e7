// The real CLI as a process under /usr/bin/time -v, for the tests that bound its memory: the peak
// resident set size the kernel saw (VmHWM), whatever the process did between two samples.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.js';

const BIN = path.join(ROOT, 'bin', 'run.js');

export interface Measured {
  exitCode: number;
  stderr: string;
  /** Peak resident set size, in MB. */
  peakMB: number;
}

/**
 * Starts `siem-doctor ...args`. Its stdout is the caller's to read (`child.stdout`, before the
 * next turn of the event loop); unread, it is drained and dropped.
 */
export function measuredCli(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  done: Promise<Measured>;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sd-time-'));
  const report = path.join(dir, 'time.txt');
  const child = spawn('/usr/bin/time', ['-v', '-o', report, process.execPath, BIN, ...args], {
    env: { ...process.env, LANG: 'C', LC_ALL: 'C', NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  setImmediate(() => {
    if (child.stdout.listenerCount('data') === 0) child.stdout.resume();
  });
  const done = (async () => {
    await new Promise((resolve) => child.on('close', resolve));
    const text = await readFile(report, 'utf8');
    await rm(dir, { recursive: true, force: true });
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]);
    const exitCode = Number(/Exit status: (\d+)/.exec(text)?.[1] ?? -1);
    return { exitCode, stderr, peakMB: kb / 1024 };
  })();
  return { child, done };
}
