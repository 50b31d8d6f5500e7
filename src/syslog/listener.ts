// The recovery procedure's `netcat -l <port>`, done properly: accepts several senders at once
// (TCP) or datagrams (UDP), cuts each stream into messages (framing.ts), reads each message as
// syslog and CEF (cef.ts), counts, and hands every event to the printer (render/listen-events.ts),
// whose lines it writes once per read. A malformed or binary message is counted and kept as an
// example, never fatal.
//
// Built for throughput (an agent catching up sends tens of thousands of events a second): a
// message stays a view of the bytes read, found with Buffer searches; only the fields that are
// printed or counted become text (bench/listen.js measures it against rsyslog).
import dgram from 'node:dgram';
import net from 'node:net';
import { formatAgentLine, isIsoTime, messageTime, readSyslog, type SyslogEvent } from './cef.js';
import { Deframer, deframeDatagram, type MessageFraming } from './framing.js';
import { sampleEvents } from './test-events.js';
import { ListenEventPrinter } from '../render/listen-events.js';

export type { MessageFraming } from './framing.js';

const CLOSE_GRACE_MS = 1000;
/** UDP datagrams held until `ready` (they cannot wait in the sender): at most this many bytes. */
const HELD_DATAGRAM_BYTES = 16 * 1024 * 1024;
/** Enough bytes of a malformed message for its first 500 characters, whatever their length. */
const MALFORMED_BYTES = 4000;

export interface ReceivedEvent {
  sender: string;
  framing: MessageFraming;
  event: SyslogEvent;
}

export interface Malformed {
  sender: string;
  reason: string;
  message: string;
}

export interface ListenSummary extends StreamTimes {
  events: number;
  activities: number;
  alerts: number;
  byCategory: Record<string, number>;
  firstEventTime?: string;
  lastEventTime?: string;
  senders: string[];
  connections: number;
  framing: Record<MessageFraming, number>;
  malformed: number;
  firstMalformed?: Malformed;
  durationMs: number;
  stoppedBy: 'count' | 'duration' | 'signal';
  /** UDP only (it cannot be paused): events counted but not printed while the output was full. */
  notPrinted?: number;
}

export interface ListenOptions {
  host: string;
  port: number;
  protocol: 'tcp' | 'udp';
  /** Stop after this many valid events. */
  count?: number;
  durationMs?: number;
  signal?: AbortSignal;
  /**
   * What to print: 'text', a line per event (time, category, name, user, app); 'json', an object
   * per event and per malformed message. Printed through `write`, once per read or datagram.
   */
  output?: 'text' | 'json';
  /**
   * Gets the printed lines of one read, as bytes (UTF-8 where the sender sent UTF-8). Returns
   * false when the output is full (a stream's back-pressure): TCP senders are then paused until
   * `drained` resolves, so that a slow reader of the output never makes the listener's memory grow;
   * a datagram's events are then counted, not printed (UDP cannot be paused).
   */
  write?: (bytes: Buffer) => boolean | void;
  /** Resolves when the output takes bytes again, after `write` returned false. */
  drained?: () => Promise<void>;
  /**
   * The back-pressure of `onMessage`'s consumer (a file, a SIEM), asked after every burst of
   * reads, whether or not anything was printed: true pauses the TCP senders until `resumed`
   * resolves. (UDP senders cannot be paused: the consumer bounds what it holds.)
   */
  paused?: () => boolean;
  resumed?: () => Promise<void>;
  /**
   * Nothing is taken before this resolves (the port is bound before): TCP senders wait, UDP
   * datagrams are held (up to a bound) and taken after it. When it rejects nothing is taken;
   * the caller stops the listener.
   */
  ready?: Promise<void>;
  /** Every event, parsed in full (a full parse per event: for tests and callers that want it). */
  onEvent?: (received: ReceivedEvent) => void;
  /**
   * Every message received, valid or malformed (not an empty one), before it is read: its bytes
   * exactly as they came, without the framing (no octet count, no line feed; a datagram's lines
   * one by one), in the order of arrival on each connection, with the sender's address. For
   * keeping or forwarding what arrives (--output, --forward). The view stays valid after the call
   * (its bytes are never reused); a copy is not needed to keep it. Once `count` events arrived,
   * nothing more is handed on. A pause of the senders (see `write`, `paused`) pauses this too.
   */
  onMessage?: (raw: Buffer, framing: MessageFraming, sender: string) => void;
}

