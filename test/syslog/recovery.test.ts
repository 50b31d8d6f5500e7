// The parts of the recovery procedure (src/syslog/recovery.ts) on their own: the flags' values,
// the --output file and its rotation on a real disk, and the forwarder
// against real sockets on 127.0.0.1 (a SIEM that refuses, one that resets, one over UDP).
import net from 'node:net';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog, translate } from '../../src/catalog/index.js';
import { ConfigError, FileError } from '../../src/errors.js';
import {
  Forwarder,
  OUTPUT_ERROR,
  RawOutput,
  isSameEndpoint,
  parseForward,
  parseSize,
  startRecovery,
  type ForwardProblem,
} from '../../src/syslog/recovery.js';
import { startListener } from '../../src/syslog/listener.js';
import { closedPort, tcpServer, udpServer, type Peer } from '../helpers/servers.js';

const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'sd-recovery-'));
const message = (i: number, size = 100) => Buffer.from(`m${i} `.padEnd(size, 'x'));

describe('the values of --forward and --output-max-size', () => {
  it.each([
    ['siem.contoso.local:514', 'tcp', { host: 'siem.contoso.local', port: 514, protocol: 'tcp' }],
    ['10.1.2.3:6514/udp', 'tcp', { host: '10.1.2.3', port: 6514, protocol: 'udp' }],
    ['[2001:db8::5]:514/TCP', 'udp', { host: '2001:db8::5', port: 514, protocol: 'tcp' }],
    ['127.0.0.1:514', 'udp', { host: '127.0.0.1', port: 514, protocol: 'udp' }],
  ] as const)('%s (listening over %s)', (raw, protocol, expected) => {
    expect(parseForward(raw, protocol)).toEqual(expected);
  });

  it.each(['siem', 'siem:', 'siem:70000', '2001:db8::5:514', ':514', 'siem:514/tls', 'a b:514', ''])(
    '%j is a ConfigError about --forward',
    (raw) => {
      let error: unknown;
      try {
        parseForward(raw, 'tcp');
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({ input: 'forward', code: 'config' });
      expect((error as Error).message).toContain('HOST:PORT[/tcp|udp]');
    },
  );

  it.each([
    ['siem', 'has no port', { key: 'forward.error.noPort' }],
    ['2001:db8::5:514', 'is an IPv6 address without brackets', { key: 'forward.error.bareIpv6' }],
    [':514', 'names no host or address ("")', { key: 'forward.error.noHost', params: { host: '' } }],
    ['siem:70000', 'has no port from 1 to 65535', { key: 'forward.error.badPort' }],
  ])('%j: a text of the catalog, and today’s English message', (raw, why, problem) => {
    let error: ConfigError | undefined;
    try {
      parseForward(raw, 'tcp');
    } catch (thrown) {
      error = thrown as ConfigError;
    }
    expect(error?.text).toEqual({ key: 'forward.error.form', params: { value: raw }, parts: { problem } });
    expect(error?.message).toBe(
      `"${raw}" ${why}: give HOST:PORT[/tcp|udp], e.g. siem.contoso.local:514/tcp or [2001:db8::5]:514`,
    );
  });

  it('a bad size is a text of the catalog, and today’s English message', () => {
    expect(() => parseSize('1T')).toThrowError(
      expect.objectContaining({
        text: { key: 'output.error.badSize', params: { value: '1T' } },
        message: '"1T" is not a size of at least 1 KB, e.g. 100M or 1G',
      }),
    );
  });

  it.each([
    ['1K', 1024],
    ['64k', 65536],
    ['100M', 100 * 1024 ** 2],
    ['1.5G', 1.5 * 1024 ** 3],
    ['2048', 2048],
    ['10MiB', 10 * 1024 ** 2],
  ])('size %s is %d bytes', (raw, bytes) => {
    expect(parseSize(raw)).toBe(bytes);
  });

  it.each(['', '100', '1T', 'big', '-5M', '0'])('size %j is a ConfigError about --output', (raw) => {
    expect(() => parseSize(raw)).toThrowError(ConfigError);
  });

  it('tells a forward to the listening address itself', () => {
    const target = { host: '127.0.0.1', port: 5514, protocol: 'tcp' } as const;
    const tcp = 'tcp' as const;
    expect(isSameEndpoint({ host: '127.0.0.1', port: 5514, protocol: tcp }, target)).toBe(true);
    expect(isSameEndpoint({ host: '0.0.0.0', port: 5514, protocol: tcp }, target)).toBe(true);
    expect(isSameEndpoint({ host: '127.0.0.1', port: 5515, protocol: tcp }, target)).toBe(false);
    expect(isSameEndpoint({ host: '10.0.0.1', port: 5514, protocol: tcp }, target)).toBe(false);
    // the same port over UDP is another socket: listening on TCP and forwarding to UDP is no loop
    expect(isSameEndpoint({ host: '127.0.0.1', port: 5514, protocol: 'udp' }, target)).toBe(false);
  });

  it.each([
    // [listening on, forwarding to, a loop?]
    ['127.0.0.2', '127.0.0.1', false], // two loopback addresses, two sockets
    ['127.0.0.1', '127.0.0.2', false],
    ['127.0.0.2', '127.0.0.2', true],
    ['127.0.0.1', 'localhost', true],
    ['::1', 'localhost', true],
    ['localhost', '127.0.0.1', true],
    ['127.0.0.2', 'localhost', false],
    ['::1', '127.0.0.1', false],
    ['0.0.0.0', '127.0.0.5', true], // every IPv4 address, loopback ones included
    ['0.0.0.0', 'localhost', true],
    ['0.0.0.0', '::1', false], // IPv4 only
    ['::', '::1', true],
    ['::', '127.0.0.1', true], // :: takes IPv4 too
    ['0.0.0.0', '192.0.2.10', false], // a documentation address: not this machine's
    ['10.0.0.1', '127.0.0.1', false],
  ] as const)('listening on %s, forwarding to %s: a loop is %s', (listenHost, targetHost, loop) => {
    const tcp = 'tcp' as const;
    expect(
      isSameEndpoint(
        { host: listenHost, port: 5514, protocol: tcp },
        { host: targetHost, port: 5514, protocol: tcp },
      ),
    ).toBe(loop);
  });

  // a machine with loopback only has no such address: the cases above cover it
  const own = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  it.skipIf(!own)("listening on every address, forwarding to one of this machine's own is a loop", () => {
    const tcp = 'tcp' as const;
    expect(
      isSameEndpoint(
        { host: '0.0.0.0', port: 5514, protocol: tcp },
        { host: own!.address, port: 5514, protocol: tcp },
      ),
    ).toBe(true);
    expect(
      isSameEndpoint(
        { host: '127.0.0.1', port: 5514, protocol: tcp },
        { host: own!.address, port: 5514, protocol: tcp },
      ),
    ).toBe(false);
  });
});

describe('--output: every message, byte for byte, rotated by size', () => {
  it('rotates before a message would pass the size, keeps N files and counts what rotation deleted', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'recovered.log');
    const output = await RawOutput.open({ file, maxBytes: 1024, keep: 2 }, () => undefined);
    const messages = Array.from({ length: 50 }, (_, i) => message(i)); // 101 bytes a line: 10 a file
    for (const m of messages) output.write(m);
    const summary = await output.close();
    expect((await readdir(dir)).sort()).toEqual(['recovered.log', 'recovered.log.1', 'recovered.log.2']);
    const kept = [await readFile(`${file}.2`), await readFile(`${file}.1`), await readFile(file)];
    for (const part of kept) expect(part.length).toBeLessThanOrEqual(1024);
    // what is kept is the end of the stream, in order, each message and a line feed
    expect(Buffer.concat(kept)).toEqual(Buffer.concat(messages.slice(20).flatMap((m) => [m, Buffer.of(10)])));
    expect(summary).toMatchObject({
      messages: 50,
      bytes: 50 * 101,
      rotations: 4,
      rotatedAway: 20,
      notKept: 0,
      files: [file, `${file}.1`, `${file}.2`],
    });
  });

  it("drops what waits past its limit (UDP cannot be paused) and says why in the run's language", async () => {
    const dir = await tmp();
    const output = await RawOutput.open({ file: path.join(dir, 'recovered.log'), keep: 1 }, () => undefined);
    // 17 MB handed over at once (each message and its line feed 1 MB): the disk has taken none yet
    const megabyte = Buffer.alloc((1 << 20) - 1, 0x41);
    for (let i = 0; i < 17; i++) output.write(megabyte);
    const summary = await output.close();
    expect(summary).toMatchObject({ messages: 16, notKept: 1 });
    expect(summary.error).toBeUndefined(); // nothing failed: later messages are kept again
    const fr = await loadCatalog('fr');
    expect(translate(fr, summary[OUTPUT_ERROR]!)).toBe(
      'le disque n’a pas suivi : plus de 16 MB attendaient d’être écrits',
    );
    expect(JSON.stringify(summary)).not.toContain('disque');
  });

  it('appends to what the file held, and gives a message larger than the size a file of its own', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'recovered.log');
    const first = await RawOutput.open({ file, keep: 3 }, () => undefined);
    first.write(Buffer.from('before'));
    await first.close();
    const output = await RawOutput.open({ file, maxBytes: 1024, keep: 3 }, () => undefined);
    const big = message(1, 3000);
    output.write(big);
    output.write(Buffer.from('after'));
    await output.close();
    expect(await readFile(`${file}.2`, 'utf8')).toBe('before\n');
    expect(await readFile(`${file}.1`)).toEqual(Buffer.concat([big, Buffer.of(10)]));
    expect(await readFile(file, 'utf8')).toBe('after\n');
  });

  it('keeps bytes that are not text, and carriage returns, as they came', async () => {
    const dir = await tmp();
    const file = path.join(dir, 'raw.log');
    const output = await RawOutput.open({ file, keep: 1 }, () => undefined);
    const odd = Buffer.from([0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a, 0xc3, 0x28, 0x0d]);
    output.write(odd);
    await output.close();
    expect(await readFile(file)).toEqual(Buffer.concat([odd, Buffer.of(10)]));
  });

  it('a file that cannot be opened is a FileError about --output, before anything is received', async () => {
    const dir = await tmp();
    await expect(RawOutput.open({ file: dir, keep: 1 }, () => undefined)).rejects.toMatchObject({
      constructor: FileError,
      input: 'output',
      message: `${dir} is a folder, not a file`,
    });
  });
});

