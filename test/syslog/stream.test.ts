// The regression test of framing and parsing: seeded random streams (the same every run) whose
// events the generator knows, because it made them: agent lines with and without a system name,
// a PRI, an RFC 3164 header, no header (the time then comes from rt), escapes in the header and in
// the values, control characters, UTF-8 and bytes that are not UTF-8, a carriage return, octet
// counting, malformed lines, blank lines. Each stream is cut at random read boundaries and must
// print and count exactly what the generator expects, in process and through a real listener.
import net from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { formatCef, readSyslog, type AgentEvent } from '../../src/syslog/cef.js';
import { Deframer } from '../../src/syslog/framing.js';
import { startListener, type ListenSummary } from '../../src/syslog/listener.js';
import { ListenEventPrinter } from '../../src/render/listen-events.js';
import { neutralise } from '../../src/render/terminal.js';
import { seeded } from '../helpers/random.js';

const PIECES = [
  'a',
  'Z',
  '0',
  '9',
  ' ',
  '@',
  '.',
  '-',
  '=',
  '\\',
  '|',
  '\t',
  'é',
  'Zoë',
  '€',
  '𝄞',
  '\u0001',
  '\u001b[2J',
  '\u007f',
  '\u009b',
  '\n',
  'suser',
  'CEF:',
];
const CATEGORIES = [
  'EVENT_CATEGORY_LOGIN',
  'EVENT_CATEGORY_LOGOUT',
  'ALERT_X',
  'ALERT_É',
  'EVENT_CATEGORY_|PIPE',
  'ALERT_\u009b',
];

interface Expected {
  bytes: Buffer;
  /** The printed line, when it is an event. */
  line?: string;
  category?: string;
  /** The ISO time the summary counts. */
  time?: string;
  malformed?: boolean;
  framing: 'lf' | 'octet';
}

function streamMaker(seed: number) {
  const random = seeded(seed);
  const text = (max: number) => {
    let out = '';
    for (let i = random(max + 1); i > 0; i--) out += PIECES[random(PIECES.length)];
    return out;
  };
  /** A value as the agent writes it, and as it prints: trailing spaces and tabs are not kept. */
  const value = () => text(4).replace(/[ \t]+$/, '');
  const printed = (latin1: boolean, field: string) =>
    latin1 ? Buffer.from(field, 'latin1').toString('utf8') : field;

  function item(): Expected {
    const kind = random(12);
    const framing = random(4) === 0 ? 'octet' : 'lf';
    const send = (line: string | Buffer): Buffer => {
      const bytes = Buffer.isBuffer(line) ? line : Buffer.from(line, 'utf8');
      if (framing === 'octet') return Buffer.concat([Buffer.from(`${bytes.length} `), bytes]);
      return Buffer.concat([bytes, Buffer.from('\n')]);
    };
    if (kind === 0) {
      const bad = [
        'hello',
        'CEF:x|a|b|c|d|e|0|',
        '<999>CEF:0|a|b|c|d|e|0|',
        '2024-03-01T10:00:00.000Z CEF:0|MCAS|S',
      ][random(4)]!;
      return { bytes: send(bad), malformed: true, framing };
    }
    if (kind === 1 && framing === 'lf') return { bytes: Buffer.from(random(2) ? '\n' : '\r\n'), framing };
    const time = new Date(
      Date.UTC(2024, random(12), 1 + random(28), random(24), random(60), random(60), random(1000)),
    );
    const rt = time.getTime() + random(1000) * 1000;
    const user = random(6) === 0 ? undefined : value();
    const app = random(6) === 0 ? undefined : value();
    const extension: [string, string][] = [
      ['rt', String(rt)],
      ['msg', text(6)],
    ];
    if (user !== undefined) extension.push(['suser', user]);
    if (app !== undefined) extension.push(['destinationServiceName', app]);
    extension.push(['cs1', text(3)]);
    const category = CATEGORIES[random(CATEGORIES.length)]!;
    const name = `N${text(3)}`.replace(/\n/g, ' ');
    const event: AgentEvent = { time, productVersion: '0.1', category, name, severity: 0, extension };
    const cef = formatCef(event);
    const header = random(5);
    let line: string;
    let shownTime: string;
    let countedTime: string;
    if (header <= 1) {
      // the agent's own, with a system name now and then
      line = `${time.toISOString()}${header === 1 ? ' LAB-HOST' : ''} ${cef}`;
      shownTime = countedTime = time.toISOString();
    } else if (header === 2) {
      line = `<${random(192)}>${time.toISOString()} ${cef}`;
      shownTime = countedTime = time.toISOString();
    } else if (header === 3) {
      line = `<13>Mar ${String(1 + random(28)).padStart(2, ' ')} 10:00:00 host ${cef}`;
      shownTime = line.slice(4, 19);
      countedTime = new Date(rt).toISOString();
    } else {
      line = cef; // no header at all: the time is rt's
      shownTime = countedTime = new Date(rt).toISOString();
    }
    if (random(6) === 0) line += '\r';
    // now and then sent as Latin-1: é a lone 0xE9, U+009B a lone 0x9B, which are not UTF-8
    const latin1 = random(8) === 0 && !/[^\u0000-\u00ff]/.test(line);
    const fields = [shownTime, category, name, user || '-', app || '-'].map((f) => printed(latin1, f));
    return {
      bytes: send(Buffer.from(line, latin1 ? 'latin1' : 'utf8')),
      line: `${neutralise(fields.map((f) => f || '-').join('  '))}\n`,
      category: printed(latin1, category),
      time: countedTime,
      framing,
    };
  }

  return () => {
    const items = Array.from({ length: random(60) + 1 }, item);
    return { items, stream: Buffer.concat(items.map((i) => i.bytes)), random };
  };
}

