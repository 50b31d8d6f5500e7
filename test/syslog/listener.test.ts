import dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { StreamClock, startListener, type ListenOptions } from '../../src/syslog/listener.js';
import { FIXTURES } from '../helpers/paths.js';
import { RAW_CONTROL } from '../helpers/terminal.js';

const SAMPLES = readFileSync(path.join(FIXTURES, 'cef-samples.txt'), 'utf8').split('\n').filter(Boolean);

/** A listener on a free loopback port whose printed output is kept as bytes. */
async function listen(options: Partial<ListenOptions> = {}) {
  const written: Buffer[] = [];
  const listener = await startListener({
    host: '127.0.0.1',
    port: 0,
    protocol: 'tcp',
    durationMs: 10_000,
    output: 'text',
    write: (bytes) => void written.push(bytes),
    ...options,
  });
  return {
    ...listener,
    printed: () => Buffer.concat(written).toString('utf8'),
    bytes: () => Buffer.concat(written),
  };
}

/** Sends `data` on one connection and closes it. */
async function send(port: number, data: Buffer | string): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined); // the listener may stop before the sender is done
  await once(socket, 'connect');
  socket.end(data);
  await once(socket, 'close');
}

describe('syslog listener', () => {
  it('counts a stream of many reads exactly, by category, and prints a line per event', async () => {
    const events = 30_000; // about 20 MB: many reads of the shared buffer, pieces split mid-line
    const lines = Array.from({ length: events }, (_, i) => SAMPLES[i % SAMPLES.length]);
    const listener = await listen({ count: events });
    await send(listener.address.port, `${lines.join('\n')}\n`);
    const summary = await listener.done;

    // the 12 samples (fixtures/cef-samples.txt), 2,500 times each
    const expected = {
      ALERT_CABINET_EVENT_MATCH_AUDIT: 15_000,
      EVENT_CATEGORY_DELETE_OBJECT: 5_000,
      EVENT_CATEGORY_CREATE_USER: 2_500,
      EVENT_CATEGORY_DELETE_USER: 2_500,
      EVENT_CATEGORY_LOGOUT: 2_500,
      EVENT_CATEGORY_VIEW_REPORT: 2_500,
    };
    expect(summary).toMatchObject({
      events,
      activities: 15_000,
      alerts: 15_000,
      malformed: 0,
      stoppedBy: 'count',
      framing: { lf: events, octet: 0 },
    });
    expect(summary.byCategory).toEqual(expected);
    const printed = listener.printed().split('\n').filter(Boolean);
    expect(printed).toHaveLength(events);
    expect(printed[0]).toBe(
      '2017-11-22T17:50:04.000Z  EVENT_CATEGORY_LOGOUT  Log out  admin@contoso.com  ServiceNow',
    );
  });

  it('stops at exactly --count even when more arrives', async () => {
    const listener = await listen({ count: 5 });
    await send(listener.address.port, `${SAMPLES.join('\n')}\n`);
    const summary = await listener.done;
    expect(summary.events).toBe(5);
    expect(listener.printed().split('\n').filter(Boolean)).toHaveLength(5);
  });

  it('prints UTF-8 as sent, and keeps control characters off the terminal', async () => {
    const header = '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|EVENT_CATEGORY_LOGIN|Log on|0|';
    const listener = await listen({ count: 2 });
    await send(
      listener.address.port,
      `${header}suser=josé@contoso.com destinationServiceName=Zoë\n` +
        `${header}suser=evil\u001b[2J\u0007@contoso.com destinationServiceName=Box\n`,
    );
    await listener.done;
    expect(listener.printed()).toBe(
      '2024-03-01T10:00:00.000Z  EVENT_CATEGORY_LOGIN  Log on  josé@contoso.com  Zoë\n' +
        '2024-03-01T10:00:00.000Z  EVENT_CATEGORY_LOGIN  Log on  evil?[2J?@contoso.com  Box\n',
    );
  });

  it('keeps C1 controls and DEL off the terminal too, on copied and on made lines, and in the summary', async () => {
    const hostile = 'T\u001b]0;owned\u0007\u001b[2J\u009b31m\u007f';
    const line = (time: string) =>
      `${time} CEF:0|MCAS|SIEM_Agent|0.1|ALERT_${hostile}|Name ${hostile}|3|suser=u${hostile} destinationServiceName=a${hostile}`;
    const listener = await listen({ count: 2 });
    // the second behind an RFC 3164 header: made as text; the first copied from the bytes
    await send(
      listener.address.port,
      `${line('2024-03-01T10:00:00.000Z')}\n<13>Mar  1 10:00:00 h ${line('').trim()}\n`,
    );
    const summary = await listener.done;
    expect(listener.printed()).not.toMatch(RAW_CONTROL);
    const masked = 'T?]0;owned??[2J?31m?';
    expect(listener.printed()).toBe(
      `2024-03-01T10:00:00.000Z  ALERT_${masked}  Name ${masked}  u${masked}  a${masked}\n` +
        `Mar  1 10:00:00  ALERT_${masked}  Name ${masked}  u${masked}  a${masked}\n`,
    );
    // the summary keeps what was sent: the command neutralises it where it prints it
    expect(summary.byCategory).toEqual({ [`ALERT_${hostile}`]: 2 });
  });

  it('reads a field that is not UTF-8 as U+FFFD: a lone 0x9B byte never reaches the output raw', async () => {
    const header = Buffer.from('2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|ALERT_X|N', 'latin1');
    const lone = Buffer.concat([
      header,
      Buffer.from([0x9b]),
      Buffer.from('31m|3|suser=a', 'latin1'),
      Buffer.from([0x9b, 0xc2]), // CSI alone, and a sequence cut short
      Buffer.from(' destinationServiceName=b\n', 'latin1'),
    ]);
    const listener = await listen({ count: 1 });
    await send(listener.address.port, lone);
    const summary = await listener.done;
    // the bytes as written, not decoded (decoding would hide a raw 0x9B as U+FFFD)
    expect(listener.bytes().toString('latin1')).toBe(
      Buffer.from('2024-03-01T10:00:00.000Z  ALERT_X  N\ufffd31m  a\ufffd\ufffd  b\n').toString('latin1'),
    );
    expect(summary.byCategory).toEqual({ ALERT_X: 1 });
  });

  it('prints and counts lines of every shape in their place among the others', async () => {
    const header = 'CEF:0|MCAS|SIEM_Agent|0.1|EVENT_CATEGORY_LOGIN|Log on|0|';
    const agent = (time: string, user: string) => `${time} ${header}suser=${user} destinationServiceName=Box`;
    const lines = [
      agent('2024-03-02T00:00:00.000Z', 'fast1'),
      `<13>Mar  1 10:00:00 host ${header}suser=rfc3164 destinationServiceName=Box`, // another header
      agent('2024-03-01T00:00:00.000Z', 'Ann O\\=Neil'), // an escape in the user
      'not an event',
      `${agent('2024-03-03T00:00:00.000Z', 'fast2')}\r`,
    ];
    const listener = await listen({ count: 4 });
    await send(listener.address.port, `${lines.join('\n')}\n`);
    const summary = await listener.done;
    expect(listener.printed()).toBe(
      [
        '2024-03-02T00:00:00.000Z  EVENT_CATEGORY_LOGIN  Log on  fast1  Box',
        'Mar  1 10:00:00  EVENT_CATEGORY_LOGIN  Log on  rfc3164  Box',
        '2024-03-01T00:00:00.000Z  EVENT_CATEGORY_LOGIN  Log on  Ann O=Neil  Box',
        '2024-03-03T00:00:00.000Z  EVENT_CATEGORY_LOGIN  Log on  fast2  Box',
        '',
      ].join('\n'),
    );
    expect(summary).toMatchObject({
      events: 4,
      byCategory: { EVENT_CATEGORY_LOGIN: 4 },
      firstEventTime: '2024-03-01T00:00:00.000Z',
      lastEventTime: '2024-03-03T00:00:00.000Z',
      malformed: 1,
      firstMalformed: { message: 'not an event' },
      framing: { lf: 4, octet: 0 },
    });
  });

  it('counts a thousand categories exactly', async () => {
    const events = 2000;
    const lines = Array.from(
      { length: events },
      (_, i) => `2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|ALERT_${i % 1000}|A|3|suser=u`,
    );
    const listener = await listen({ count: events });
    await send(listener.address.port, `${lines.join('\n')}\n`);
    const summary = await listener.done;
    expect(Object.keys(summary.byCategory)).toHaveLength(1000);
    expect(Object.values(summary.byCategory).every((n) => n === 2)).toBe(true);
    expect(summary).toMatchObject({ events, alerts: events, activities: 0 });
  });

  it('reads datagrams, several lines each, over UDP', async () => {
    const listener = await listen({ protocol: 'udp', count: SAMPLES.length });
    const socket = dgram.createSocket('udp4');
    const half = Math.ceil(SAMPLES.length / 2);
    for (const part of [SAMPLES.slice(0, half), SAMPLES.slice(half)])
      await new Promise((resolve) =>
        socket.send(part.join('\n'), listener.address.port, '127.0.0.1', resolve),
      );
    const summary = await listener.done;
    socket.close();
    expect(summary).toMatchObject({
      events: SAMPLES.length,
      framing: { datagram: SAMPLES.length },
      connections: 1,
    });
    expect(listener.printed().split('\n').filter(Boolean)).toHaveLength(SAMPLES.length);
  });

  it('decodes what it reports as text: categories, malformed examples, JSON output', async () => {
    const listener = await listen({ count: 1, output: 'json' });
    await send(
      listener.address.port,
      'not cef: ünïcode\n2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|ALERT_É|Alerte é|3|suser=é\n',
    );
    const summary = await listener.done;
    expect(summary.byCategory).toEqual({ ALERT_É: 1 });
    expect(summary.firstMalformed).toMatchObject({ message: 'not cef: ünïcode' });
    const [malformed, event] = listener
      .printed()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(malformed).toMatchObject({ malformed: true, message: 'not cef: ünïcode' });
    expect(event).toMatchObject({ cef: { name: 'Alerte é', extension: { suser: 'é' } } });
  });
});

