// syslog-send against real servers on 127.0.0.1, on the connection syslog-connection opened.
import { afterEach, describe, expect, it } from 'vitest';
import { check, closePeers, peers } from '../helpers/syslog-checks.js';
import { parseSyslogLine } from '../../src/syslog/cef.js';
import { collectingServer, ncatReceiver, tcpServer } from '../helpers/servers.js';

afterEach(closePeers);

describe('syslog-send over TCP', () => {
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

  it('send warns, without a documented error, on `ncat -l --recv-only`, which half-closes at once and reads on', async () => {
    const ncat = await ncatReceiver();
    peers.push(ncat);
    const { connection, send } = await check({ syslogPort: ncat.port });
    expect(connection.status).toBe('pass');
    expect(send).toMatchObject({
      status: 'warn',
      evidence: { drained: true, peerClosed: true, halfClosed: true },
    });
    expect(send.documentedError).toBeUndefined();
    expect(send.message).toContain('the server ended its side of the connection before ours');
    // every byte of the event reached ncat, its line feed (the byte held back) included
    const lines = (await ncat.received()).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`externalId=${send.evidence?.externalId}`);
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
});