/** What the listener must say about a stream: the printed lines and the counts. */
function expectations(items: Expected[]) {
  const events = items.filter((i) => i.line !== undefined);
  const byCategory: Record<string, number> = {};
  for (const e of events) byCategory[e.category!] = (byCategory[e.category!] ?? 0) + 1;
  const times = events.map((e) => e.time!).sort();
  return {
    printed: events.map((e) => e.line).join(''),
    summary: {
      events: events.length,
      malformed: items.filter((i) => i.malformed).length,
      byCategory,
      framing: {
        lf: events.filter((e) => e.framing === 'lf').length,
        octet: events.filter((e) => e.framing === 'octet').length,
        datagram: 0,
      },
      ...(times.length > 0 && { firstEventTime: times[0], lastEventTime: times[times.length - 1] }),
    },
  };
}

describe('framing and parsing, on seeded random streams', () => {
  it('prints every event the generator made, whatever the reads are cut into', () => {
    const next = streamMaker(20261122);
    let events = 0;
    for (let round = 0; round < 300; round++) {
      const { items, stream, random } = next();
      const printer = new ListenEventPrinter('text');
      let malformed = 0;
      // the listener's pipeline: framing, reading, printing
      const deframer = new Deframer((bytes, raw, start, end) => {
        if (end - start < 3 && raw.slice(start, end).trim() === '') return;
        const read = readSyslog(bytes, raw, start, end);
        if (read.ok) printer.event('127.0.0.1', 'lf', read.line);
        else malformed++;
      });
      for (let at = 0; at < stream.length;) {
        const cut = random(4) === 0 ? 1 : 1 + random(300);
        deframer.push(stream.subarray(at, at + cut));
        at += cut;
      }
      deframer.end();
      const expected = expectations(items);
      expect(printer.take()?.toString('utf8') ?? '', stream.toString('latin1')).toBe(expected.printed);
      expect(malformed).toBe(expected.summary.malformed);
      events += expected.summary.events;
    }
    expect(events).toBeGreaterThan(5000); // the rounds had work
  });

  it('prints and counts the same through a listener, the stream sent in pieces', async () => {
    const next = streamMaker(7);
    for (let round = 0; round < 20; round++) {
      const { items, stream, random } = next();
      const written: Buffer[] = [];
      const stop = new AbortController();
      const listener = await startListener({
        host: '127.0.0.1',
        port: 0,
        protocol: 'tcp',
        durationMs: 10_000,
        signal: stop.signal,
        output: 'text',
        write: (bytes) => void written.push(bytes),
      });
      const socket = net.connect(listener.address.port, '127.0.0.1');
      socket.setNoDelay(true);
      await once(socket, 'connect');
      for (let at = 0; at < stream.length;) {
        const cut = 1 + random(500);
        socket.write(stream.subarray(at, at + cut));
        at += cut;
        await new Promise((resolve) => setImmediate(resolve));
      }
      socket.end();
      await once(socket, 'close');
      stop.abort();
      const summary: Partial<ListenSummary> = await listener.done;
      const expected = expectations(items);
      expect(Buffer.concat(written).toString('utf8')).toBe(expected.printed);
      expect(summary).toMatchObject(expected.summary);
    }
  });
});