describe('syslog listener: onMessage', () => {
  /** A listener that keeps what onMessage hands on. */
  async function keeping(protocol: 'tcp' | 'udp', count?: number) {
    const messages: { raw: Buffer; framing: string; sender: string }[] = [];
    const stop = new AbortController();
    const listener = await listen({
      protocol,
      count,
      signal: stop.signal,
      onMessage: (raw, framing, sender) => messages.push({ raw: Buffer.from(raw), framing, sender }),
    });
    return { listener, messages, stop };
  }

  // what a recovery forwarder must get: every message, valid or not, byte for byte as it came
  const messages = [
    ...SAMPLES,
    'not an event',
    '2024-03-01T10:00:00.000Z CEF:0|MCAS|SIEM_Agent|0.1|ALERT_É|Alerte é\\|x|3|suser=é\\=\\\\ ',
  ];
  const binary = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x9b, 0x41, 0x0d]);

  it.each(['lf', 'octet'] as const)(
    'hands on every %s-framed TCP message exactly as sent',
    async (framing) => {
      const { listener, messages: got, stop } = await keeping('tcp');
      const sent = [...messages.map((m) => Buffer.from(m)), binary];
      const stream = Buffer.concat(
        sent.map((m) =>
          framing === 'lf'
            ? Buffer.concat([m, Buffer.from('\n')])
            : Buffer.concat([Buffer.from(`${m.length} `), m]),
        ),
      );
      await send(listener.address.port, stream);
      stop.abort();
      const summary = await listener.done;
      expect(got.map((m) => m.raw)).toEqual(sent);
      expect(got.every((m) => m.framing === framing && m.sender === '127.0.0.1')).toBe(true);
      expect(summary).toMatchObject({ events: SAMPLES.length + 1, malformed: 2 });
    },
  );

  it('hands on each line of each UDP datagram exactly as sent', async () => {
    const { listener, messages: got, stop } = await keeping('udp');
    const socket = dgram.createSocket('udp4');
    for (const part of [messages.slice(0, 5), messages.slice(5)])
      await new Promise((resolve) =>
        socket.send(part.join('\n'), listener.address.port, '127.0.0.1', resolve),
      );
    await new Promise((resolve) => socket.send(binary, listener.address.port, '127.0.0.1', resolve));
    socket.close();
    for (let i = 0; i < 200 && got.length < messages.length + 1; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    stop.abort();
    await listener.done;
    expect(got.map((m) => m.raw)).toEqual([...messages.map((m) => Buffer.from(m)), binary]);
    expect(got.every((m) => m.framing === 'datagram')).toBe(true);
  });

  it('hands on nothing past --count', async () => {
    const { listener, messages: got } = await keeping('tcp', 3);
    await send(listener.address.port, `${SAMPLES.join('\n')}\n`);
    await listener.done;
    expect(got.map((m) => m.raw.toString())).toEqual(SAMPLES.slice(0, 3));
  });
});

