// syslog-connection and syslog-send against real servers on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { gatherFacts } from '../../src/checks/facts.js';
import { runChecks } from '../../src/checks/run.js';
import { syslogConnection } from '../../src/checks/syslog-connection.js';
import { syslogSend } from '../../src/checks/syslog-send.js';
import type { DoctorConfig } from '../../src/config/resolve.js';
import { parseSyslogLine } from '../../src/syslog/cef.js';
import { config } from '../helpers/context.js';
import {
  closedPort,
  collectingServer,
  tcpServer,
  udpServer,
  unresponsiveListener,
  type Peer,
} from '../helpers/servers.js';

const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

async function check(overrides: Partial<DoctorConfig>) {
  const cfg = config({ syslogHost: '127.0.0.1', timeoutMs: 1500, ...overrides });
  const facts = gatherFacts(cfg, process.env);
  try {
    const [connection, send] = await runChecks([syslogConnection, syslogSend], {
      config: cfg,
      facts,
      catalog: en,
      toolVersion: '1.0.0',
    });
    return { connection: connection!, send: send! };
  } finally {
    facts.dispose();
  }
}

describe('syslog checks over TCP', () => {
  it('pass against a receiver, which gets one marked event in the agent format', async () => {
    const server = await collectingServer();
    peers.push(server);
    const { connection, send } = await check({ syslogPort: server.port });
    expect(connection).toMatchObject({
      status: 'pass',
      evidence: { addresses: ['127.0.0.1'], port: server.port },
    });
    expect(send.status).toBe('pass');
    expect(server.received.length).toBeGreaterThan(0);
    const lines = server.text().split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const parsed = parseSyslogLine(lines[0]!);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.event.cef.signatureId).toBe('EVENT_CATEGORY_SIEM_DOCTOR_TEST');
      expect(parsed.event.cef.extension.externalId).toBe(send.evidence?.externalId);
      expect(parsed.event.cef.extension.externalId).toMatch(/^siem-doctor-/);
    }
  });

  it('work with a listener that takes a single connection, as `ncat -l` does', async () => {
    let served = 0;
    const received: Buffer[] = [];
    const server = await tcpServer((socket) => {
      if (++served > 1) return socket.destroy();
      socket.on('data', (c) => received.push(c));
    });
    peers.push(server);
    const { connection, send } = await check({ syslogPort: server.port });
    expect([connection.status, send.status]).toEqual(['pass', 'pass']);
    expect(served).toBe(1);
    expect(Buffer.concat(received).toString()).toContain('siem-doctor connectivity test');
  });

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

  it('send fails on a server that resets when data arrives (e.g. a TLS-only input)', async () => {
    const server = await tcpServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    peers.push(server);
    const { connection, send } = await check({ syslogPort: server.port });
    expect(connection.status).toBe('pass');
    expect(send).toMatchObject({
      status: 'fail',
      documentedError: 'Data server send error',
      evidence: { code: 'ECONNRESET' },
    });
    expect(send.message).toContain('reset the connection while the test event was written');
  });

  it('send fails on a server that closes at once', async () => {
    const server = await tcpServer((socket) => socket.destroy());
    peers.push(server);
    const { send } = await check({ syslogPort: server.port });
    expect(send).toMatchObject({ status: 'fail', documentedError: 'Data server send error' });
    expect(send.message).toMatch(/closed the connection|reset the connection/);
  });

  it('send warns "receipt not confirmed" on a server that accepts and never reads one small event', async () => {
    // the kernel takes the few hundred bytes for it: TCP shows nothing else
    const server = await tcpServer(() => undefined, { pauseOnConnect: true });
    peers.push(server);
    const { connection, send } = await check({ syslogPort: server.port, timeoutMs: 800 });
    expect(connection.status).toBe('pass');
    expect(send).toMatchObject({ status: 'warn', evidence: { drained: true, peerClosed: false } });
    expect(send.documentedError).toBeUndefined();
    expect(send.message).toContain('receipt not confirmed');
  });

  it('send warns, well before its budget, on a receiver that reads everything and keeps its side open', async () => {
    const received: Buffer[] = [];
    // allowHalfOpen: our end of stream does not make it close
    const server = await tcpServer((socket) => socket.on('data', (c) => received.push(c)), {
      allowHalfOpen: true,
    });
    peers.push(server);
    const started = performance.now();
    const { send } = await check({ syslogPort: server.port, timeoutMs: 10_000 });
    // generous: the whole budget would be 10 s for the write alone
    expect(performance.now() - started).toBeLessThan(8000);
    expect(send).toMatchObject({
      status: 'warn',
      evidence: { drained: true, peerClosed: false, bytes: expect.any(Number) },
    });
    expect(send.message).toContain('sent; receipt not confirmed');
    expect(Buffer.concat(received).toString()).toContain('siem-doctor connectivity test');
  });

  it('send skips under --no-test-event', async () => {
    const server = await collectingServer();
    peers.push(server);
    const { send } = await check({ syslogPort: server.port, sendTestEvent: false });
    expect(send).toMatchObject({ status: 'skip', message: 'not run: --no-test-event was given' });
    expect(server.received).toHaveLength(0);
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

describe('syslog checks over UDP', () => {
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
