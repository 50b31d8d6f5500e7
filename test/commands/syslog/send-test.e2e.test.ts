// send-test as a process, with its peak memory: bounded whatever --count, since the events are
// made as they are written and the writing waits for the receiver.
import { afterEach, describe, expect, it } from 'vitest';
import { measuredCli } from '../../helpers/measured.js';
import { closedPort, tcpServer, type Peer } from '../../helpers/servers.js';

const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

/** Far below what the events would take held at once (a million of them: about 3 GB). */
const PEAK_MB = 200;

const sendTest = (port: number, ...flags: string[]) =>
  measuredCli(['syslog', 'send-test', '--syslog-host', '127.0.0.1', '--syslog-port', String(port), ...flags])
    .done;

describe('siem-doctor syslog send-test, bounded', () => {
  it('fails at once on a closed port whatever --count, before making any event', async () => {
    const port = await closedPort();
    const { exitCode, stderr, peakMB } = await sendTest(port, '--count', '1000000');
    expect(exitCode).toBe(1);
    expect(stderr).toContain('refused: nothing is listening on that port');
    expect(peakMB).toBeLessThan(PEAK_MB);
  });

  it('delivers every event to a receiver that reads slowly, with flat memory', async () => {
    let lines = 0;
    const server = await tcpServer((socket) => {
      socket.on('data', (chunk: Buffer) => {
        for (const byte of chunk) if (byte === 0x0a) lines++;
        socket.pause(); // a slow reader: the sender must wait for it, not pile up events
        setTimeout(() => socket.resume(), 1);
      });
      socket.on('end', () => socket.end());
    });
    peers.push(server);
    const { exitCode, stderr, peakMB } = await sendTest(server.port, '--count', '150000', '--timeout', '30');
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(lines).toBe(150_000);
    expect(peakMB).toBeLessThan(PEAK_MB);
  }, 60_000);

  it('reports a receiver that stops reading as a stall, with how many events it took', async () => {
    const server = await tcpServer((socket) => socket.pause());
    peers.push(server);
    const { exitCode, stderr, peakMB } = await sendTest(server.port, '--count', '1000000', '--timeout', '1');
    expect(exitCode).toBe(1);
    expect(stderr).toContain('stalled for 1 s');
    expect(stderr).toMatch(/\n\d+ of 1000000 events (?:was|were) taken by the server before that\n/);
    expect(peakMB).toBeLessThan(PEAK_MB);
  });
});