describe('syslog listener: the stream clock', () => {
  it('counts every message, reads rt from the extension (not the header), keeps the quiet time', async () => {
    const listener = await listen({ durationMs: 1500 });
    const sentAt = Date.now();
    await send(
      listener.address.port,
      [
        '2024-01-01T00:00:00.000Z CEF:0|MCAS|SIEM_Agent|1|C|n|0|externalId=1 rt=1700000000000',
        'not an event rt=1800000000000', // malformed: its rt counts all the same
        // an alert's name that holds `rt=`: the time is the extension's start
        '2024-01-01T00:00:00.000Z CEF:0|MCAS|SIEM_Agent|1|ALERT|Alert rt=1999999999999|3|externalId=2 start=1600000000000',
        '',
      ].join('\n'),
    );
    const summary = await listener.done;
    expect(summary).toMatchObject({
      events: 2,
      malformed: 1,
      received: 3,
      firstRt: new Date(1600000000000).toISOString(),
      lastRt: new Date(1800000000000).toISOString(),
    });
    expect(Date.parse(summary.firstMessageAt!)).toBeGreaterThanOrEqual(sentAt);
    expect(Date.parse(summary.lastMessageAt!)).toBeGreaterThanOrEqual(Date.parse(summary.firstMessageAt!));
    // the listener ran 1.5 s; the stream was quiet for most of it
    expect(summary.quietMs).toBeGreaterThanOrEqual(500);
  });

  it('reads the time once per burst: the messages of one burst came when it was settled', () => {
    const clock = new StreamClock();
    expect(clock.times()).toEqual({ received: 0 });
    const before = Date.now();
    clock.message(1700000000000);
    clock.message(undefined);
    clock.message(1600000000000);
    clock.settle();
    const settled = Date.now();
    const times = clock.times(settled + 4000);
    expect(times).toMatchObject({
      received: 3,
      firstRt: new Date(1600000000000).toISOString(),
      lastRt: new Date(1700000000000).toISOString(),
    });
    expect(Date.parse(times.firstMessageAt!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(times.lastMessageAt!)).toBeLessThanOrEqual(settled);
    expect(times.quietMs).toBeGreaterThanOrEqual(4000);
  });
});

describe('syslog listener: the event line', () => {
  it('prints the time an event without a header time carries in rt, as the summary counts it', async () => {
    const listener = await listen({ count: 1 });
    await send(listener.address.port, 'CEF:0|MCAS|SIEM_Agent|0.1|ALERT_X|Alert|3|rt=1511373004000 suser=u\n');
    const summary = await listener.done;
    expect(summary.firstEventTime).toBe('2017-11-22T17:50:04.000Z');
    expect(listener.printed()).toBe('2017-11-22T17:50:04.000Z  ALERT_X  Alert  u  -\n');
  });
});

describe('syslog listener: an output that cannot keep up', () => {
  /** An output that takes nothing until `release()`: write says false, as a full pipe's stream does. */
  function fullOutput() {
    const written: Buffer[] = [];
    let release!: () => void;
    const drained = new Promise<void>((resolve) => (release = resolve));
    let open = false;
    void drained.then(() => (open = true));
    return {
      written,
      release,
      write: (bytes: Buffer) => {
        written.push(bytes);
        return open;
      },
      drained: () => drained,
      bytes: () => written.reduce((n, b) => n + b.length, 0),
    };
  }

  it('pauses the TCP senders while the output is full, then takes every event', async () => {
    const out = fullOutput();
    const events = 60_000; // about 40 MB: far more than the kernel's socket buffers hold
    const lines = `${Array.from({ length: events }, (_, i) => SAMPLES[i % SAMPLES.length]).join('\n')}\n`;
    const listener = await listen({ count: events, write: out.write, drained: out.drained });
    const sending = send(listener.address.port, lines);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Paused after its first full write: what it printed (and so read) is a small part of the stream.
    const whileFull = out.bytes();
    expect(whileFull).toBeGreaterThan(0);
    expect(whileFull).toBeLessThan(Buffer.byteLength(lines) / 4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(out.bytes()).toBe(whileFull); // nothing more was read while the output stayed full
    out.release();
    await sending;
    const summary = await listener.done;
    expect(summary).toMatchObject({ events, stoppedBy: 'count' });
    expect(Buffer.concat(out.written).toString('utf8').split('\n').filter(Boolean)).toHaveLength(events);
  });

  it('counts the UDP events it could not print while the output was full, and says how many', async () => {
    const out = fullOutput();
    const listener = await listen({ protocol: 'udp', count: 20, write: out.write, drained: out.drained });
    const socket = dgram.createSocket('udp4');
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) =>
        socket.send(SAMPLES[i % SAMPLES.length]!, listener.address.port, '127.0.0.1', resolve),
      );
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    socket.close();
    const summary = await listener.done;
    expect(summary.events).toBe(20);
    const printed = Buffer.concat(out.written).toString('utf8').split('\n').filter(Boolean).length;
    expect(printed).toBeGreaterThan(0);
    expect(summary.notPrinted).toBe(20 - printed);
  });
});