export interface Listener {
  address: { host: string; port: number };
  done: Promise<ListenSummary>;
}

/** One sender's connection (or, for UDP, one datagram's sender) as the counts see it. */
interface Source {
  address: string;
  seen: boolean;
}

/**
 * Counts by name, where a name comes as its bytes (one character each): it is decoded once, for
 * the summary, not once per event. The names seen most recently are found where they lie in the
 * message, without a copy (an agent sends a few dozen categories). Bytes that read as the same
 * text (U+FFFD for what is not UTF-8) count together.
 */
class Tally {
  private readonly recent: TallyEntry[] = [];
  private readonly byRaw = new Map<string, TallyEntry>();

  /** The entry the last name was counted in: an agent often sends runs of one category. */
  private last: TallyEntry | undefined;

  /**
   * One more of the name at [from, to) of `bytes` (and of `raw`, the same one character each).
   * Compared as bytes, from the end: an agent's categories share their start (EVENT_CATEGORY_).
   */
  addAt(bytes: Buffer, raw: string, from: number, to: number): void {
    const length = to - from;
    const last = this.last;
    if (last && last.bytes.length === length && sameBytes(bytes, from, last.bytes)) {
      last.count++;
      return;
    }
    for (const entry of this.recent)
      if (entry.bytes.length === length && sameBytes(bytes, from, entry.bytes)) {
        entry.count++;
        this.last = entry;
        return;
      }
    this.add(raw.slice(from, to));
  }

  /** One more of `name`, its bytes one character each. */
  add(name: string): void {
    let entry = this.byRaw.get(name);
    if (!entry) {
      this.byRaw.set(name, (entry = { bytes: Buffer.from(name, 'latin1'), count: 0 }));
      if (this.recent.length < RECENT_NAMES) this.recent.push(entry);
    }
    entry.count++;
    this.last = entry;
  }

  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { bytes, count } of this.byRaw.values()) {
      const name = bytes.toString('utf8');
      counts.set(name, (counts.get(name) ?? 0) + count);
    }
    return counts;
  }
}

interface TallyEntry {
  /** The name as received. */
  bytes: Buffer;
  count: number;
}

/** Whether `bytes` holds `name` at `from`, compared from the end. */
function sameBytes(bytes: Buffer, from: number, name: Buffer): boolean {
  for (let i = name.length - 1; i >= 0; i--) if (bytes[from + i] !== name[i]) return false;
  return true;
}

const RECENT_NAMES = 32;

/** The earliest and the latest of the ISO times seen, as bytes (which sort as the times). */
class TimeSpan {
  private first: Buffer | undefined;
  private last: Buffer | undefined;

  /**
   * The time at [from, to) of `bytes`, compared where it lies; copied only when it is a new first
   * or last.
   */
  addAt(bytes: Buffer, from: number, to: number): void {
    const { first, last } = this;
    if (first === undefined || last === undefined) {
      this.first = this.last = Buffer.from(bytes.subarray(from, to));
    } else if (compareAt(bytes, from, to, last) > 0) this.last = Buffer.from(bytes.subarray(from, to));
    else if (compareAt(bytes, from, to, first) < 0) this.first = Buffer.from(bytes.subarray(from, to));
  }

  span(): Pick<ListenSummary, 'firstEventTime' | 'lastEventTime'> {
    if (this.first === undefined || this.last === undefined) return {};
    return { firstEventTime: this.first.toString('utf8'), lastEventTime: this.last.toString('utf8') };
  }
}

/** [from, to) of `bytes` against `other`, byte by byte: < 0, 0 or > 0. */
function compareAt(bytes: Buffer, from: number, to: number, other: Buffer): number {
  const length = Math.min(to - from, other.length);
  for (let i = 0; i < length; i++) {
    const difference = bytes[from + i]! - other[i]!;
    if (difference !== 0) return difference;
  }
  return to - from - other.length;
}

/** When the first and the last message came, how long the stream had been quiet, the range of rt. */
export interface StreamTimes {
  /** Messages received, valid or malformed. */
  received: number;
  /** When the first and the last message came (ISO times). */
  firstMessageAt?: string;
  lastMessageAt?: string;
  /** How long the stream had been quiet when the listener stopped (ms). */
  quietMs?: number;
  /** The range of the events' `rt` (the time of the activity; `start` for an alert, ISO). */
  firstRt?: string;
  lastRt?: string;
}

/**
 * The times of the stream (a recovery agent stops at the end of its window: the stream goes
 * quiet). A message's arrival is read once per burst of reads (`settle`), not once per message:
 * what one burst brought came within the same few milliseconds.
 */
