import { afterEach, describe, expect, it } from 'vitest';
import { startListener, type ReceivedEvent } from '../../../src/syslog/listener.js';
import { doctor } from '../../helpers/cli.js';
import { closedPort, ncatReceiver, tcpServer, type Peer } from '../../helpers/servers.js';

const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

/** `siem-doctor syslog send-test` to 127.0.0.1:port, with more flags after. */
const sendTest = (port: number, ...flags: string[]) =>
  doctor(['syslog', 'send-test', '--syslog-host', '127.0.0.1', '--syslog-port', String(port), ...flags]);

async function listenFor(count: number, protocol: 'tcp' | 'udp' = 'tcp') {
  const events: ReceivedEvent[] = [];
  const listener = await startListener({
    host: '127.0.0.1',
    port: 0,
    protocol,
    count,
    durationMs: 5000,
    onEvent: (e) => events.push(e),
  });
  return { port: listener.address.port, done: listener.done, events };
}

describe('siem-doctor syslog send-test', () => {
  it('sends N marked events over TCP that a listener parses back', async () => {
    const { port, done, events } = await listenFor(7);
    const { stdout, exitCode } = await sendTest(port, '--count', '7');
    const summary = await done;
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`Sent 7 events`);
    expect(stdout).toContain('SupportOctetCountedFraming'); // the rsyslog hint for agent-style lines
    expect(summary).toMatchObject({ events: 7, malformed: 0, stoppedBy: 'count', framing: { lf: 7 } });
    expect(summary.alerts).toBeGreaterThan(0);
    expect(summary.activities).toBeGreaterThan(0);
    for (const { event } of events)
      expect(event!.cef.extension.externalId).toMatch(/^siem-doctor-\d+-[0-9a-f]+-\d+$/);
  });

  it('frames octet-counted with PRI and an RFC 3164 header when asked', async () => {
    const { port, done, events } = await listenFor(3);
    const { exitCode } = await sendTest(
      port,
      '--count',
      '3',
      '--framing',
      'octet',
      '--pri',
      '134',
      '--rfc3164',
      '--system-name',
      'agent01',
    );
    const summary = await done;
    expect(exitCode).toBe(0);
    expect(summary.framing).toMatchObject({ octet: 3, lf: 0 });
    expect(events[0]!.event!).toMatchObject({ pri: 134, hostname: 'agent01' });
    expect(events[0]!.event!.timestamp).toMatch(/^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d$/);
  });

  it('sends over UDP, one datagram per event, and says delivery is unconfirmed', async () => {
    const { port, done } = await listenFor(4, 'udp');
    const { stdout, exitCode } = await sendTest(port, '--protocol', 'udp', '--count', '4', '--json');
    const summary = await done;
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, sent: 4, protocol: 'udp' });
    expect(summary).toMatchObject({ events: 4, framing: { datagram: 4 } });
  });

  it('exits 1 and says why when the server refuses', async () => {
    const port = await closedPort();
    const { stderr, exitCode } = await sendTest(port);
    expect(exitCode).toBe(1);
    expect(stderr).toContain('refused: nothing is listening on that port');
  });

  it('exits 1 when the server resets the data', async () => {
    const server = await tcpServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    peers.push(server);
    const { stderr, exitCode } = await sendTest(server.port);
    expect(exitCode).toBe(1);
    expect(stderr).toContain('reset the connection');
  });

  it('delivers every event to `ncat -l --recv-only`, which half-closes at once, and says so', async () => {
    const ncat = await ncatReceiver();
    peers.push(ncat);
    const { exitCode, stdout, stderr } = await sendTest(ncat.port, '--count', '5000');
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Sent 5000 events');
    expect(stdout).toContain('The server ended its side of the connection first');
    const lines = (await ncat.received()).split('\n');
    expect(lines).toHaveLength(5001);
    expect(lines[4999]).toMatch(/externalId=siem-doctor-[^ ]+-5000 /);
  });

  it('says closed, not sent, when the receiver closes each connection at once', async () => {
    const server = await tcpServer((socket) => socket.destroy());
    peers.push(server);
    for (const count of ['1', '5000']) {
      const { exitCode, stdout, stderr } = await sendTest(server.port, '--count', count);
      expect(exitCode).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('the SIEM server closed the connection');
    }
  });

  it('exits 1 on UDP port unreachable', async () => {
    const port = await closedPort();
    const { stderr, exitCode } = await sendTest(port, '--protocol', 'udp');
    expect(exitCode).toBe(1);
    expect(stderr).toContain('port unreachable');
  });

  it.each([
    [[], '--syslog-host is required'],
    [['--syslog-host', '127.0.0.1'], '--syslog-port is required'],
    [['--syslog-host', '127.0.0.1', '--syslog-port', '0'], 'must be a whole number from 1 to 65535'],
  ])('bad input %j exits 2 with one line', async (args, expected) => {
    const { stderr, exitCode } = await doctor(['syslog', 'send-test', ...args]);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(expected);
  });

  it.each([
    ['fr', [], '--syslog-host est obligatoire'],
    ['nl', ['--syslog-host', '127.0.0.1'], '--syslog-port is verplicht'],
    [
      'fr',
      ['--syslog-host', '127.0.0.1', '--syslog-port', '514', '--system-name', 'a\u001bb'],
      'contient des caractères de contrôle',
    ],
  ])('bad input in %s: %j, the line in that language', async (lang, args, expected) => {
    const { stderr, exitCode } = await doctor(['syslog', 'send-test', '--lang', lang, ...args]);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(expected);
  });

  it('--json returns the send result as the one document, and prints nothing else on failure', async () => {
    const port = await closedPort();
    const { stdout, stderr, exitCode } = await sendTest(port, '--json');
    expect(exitCode).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      stage: 'connect',
      code: 'ECONNREFUSED',
      port,
      count: 5,
    });
    expect(stderr).toBe('');
  });
});