describe('syslog listener: nothing taken before `ready`', () => {
  it('binds at once, holds TCP senders and UDP datagrams until ready, then takes them all', async () => {
    let begin!: () => void;
    const ready = new Promise<void>((resolve) => (begin = resolve));
    const messages: string[] = [];
    const tcp = await listen({ count: 2, ready, onMessage: (raw) => void messages.push(raw.toString()) });
    const sending = send(tcp.address.port, `${SAMPLES[0]}\n${SAMPLES[1]}\n`);
    const udp = await listen({
      protocol: 'udp',
      count: 1,
      ready,
      onMessage: (raw) => void messages.push(raw.toString()),
    });
    const socket = dgram.createSocket('udp4');
    await new Promise((resolve) => socket.send(SAMPLES[2]!, udp.address.port, '127.0.0.1', resolve));
    socket.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(messages).toEqual([]); // bound, but nothing taken
    expect(tcp.printed()).toBe('');
    begin();
    await sending;
    const [summary, datagrams] = await Promise.all([tcp.done, udp.done]);
    expect(summary).toMatchObject({ events: 2, stoppedBy: 'count' });
    expect(datagrams).toMatchObject({ events: 1, stoppedBy: 'count' });
    expect(messages.sort()).toEqual([SAMPLES[0], SAMPLES[1], SAMPLES[2]].sort());
  });
});
