// sendAndWatch against real receivers on 127.0.0.1: what each way of handling the connection yields.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendAndWatch } from '../../src/probes/syslog-send.js';
import { tcpServer, type Peer } from '../helpers/servers.js';

const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

async function connectTo(server: Peer): Promise<net.Socket> {
  const socket = net.connect(server.port, '127.0.0.1');
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

  it('reports a reset', async () => {
    const server = await start((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const outcome = await sendAndWatch(await connectTo(server), Buffer.from('<14>hello\n'), 2000);
    expect(outcome).toMatchObject({ ok: false, kind: 'reset', code: 'ECONNRESET' });
  });
});
