// sendAndWatch against real receivers on 127.0.0.1: what each way of handling the connection yields.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendAndWatch } from '../../src/probes/syslog-send.js';
import { tcpServer, type Peer } from '../helpers/servers.js';

const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

async function connectTo(server: Peer, allowHalfOpen = false): Promise<net.Socket> {
  const socket = net.connect({ port: server.port, host: '127.0.0.1', allowHalfOpen });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
}

async function start(onConnection: (socket: net.Socket) => void, options: net.ServerOpts = {}) {
  const server = await tcpServer(onConnection, options);
  peers.push(server);
  return server;
}

describe('sendAndWatch', () => {
  it('confirms a receiver that reads to the end and closes', async () => {
    const server = await start((socket) => socket.resume());
    const outcome = await sendAndWatch(await connectTo(server), Buffer.from('<14>hello\n'), 2000);
    expect(outcome).toMatchObject({ ok: true, confirmed: true, bytes: 10 });
  });

  it('leaves receipt unconfirmed, without an error, when the receiver keeps its side open', async () => {
    const server = await start((socket) => socket.resume(), { allowHalfOpen: true });
    const outcome = await sendAndWatch(await connectTo(server), Buffer.from('<14>hello\n'), 10_000);
    expect(outcome).toMatchObject({ ok: true, confirmed: false });
  });

  it('stalls, with the write not drained, when a receiver that never reads lets the buffers fill', async () => {
    const server = await start(() => undefined, { pauseOnConnect: true });
    // far more than loopback's socket buffers on both sides hold
    const outcome = await sendAndWatch(await connectTo(server), Buffer.alloc(64 * 1024 * 1024, 0x41), 1000);
    expect(outcome).toMatchObject({ ok: false, kind: 'stalled', drained: false });
  });

  it('takes a receiver that half-closes at once and reads on as one that reads (receipt unconfirmed)', async () => {
    const received: Buffer[] = [];
    const server = await start(
      (socket) => {
        socket.on('data', (chunk) => received.push(chunk));
        socket.end(); // its side has nothing to send, as `ncat --recv-only`
      },
      { allowHalfOpen: true },
    );
    const socket = await connectTo(server, true);
    await new Promise((resolve) => socket.once('end', resolve)); // its end of stream came first
    const payload = Buffer.from('<14>hello, half-closed world\n');
    const outcome = await sendAndWatch(socket, payload, 2000);
    expect(outcome).toMatchObject({ ok: true, confirmed: false, halfClosed: true, bytes: payload.length });
    await expect.poll(() => Buffer.concat(received).toString()).toBe(payload.toString());
  });

  it('says closed, with the write error, when a receiver that closed at once draws a reset from the last byte', async () => {
    const server = await start((socket) => socket.destroy());
    const socket = await connectTo(server, true);
    await new Promise((resolve) => socket.once('end', resolve));
    const outcome = await sendAndWatch(socket, Buffer.from('<14>hello\n'), 2000);
    expect(outcome).toMatchObject({ ok: false, kind: 'closed', drained: true });
    expect(['EPIPE', 'ECONNRESET']).toContain((outcome as { code?: string }).code);
  });

  it('says closed at once, nothing written, when Node already ended a socket that is not half-open', async () => {
    const server = await start((socket) => socket.end(), { allowHalfOpen: true });
    const socket = await connectTo(server);
    await new Promise((resolve) => socket.once('end', resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const outcome = await sendAndWatch(socket, Buffer.from('<14>hello\n'), 2000);
    expect(outcome).toMatchObject({ ok: false, kind: 'closed', bytes: 0 });
  });

  it('reports a reset', async () => {
    const server = await start((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const outcome = await sendAndWatch(await connectTo(server), Buffer.from('<14>hello\n'), 2000);
    expect(outcome).toMatchObject({ ok: false, kind: 'reset', code: 'ECONNRESET' });
  });
});
