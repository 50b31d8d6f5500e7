// syslog listen as a process, with its peak memory: a reader of its output that does not keep up
// pauses the senders instead of growing the listener; a --duration no timer holds is bad input.
import net from 'node:net';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { doctor } from '../../helpers/cli.js';
import { measuredCli } from '../../helpers/measured.js';
import { FIXTURES } from '../../helpers/paths.js';
import { closedPort } from '../../helpers/servers.js';

const SAMPLES = readFileSync(path.join(FIXTURES, 'cef-samples.txt'), 'utf8').split('\n').filter(Boolean);

describe('siem-doctor syslog listen, bounded', () => {
  it('--json: a stdout read slowly pauses the sender, every event arrives, memory stays flat', async () => {
    const events = 100_000; // about 66 MB sent, some 150 MB of JSON lines printed
    const port = await closedPort(); // free now: the listener takes it
    const { child, done } = measuredCli([
      'syslog',
      'listen',
      '--port',
      String(port),
      '--json',
      '--count',
      String(events),
      '--duration',
      '120',
    ]);
    let printed = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 0x0a) printed++;
    });
    child.stdout.pause(); // nobody reads its output at first
    // Wait until it listens (it says so on stderr), then send everything on one connection.
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let i = 0; i < 200 && !stderr.includes('Listening'); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const lines = Array.from({ length: events }, (_, i) => SAMPLES[i % SAMPLES.length]).join('\n');
    // Sending ends at once when the listener reads everything into its memory; when it waits for
    // its stdout, the stream stalls in the kernel's buffers until the reader below starts.
    const sent = new Promise<void>((resolve) => socket.end(`${lines}\n`, resolve));
    await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, 3000))]);
    child.stdout.resume();
    const { exitCode, peakMB } = await done;
    socket.destroy();
    expect(exitCode).toBe(0);
    expect(printed).toBe(events + 1); // an object per event, and the summary
    expect(peakMB).toBeLessThan(150); // before it waited for stdout, it held all it printed
  }, 120_000);

  it.each(['1e9', '2147484', '0', '-1', 'soon', '0.0001'])(
    '--duration %s is bad input: one line, exit 2',
    async (value) => {
      const { exitCode, stderr } = await doctor(['syslog', 'listen', '--port', '5599', '--duration', value]);
      expect(exitCode).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(`--duration "${value}" must be a number of seconds from 0.001 to 2147483`);
    },
  );
});
