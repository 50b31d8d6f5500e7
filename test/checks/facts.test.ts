// The facts a round shares: the syslog connection is a session fact, held from the connection
// check to the send check, and closed by dispose() when nobody took it.
import net from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { gatherFacts, Held } from '../../src/checks/facts.js';
import { config } from '../helpers/context.js';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server on 127.0.0.1 that tells when its peer closed the connection. */
async function server() {
  const closed: Promise<void>[] = [];
  const s = net.createServer((socket) => {
    socket.resume();
    closed.push(once(socket, 'close').then(() => undefined));
  });
  servers.push(s);
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  return { port: (s.address() as net.AddressInfo).port, closed, sockets: () => closed.length };
}

describe('the syslog socket as a session fact', () => {
  it('is held after the connection, handed over once, and closed by dispose() when not taken', async () => {
    const peer = await server();
    const facts = gatherFacts(config({ syslogHost: '127.0.0.1', syslogPort: peer.port }), {});
    const shared = await facts.syslogConnection();
    expect(shared?.outcome.ok).toBe(true);
    await expect.poll(() => peer.sockets()).toBe(1);
    facts.dispose();
    await peer.closed[0]; // the server sees it close: nothing left open after the round
    expect(facts.syslogSocket.take()).toBeUndefined();
  });

  it('is the taker’s once taken: dispose() leaves it open', async () => {
    const peer = await server();
    const facts = gatherFacts(config({ syslogHost: '127.0.0.1', syslogPort: peer.port }), {});
    await facts.syslogConnection();
    const socket = facts.syslogSocket.take();
    expect(socket).toBeInstanceOf(net.Socket);
    expect(facts.syslogSocket.take()).toBeUndefined(); // one hand-over
    facts.dispose();
    expect(socket!.destroyed).toBe(false);
    socket!.destroy();
    await peer.closed[0];
  });

  it('Held closes what it held when given another, and on close()', () => {
    const destroyed: string[] = [];
    const thing = (name: string) => ({ destroy: () => destroyed.push(name) });
    const held = new Held<ReturnType<typeof thing>>();
    held.hold(thing('a'));
    held.hold(thing('b'));
    expect(destroyed).toEqual(['a']);
    held.close();
    expect(destroyed).toEqual(['a', 'b']);
    held.close();
    expect(destroyed).toEqual(['a', 'b']);
  });
});