describe('--forward against real sockets', () => {
  const events = () => {
    const problems: ForwardProblem[] = [];
    let recovered = 0;
    return {
      problems,
      recovered: () => recovered,
      handlers: { problem: (p: ForwardProblem) => problems.push(p), recovered: () => void recovered++ },
    };
  };

  it('relays each message in the framing it came in', async () => {
    const received: Buffer[] = [];
    const peer = await tcpServer((socket) => socket.on('data', (chunk) => received.push(chunk)));
    peers.push(peer);
    const seen = events();
    const forwarder = await Forwarder.start(
      { host: '127.0.0.1', port: peer.port, protocol: 'tcp' },
      { stallMs: 5000, timeoutMs: 1000, events: seen.handlers },
    );
    forwarder.send(Buffer.from('lf line'), 'lf');
    forwarder.send(Buffer.from('counted\nwith a line feed'), 'octet');
    forwarder.send(Buffer.from('from a datagram'), 'datagram');
    const summary = await forwarder.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Buffer.concat(received).toString()).toBe('lf line\n24 counted\nwith a line feedfrom a datagram\n');
    expect(summary).toMatchObject({ forwarded: 3, notForwarded: 0, outages: 0, connections: 1 });
    expect(seen.problems).toEqual([]);
  });

  it('a SIEM that refuses: reported once, every message counted as not forwarded', async () => {
    const port = await closedPort();
    const seen = events();
    const forwarder = await Forwarder.start(
      { host: '127.0.0.1', port, protocol: 'tcp' },
      { stallMs: 5000, timeoutMs: 1000, events: seen.handlers },
    );
    for (let i = 0; i < 10; i++) {
      forwarder.send(message(i), 'lf');
      await new Promise((resolve) => setTimeout(resolve, 60)); // across several retries
    }
    const summary = await forwarder.close();
    expect(summary).toMatchObject({ forwarded: 0, notForwarded: 10, outages: 1 });
    expect(seen.problems).toHaveLength(1);
    expect(seen.problems[0]).toMatchObject({ kind: 'refused', code: 'ECONNREFUSED' });
  });

  it('a SIEM that resets: reconnects, says so, and what went on the new connection arrives whole', async () => {
    const connections: Buffer[][] = [];
    const peer = await tcpServer((socket) => {
      const mine: Buffer[] = [];
      connections.push(mine);
      const first = connections.length === 1;
      socket.on('data', (chunk) => {
        mine.push(chunk);
        if (first) socket.resetAndDestroy(); // after the first bytes: RST, what is unread is lost
      });
    });
    peers.push(peer);
    const seen = events();
    const forwarder = await Forwarder.start(
      { host: '127.0.0.1', port: peer.port, protocol: 'tcp' },
      { stallMs: 5000, timeoutMs: 1000, events: seen.handlers },
    );
    let sent = 0;
    for (let round = 0; round < 40 && seen.recovered() === 0; round++) {
      forwarder.send(message(sent++), 'lf');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const after = sent;
    for (let i = 0; i < 5; i++) forwarder.send(message(sent++), 'lf');
    const summary = await forwarder.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.problems[0]?.kind).toBe('reset');
    expect(seen.recovered()).toBe(1);
    expect(summary.connections).toBeGreaterThanOrEqual(2);
    expect(summary.notForwarded).toBeGreaterThan(0); // sent while the connection was down
    // the connections after the reset got every message counted as forwarded there, whole
    const later = connections.slice(1).map((c) => Buffer.concat(c).toString());
    const lines = later.flatMap((text) => text.split('\n').filter(Boolean));
    expect(later.every((text) => text.endsWith('\n'))).toBe(true);
    expect(lines).toHaveLength(summary.forwarded - summary.unconfirmed);
    // the last connection took everything sent after it came back, whole and in order
    const last = Buffer.concat(connections.at(-1)!).toString();
    const tail = Array.from({ length: 5 }, (_, i) => `${message(after + i).toString()}\n`).join('');
    expect(last.endsWith(tail)).toBe(true);
  });

  it('over UDP: one datagram per message, as it came', async () => {
    const peer = await udpServer();
    peers.push(peer);
    const seen = events();
    const forwarder = await Forwarder.start(
      { host: '127.0.0.1', port: peer.port, protocol: 'udp' },
      { stallMs: 5000, timeoutMs: 1000, events: seen.handlers },
    );
    for (let i = 0; i < 20; i++) forwarder.send(message(i), i % 2 ? 'lf' : 'octet');
    const summary = await forwarder.close();
    for (let i = 0; i < 40 && peer.messages.length < 20; i++) await new Promise((r) => setTimeout(r, 25));
    expect(peer.messages.map(String)).toEqual(Array.from({ length: 20 }, (_, i) => message(i).toString()));
    expect(summary).toMatchObject({ forwarded: 20, notForwarded: 0, protocol: 'udp' });
  });

  it('a SIEM that stops reading is given up after the stall time, its messages counted', async () => {
    const held: net.Socket[] = [];
    const peer = await tcpServer((socket) => {
      socket.pause(); // reads nothing: the kernel's buffers fill, then ours
      held.push(socket);
    });
    peers.push(peer);
    const seen = events();
    const forwarder = await Forwarder.start(
      { host: '127.0.0.1', port: peer.port, protocol: 'tcp' },
      { stallMs: 300, timeoutMs: 1000, events: seen.handlers },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // fill the kernel's buffers on both sides, then ours: full, and it stays full
    let sent = 0;
    for (let round = 0; round < 100 && sent < 100_000; round++) {
      while (!forwarder.full) forwarder.send(message(sent++, 1000), 'lf');
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (forwarder.full) break;
    }
    expect(forwarder.full).toBe(true);
    await forwarder.drained(); // resolves when the stall gives the connection up
    const summary = await forwarder.close();
    expect(seen.problems[0]?.kind).toBe('stalled');
    expect(summary.notForwarded).toBeGreaterThan(0);
    // what the SIEM holds, read now: at least every message counted as forwarded, not all sent
    const got = await Promise.all(
      held.map(async (socket) => {
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.resume();
        await Promise.race([once(socket, 'end'), once(socket, 'close')]);
        return Buffer.concat(chunks).toString();
      }),
    );
    const whole = got.join('').split('\n').slice(0, -1); // the last piece may be cut
    expect(whole.length).toBeGreaterThanOrEqual(summary.forwarded);
    expect(whole.length).toBeLessThan(sent);
    expect(whole.slice(0, 3)).toEqual([0, 1, 2].map((i) => message(i, 1000).toString()));
  });
});

