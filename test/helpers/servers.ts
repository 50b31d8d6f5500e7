// Real peers on 127.0.0.1 for the network tests. Each closes itself in `close()`; tests call it in
// afterEach/finally so that no socket outlives its test.
import { spawn } from 'node:child_process';
import net from 'node:net';
import dgram from 'node:dgram';
import { once } from 'node:events';

export interface Peer {
  port: number;
  close(): Promise<void>;
}

/**
 * Starts `server` on a free 127.0.0.1 port. close() ends every connection it took, and any other
 * socket put in `sockets`, then the server: server.close alone would wait for them.
 */
export async function listenOnLoopback(server: net.Server, sockets = new Set<net.Socket>()): Promise<Peer> {
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A TCP server whose connections get `onConnection`. */
export async function tcpServer(
  onConnection: (socket: net.Socket) => void,
  options: net.ServerOpts = {},
): Promise<Peer> {
  const server = net.createServer(options, (socket) => {
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  return listenOnLoopback(server);
}

/** A syslog receiver that reads everything and closes when the sender does. */
export async function collectingServer() {
  const received: Buffer[] = [];
  const peer = await tcpServer((socket) => {
    socket.on('data', (chunk) => received.push(chunk));
  });
  return { ...peer, received, text: () => Buffer.concat(received).toString('utf8') };
}

/** A port (TCP, or UDP) that was just free on 127.0.0.1: nothing listens there. */
export async function closedPort(protocol: 'tcp' | 'udp' = 'tcp'): Promise<number> {
  const peer = protocol === 'udp' ? await udpServer() : await tcpServer(() => undefined);
  await peer.close();
  return peer.port;
}

export async function udpServer(): Promise<Peer & { messages: Buffer[] }> {
  const socket = dgram.createSocket('udp4');
  const messages: Buffer[] = [];
  socket.on('message', (m) => messages.push(m));
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return {
    port: socket.address().port,
    messages,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/**
 * A listener whose accept queue is full: it never accepts and its backlog is taken by filler
 * connections, so a new SYN gets no answer — what a firewall that drops packets looks like.
 * Node accepts by itself, so a tiny Python process holds the socket.
 */
export async function unresponsiveListener(): Promise<Peer> {
  const child = spawn(
    'python3',
    [
      '-c',
      'import socket,sys,time\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\nsys.stdin.read()',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  // A missing python3 is said at once ('error' rejects once()), not after the test's timeout.
  const [line] = (await Promise.race([
    once(child.stdout!, 'data'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`python3 (needed for the unresponsive listener) exited with ${code}`);
    }),
  ])) as [Buffer];
  const port = Number(line.toString().trim());
  const fillers: net.Socket[] = [];
  // Fill the backlog; on Linux listen(0) keeps one or two completed connections.
  for (let i = 0; i < 3; i++) {
    const filler = net.connect(port, '127.0.0.1');
    filler.on('error', () => undefined);
    fillers.push(filler);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    port,
    close: async () => {
      for (const f of fillers) f.destroy();
      child.stdin!.end();
      child.kill();
      await once(child, 'exit');
    },
  };
}

/**
 * `ncat -l --recv-only` on a free 127.0.0.1 port: it takes one connection, half-closes it at once
 * (its side has nothing to send) and writes what it reads to its stdout, until the sender ends.
 * `received()` is what it wrote; ready once ncat says it listens (a probe would use up its one
 * connection).
 */
export async function ncatReceiver(): Promise<Peer & { received(): Promise<string> }> {
  const port = await closedPort();
  const child = spawn('ncat', ['-4', '-v', '-l', '--recv-only', '127.0.0.1', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
  const exited = once(child, 'exit');
  let said = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ncat did not listen: ${said}`)), 10_000);
    child.on('error', reject);
    child.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('Listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    port,
    received: async () => {
      // it exits once the sender ended the connection; bounded, should the sender never end
      const bound = setTimeout(() => child.kill(), 15_000);
      await exited;
      clearTimeout(bound);
      return Buffer.concat(out).toString('utf8');
    },
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