export class StreamClock {
  private received = 0;
  private first = 0;
  private last = 0;
  private unsettled = false;
  private firstRt = Infinity;
  private lastRt = -Infinity;

  /** One message; `rt`, its rt (or start) in ms, when it has one (see cef.ts's messageTime). */
  message(rt: number | undefined): void {
    if (this.received++ === 0) this.first = this.last = Date.now();
    else this.unsettled = true;
    if (rt !== undefined) {
      if (rt < this.firstRt) this.firstRt = rt;
      if (rt > this.lastRt) this.lastRt = rt;
    }
  }

  /** The messages since the last call came now. */
  settle(): void {
    if (!this.unsettled) return;
    this.unsettled = false;
    this.last = Date.now();
  }

  times(stoppedAt = Date.now()): StreamTimes {
    this.settle();
    if (this.received === 0) return { received: 0 };
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      received: this.received,
      firstMessageAt: iso(this.first),
      lastMessageAt: iso(this.last),
      quietMs: Math.max(0, stoppedAt - this.last),
      ...(Number.isFinite(this.firstRt) && { firstRt: iso(this.firstRt), lastRt: iso(this.lastRt) }),
    };
  }
}

/** Counts what arrives, and hands it to the printer and the caller's hooks. */
class Intake {
  connections = 0;
  events = 0;
  private readonly framing: Record<MessageFraming, number> = { lf: 0, octet: 0, datagram: 0 };
  private malformedCount = 0;
  private firstMalformed: Malformed | undefined;
  private readonly times = new TimeSpan();
  readonly clock = new StreamClock();
  private readonly categories = new Tally();
  private readonly senders = new Set<string>(); // in order of arrival
  private readonly count: number;
  readonly printer: ListenEventPrinter | undefined;
  /** True from a write the output could not take until it drains. */
  blocked = false;
  /** True while `onMessage`'s consumer is full (`paused`), until it `resumed`. */
  held = false;
  /** Events of datagrams that came while the output was full (UDP cannot be paused). */
  notPrinted = 0;

  constructor(
    private readonly options: ListenOptions,
    private readonly full: () => void,
    /** The senders should pause (the output or the message hook is full), then read on. */
    private readonly onPause: () => void = () => undefined,
    private readonly onResume: () => void = () => undefined,
  ) {
    this.count = options.count ?? Infinity;
    this.printer = options.output ? new ListenEventPrinter(options.output) : undefined;
  }

  private seen(source: Source): void {
    if (source.seen) return;
    source.seen = true; // one Set lookup per connection, not per event
    this.senders.add(source.address);
  }

  /** One message, as the framing cut it: [start, end) of `bytes` and `raw` (see framing.ts). */
  message(
    source: Source,
    bytes: Buffer,
    raw: string,
    start: number,
    end: number,
    framing: MessageFraming,
  ): void {
    if (this.events >= this.count || end <= start) return;
    const { options } = this;
    options.onMessage?.(bytes.subarray(start, end), framing, source.address);
    if (end - start < 3 && raw.slice(start, end).trim() === '') {
      this.clock.message(undefined); // a stray CR or space
      return;
    }
    this.seen(source);
    const read = readSyslog(bytes, raw, start, end);
    if (!read.ok) {
      this.clock.message(messageTime(bytes, raw, start, end));
      this.malformed(source.address, read.reason, bytes.subarray(start, end));
      return;
    }
    const { line } = read;
    // the extension's rt (or start): searched from the bar before it, not through the header
    this.clock.message(messageTime(bytes, raw, line.fieldEnd(6), end));
    options.onEvent?.({ sender: source.address, framing, event: line.toEvent() });
    this.printer?.event(source.address, framing, line);

    this.events++;
    this.framing[framing]++;
    if (line.escaped) this.categories.add(line.rawField(4));
    else this.categories.addAt(line.bytes, line.raw, line.fieldStart(4), line.fieldEnd(4));
    // ISO times in the same format sort as text (as bytes too): no date parsing per event
    const isoEnd = line.isoTimeEnd();
    if (isoEnd >= 0) this.times.addAt(line.bytes, line.headerStart, isoEnd);
    else {
      const when = line.time();
      if (when !== undefined && isIsoTime(when)) {
        const bytes = Buffer.from(when);
        this.times.addAt(bytes, 0, bytes.length);
      }
    }
  }