describe('--forward to a SIEM that reads slowly but steadily', () => {
  it('is waited for, not declared stalled, and gets every message', async () => {
    let received = 0;
    const peer = await tcpServer((socket) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        socket.pause(); // a read, then a rest: a few MB a second
        setTimeout(() => socket.resume(), 20);
      });
    });
    peers.push(peer);
    const problems: ForwardProblem[] = [];
    const forwarder = await Forwarder.start(
      { host: '127.0.0.1', port: peer.port, protocol: 'tcp' },
      {
        stallMs: 1000,
        timeoutMs: 1000,
        events: { problem: (p) => void problems.push(p), recovered: () => undefined },
      },
    );
    // 12 MB at once: more than the system's buffers hold, so ours stays full for longer than the
    // stall time ('drain' never comes meanwhile), while the SIEM reads all along
    const sent = 12_000;
    let bytes = 0;
    for (let i = 0; i < sent; i++) {
      const m = message(i, 1000);
      forwarder.send(m, 'lf');
      bytes += m.length + 1;
    }
    expect(forwarder.full).toBe(true);
    for (let i = 0; i < 500 && received < bytes && problems.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const summary = await forwarder.close();
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ forwarded: sent, notForwarded: 0, outages: 0, connections: 1 });
    expect(received).toBe(bytes); // what the SIEM read, not only what we counted
  });
});

