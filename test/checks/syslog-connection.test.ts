// syslog-connection against real servers on 127.0.0.1 (run with syslog-send, as a round runs them).
import { afterEach, describe, expect, it } from 'vitest';
import { check, closePeers, peers } from '../helpers/syslog-checks.js';
import { closedPort, tcpServer, udpServer, unresponsiveListener } from '../helpers/servers.js';

afterEach(closePeers);

describe('syslog-connection over TCP', () => {
  it('fail on a closed port with "refused", and skip the send', async () => {
    const port = await closedPort();
    const { connection, send } = await check({ syslogPort: port });
    expect(connection).toMatchObject({
      status: 'fail',
      documentedError: 'Data server connection error',
      message: `connection to 127.0.0.1:${port}/tcp refused: nothing is listening on that port`,
      reproduce: `ncat -4 -v 127.0.0.1 ${port}`,
    });
    expect(connection.evidence).toMatchObject({ code: 'ECONNREFUSED' });
    expect(send).toMatchObject({ status: 'skip', message: 'not run: syslog-connection did not pass (fail)' });
  });

  it('fail with "timed out" when nothing answers (full accept queue), within the budget', async () => {
    const server = await unresponsiveListener();
    peers.push(server);
    const { connection } = await check({ syslogPort: server.port, timeoutMs: 1000 });
    expect(connection).toMatchObject({ status: 'fail', evidence: { code: 'ETIMEDOUT' } });
    expect(connection.message).toContain('got no answer within 1 s');
  });

  it('fail on a name that does not resolve', async () => {
    const { connection } = await check({ syslogHost: 'siem.does-not-exist.invalid', syslogPort: 514 });
    expect(connection).toMatchObject({ status: 'fail', documentedError: 'Data server connection error' });
    expect(connection.message).toContain('does not resolve');
  });

  it('connection fails, saying so, on a server that resets as soon as it accepts', async () => {
    const server = await tcpServer((socket) => socket.resetAndDestroy());
    peers.push(server);
    const { connection, send } = await check({ syslogPort: server.port });
    if (connection.status === 'fail') {
      expect(connection.message).toContain('reset it at once');
      expect(send.status).toBe('skip');
    } else {
      // the reset may also land after the handshake was reported: then the send sees it
      expect(send).toMatchObject({ status: 'fail', documentedError: 'Data server send error' });
    }
  });

  it('skip, never pass, without a SIEM server', async () => {
    const { connection, send } = await check({ syslogHost: undefined });
    expect(connection).toMatchObject({
      status: 'skip',
      message: expect.stringContaining('no SIEM server given'),
    });
    expect(send.status).toBe('skip');
  });
});

describe('syslog-connection over UDP', () => {
  it('fail on ICMP port unreachable', async () => {
    const port = await closedPort();
    const { connection, send } = await check({ syslogPort: port, protocol: 'udp' });
    expect(connection).toMatchObject({ status: 'fail', evidence: { code: 'ECONNREFUSED' } });
    expect(connection.message).toContain('port unreachable');
    expect(send.status).toBe('skip');
  });

  it('warn, never pass, when nothing refuses', async () => {
    const server = await udpServer();
    peers.push(server);
    const { connection, send } = await check({ syslogPort: server.port, protocol: 'udp' });
    expect(connection.status).toBe('warn');
    expect(connection.documentedError).toBeUndefined();
    expect(connection.message).toContain('delivery cannot be confirmed');
    expect(send).toMatchObject({ status: 'skip' });
    expect(server.messages.every((m) => m.length === 0)).toBe(true);
  });
});