  private malformed(sender: string, reason: string, bytes: Buffer): void {
    this.malformedCount++;
    const text = () => bytes.toString('utf8', 0, Math.min(bytes.length, MALFORMED_BYTES));
    this.firstMalformed ??= { sender, reason, message: text().slice(0, 200) };
    this.printer?.malformed(sender, reason, text);
  }

  private flushing: NodeJS.Immediate | undefined;

  /**
   * Flushes once the reads at hand are all handled (the event loop reads a busy connection several
   * times in a row): one write for a burst of reads instead of one per read.
   */
  flushSoon(): void {
    this.flushing ??= setImmediate(() => {
      this.flushing = undefined;
      this.flush();
    });
  }

  /** Hands the lines gathered since the last flush to `write`; stops the listener at --count. */
  flush(): void {
    if (this.flushing) {
      clearImmediate(this.flushing);
      this.flushing = undefined;
    }
    this.clock.settle();
    const { write, drained, paused, resumed } = this.options;
    const out = this.printer?.take();
    if (out && write?.(out) === false && !this.blocked && drained) {
      this.blocked = true;
      this.wait(drained(), () => (this.blocked = false));
    }
    // a file or a SIEM that cannot keep up holds the senders whatever was printed (a malformed
    // message prints nothing in text mode)
    if (!this.held && resumed && paused?.()) {
      this.held = true;
      this.wait(resumed(), () => (this.held = false));
    }
    if (this.events >= this.count) this.full();
  }

  /** The senders pause until `until` resolves and nothing else holds them. */
  private wait(until: Promise<void>, clear: () => void): void {
    if (this.blocked !== this.held) this.onPause(); // the first of the two to hold them
    void until.then(() => {
      clear();
      if (!this.blocked && !this.held) this.onResume();
    });
  }

  /** A datagram's lines while the output is full: counted, not printed (nothing holds them). */
  dropLines(eventsBefore: number): void {
    this.printer?.discard();
    this.notPrinted += this.events - eventsBefore;
  }

  /**
   * The counts, with what derives from them: the counts by category (most first), activities
   * (EVENT_CATEGORY_*) and alerts summed from those, the senders.
   */
  summary(): Omit<ListenSummary, 'durationMs' | 'stoppedBy' | 'connections' | keyof StreamTimes> {
    const byCategory: Record<string, number> = {};
    let activities = 0;
    const sorted = [...this.categories.counts()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [name, events] of sorted) {
      byCategory[name] = events;
      if (name.startsWith('EVENT_CATEGORY_')) activities += events;
    }
    return {
      events: this.events,
      framing: { ...this.framing },
      malformed: this.malformedCount,
      ...(this.firstMalformed && { firstMalformed: this.firstMalformed }),
      ...this.times.span(),
      byCategory,
      activities,
      alerts: this.events - activities,
      senders: [...this.senders],
    };
  }
}

/** How many made-up agent events warmUp reads: enough for the engine to compile what reads them. */
const WARM_EVENTS = 10_000;
/** The output formats warmed up so far in this process. */
const warmed = new Set<string>();

/**
 * Reads and prints made-up agent events (the shapes of test-events.ts), once per process and
 * output format, before the port opens: the engine compiles the code that reads a line only after
 * it ran for a while, and an agent catching up sends its first burst at once (cold, a burst of
 * 100,000 events takes about a tenth longer). Nothing of it is counted, printed or handed to the
 * caller's hooks: it has an Intake of its own, and its lines are dropped.
 */
function warmUp(output: ListenOptions['output']): void {
  const key = output ?? 'none';
  if (warmed.has(key)) return;
  warmed.add(key);
  const lines = sampleEvents({ count: 14, runId: 'warm-up', version: '0' }).map(formatAgentLine);
  // a read of about 64 KB, as the socket gives, cut in two within a line (a line across reads)
  const read = Buffer.from(`${Array.from({ length: 100 }, (_, i) => lines[i % lines.length]).join('\n')}\n`);
  const cut = read.length >> 1;
  const intake = new Intake(
    { host: '', port: 0, protocol: 'tcp', ...(output && { output }) },
    () => undefined,
  );
  const source = { address: '127.0.0.1', seen: false };
  const deframer = new Deframer((bytes, raw, start, end, framing) =>
    intake.message(source, bytes, raw, start, end, framing),
  );
  for (let events = 0; events < WARM_EVENTS; events += 100) {
    const copy = Buffer.from(read); // bytes of their own, as each read has
    deframer.push(copy.subarray(0, cut));
    deframer.push(copy.subarray(cut));
    intake.flush();
    intake.printer?.discard();
  }
}