describe('the listener and the recovery together, as `syslog listen --forward` joins them', () => {
  const quiet = { problem: () => undefined, recovered: () => undefined, outputFailed: () => undefined };

  it('a SIEM that never reads holds a sender of malformed lines (nothing printed): what is taken stays bounded', async () => {
    const peer = await tcpServer((socket) => socket.pause()); // reads nothing, ever
    peers.push(peer);
    const recovery = await startRecovery({
      forward: { host: '127.0.0.1', port: peer.port, protocol: 'tcp' },
      stallMs: 60_000, // not given up during the test
      timeoutMs: 1000,
      events: quiet,
    });
    const controller = new AbortController();
    let taken = 0;
    let printed = 0;
    const listener = await startListener({
      host: '127.0.0.1',
      port: 0,
      protocol: 'tcp',
      output: 'text', // a malformed message prints nothing: `write` is never called for it
      signal: controller.signal,
      onMessage: (raw, framing) => {
        taken += raw.length;
        recovery.onMessage(raw, framing);
      },
      write: (bytes) => void (printed += bytes.length),
      drained: () => Promise.resolve(),
      paused: () => recovery.full,
      resumed: () => recovery.drained(),
    });
    const sender = net.connect(listener.address.port, '127.0.0.1');
    sender.on('error', () => undefined);
    await once(sender, 'connect');
    const chunk = Buffer.from('this is not syslog at all\n'.repeat(2500)); // about 64 KB
    const limit = 100 * 1024 * 1024;
    let written = 0;
    // write until the sender is held (no drain for 300 ms, three times running) or 100 MB went
    for (let stalls = 0; written < limit && stalls < 3;) {
      written += chunk.length;
      if (sender.write(chunk)) continue;
      const drained = await Promise.race([
        once(sender, 'drain').then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300)),
      ]);
      stalls = drained ? 0 : stalls + 1;
    }
    sender.destroy();
    controller.abort();
    const summary = await listener.done;
    await recovery.close();
    expect(printed).toBe(0);
    expect(summary.malformed).toBeGreaterThan(0);
    // the SIEM's kernel buffers, our 1 MB mark and a burst of reads: a few MB, not the stream
    expect(written).toBeLessThan(limit);
    expect(taken).toBeLessThan(32 * 1024 * 1024);
  });
});