export async function startListener(options: ListenOptions): Promise<Listener> {
  warmUp(options.output);
  const started = performance.now();
  let stop!: (reason: ListenSummary['stoppedBy']) => void;
  const stopped = new Promise<ListenSummary['stoppedBy']>((resolve) => (stop = resolve));
  const connections = new Set<net.Socket>();
  /** False until `ready`: nothing is taken before (TCP senders wait, datagrams are held). */
  let taking = options.ready === undefined;
  const onReady: (() => void)[] = [];
  void options.ready?.then(
    () => {
      taking = true;
      onReady.forEach((start) => start());
    },
    () => undefined, // the caller stops the listener
  );
  // A full output pauses every TCP sender (the kernel's buffers then hold the rest, and the
  // senders wait); they read on once it drained.
  const intake = new Intake(
    options,
    () => stop('count'),
    () => connections.forEach((socket) => socket.pause()),
    () => connections.forEach((socket) => socket.resume()),
  );

  let close: () => Promise<void>;
  let address: { host: string; port: number };
  if (options.protocol === 'udp') {
    const socket = dgram.createSocket(net.isIPv6(options.host) ? 'udp6' : 'udp4');
    const take = (data: Buffer, remote: dgram.RemoteInfo) => {
      // a datagram may carry several lines
      const before = intake.events;
      const source = { address: remote.address, seen: false };
      deframeDatagram(data, (bytes, raw, start, end, framing) =>
        intake.message(source, bytes, raw, start, end, framing),
      );
      if (intake.blocked) intake.dropLines(before);
      intake.flush();
    };
    const held: [Buffer, dgram.RemoteInfo][] = [];
    let heldBytes = 0;
    onReady.push(() => held.splice(0).forEach(([data, remote]) => take(data, remote)));
    socket.on('message', (data, remote) => {
      if (taking) take(data, remote);
      else if ((heldBytes += data.length) <= HELD_DATAGRAM_BYTES) held.push([data, remote]);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(options.port, options.host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    const bound = socket.address();
    address = { host: bound.address, port: bound.port };
    close = () => new Promise((resolve) => socket.close(() => resolve()));
  } else {
    onReady.push(() => {
      if (!intake.blocked && !intake.held) connections.forEach((socket) => socket.resume());
    });
    const server = net.createServer((socket) => {
      intake.connections++;
      const source = { address: socket.remoteAddress ?? 'unknown', seen: false };
      const deframer = new Deframer((bytes, raw, start, end, framing) =>
        intake.message(source, bytes, raw, start, end, framing),
      );
      connections.add(socket);
      // not ready yet, or full: this one waits like the others
      if (!taking || intake.blocked || intake.held) socket.pause();
      socket.on('data', (chunk: Buffer) => {
        deframer.push(chunk);
        intake.flushSoon();
      });
      socket.on('end', () => {
        deframer.end();
        intake.flush();
      });
      socket.on('error', () => undefined); // a sender's reset ends its connection, not the listener
      socket.on('close', () => connections.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port, host: options.host }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const bound = server.address() as net.AddressInfo;
    address = { host: bound.address, port: bound.port };
    // Stop accepting at once; give open senders a moment to finish their stream, so that stopping
    // the listener does not look like a SIEM that resets connections.
    close = async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const grace = setTimeout(() => connections.forEach((socket) => socket.destroy()), CLOSE_GRACE_MS);
      await closed;
      await Promise.all(
        [...connections].map((socket) => new Promise((resolve) => socket.once('close', resolve))),
      );
      clearTimeout(grace);
    };
  }

  const timer = options.durationMs ? setTimeout(() => stop('duration'), options.durationMs) : undefined;
  const onAbort = () => stop('signal');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop('signal');

  const done = stopped.then(async (stoppedBy) => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    await close();
    intake.flush(); // what the last reads printed, before the summary
    const stoppedAt = Date.now();
    const summary = intake.summary();
    return {
      ...summary,
      // UDP has no connections: the summary counts the distinct senders instead
      connections: options.protocol === 'udp' ? summary.senders.length : intake.connections,
      durationMs: Math.round(performance.now() - started),
      stoppedBy,
      ...(intake.notPrinted > 0 && { notPrinted: intake.notPrinted }),
      ...intake.clock.times(stoppedAt),
    };
  });
  return { address, done };
}
