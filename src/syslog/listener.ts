// The recovery procedure's `netcat -l <port>`, done properly: accepts several senders at once
// (TCP) or datagrams (UDP), finds the framing of each message, parses syslog and CEF, counts, and
// prints a line (or a JSON object) per event. A malformed or binary message is counted and kept
// as an example, never fatal.
//
// Built for throughput (an agent catching up sends tens of thousands of events a second):
// connections are read straight into the memory of the fast lane (scanner.ts), which frames the
// stream, counts the agent's own lines and writes their text lines without a JavaScript string
// per event; the lines of one read are written at once. What it leaves (other headers, escapes,
// malformed lines; every message for JSON output) comes here as a byte string (see framing.ts)
// for the full parser. Text is decoded only where text is needed: JSON output, onEvent, the
// summary, a malformed example.
import dgram from 'node:dgram';
import net from 'node:net';
import { cefValue, eventTime, isIsoTime, parseSyslogLine, type SyslogEvent } from './cef.js';
import { utf8Bytes, utf8Text } from './framing.js';
import { Scanner, type MessageFraming, type ScanSink } from './scanner.js';
import { neutralise, terminalJson } from '../render/terminal.js';

const CLOSE_GRACE_MS = 1000;

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

export interface ListenSummary {
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
   * `drained` resolves, so that a slow reader of the output never makes the listener's memory grow.
   */
  write?: (bytes: Buffer) => boolean | void;
  /** Resolves when the output takes bytes again, after `write` returned false. */
  drained?: () => Promise<void>;
  /** Every event, parsed in full (a full parse per event: for tests and callers that want it). */
  onEvent?: (received: ReceivedEvent) => void;
  /** Every received message (valid or malformed): its bytes as received, without the framing. */
  onMessage?: (raw: Buffer, framing: MessageFraming, sender: string) => void;
}

export interface Listener {
  address: { host: string; port: number };
  done: Promise<ListenSummary>;
}

/**
 * The text line of a fully parsed event (time, category, name, user, app), as UTF-8 bytes. A
 * sender controls these bytes: its control characters (C0, DEL, C1) become `?`, as the fast lane
 * writes them, so that no escape sequence reaches the operator's terminal.
 */
function textLine(event: SyslogEvent): Buffer {
  const user = cefValue(event.cef, 'suser');
  const app = cefValue(event.cef, 'destinationServiceName');
  const fields = [event.timestamp ?? '-', event.cef.signatureId, event.cef.name, user || '-', app || '-'];
  return Buffer.from(`${neutralise(fields.join('  '))}\n`, 'utf8');
}

/** One sender's connection (or, for UDP, one datagram's sender) as the counts see it. */
interface Source {
  address: string;
  seen: boolean;
}

/**
 * Counts what arrives and gathers the lines to print until the next flush: the events the fast
 * lane took (it counts them itself) and the messages it left, read here by the full parser.
 */
class Intake {
  readonly scanner: Scanner;
  connections = 0;
  /** What the full parser counted; summary() adds the fast lane's counts. */
  private readonly counts: Pick<
    ListenSummary,
    'events' | 'framing' | 'malformed' | 'firstMalformed' | 'firstEventTime' | 'lastEventTime'
  > = { events: 0, framing: { lf: 0, octet: 0, datagram: 0 }, malformed: 0 };
  private readonly categories = new Map<string, number>(); // byte strings, as the fast lane's
  private readonly senders = new Set<string>(); // in order of arrival
  private readonly count: number;
  private out: Buffer[] = [];
  /** True from a write the output could not take until it drains. */
  blocked = false;
  /** Events of datagrams that came while the output was full (UDP cannot be paused). */
  notPrinted = 0;

  constructor(
    private readonly options: ListenOptions,
    private readonly full: () => void,
    /** Called once each time the output fills up; it resolves when the output drained. */
    private readonly onBlocked: () => void = () => undefined,
  ) {
    this.scanner = new Scanner({
      allSlow: options.output === 'json' || options.onEvent !== undefined || options.onMessage !== undefined,
    });
    this.count = options.count ?? Infinity;
  }

  get events(): number {
    return this.counts.events + this.scanner.events;
  }

  /** What the fast lane hands over from one source's bytes. */
  sink(source: Source): ScanSink {
    return {
      message: (bytes, framing) => this.message(source, bytes, framing),
      lines: (bytes) => {
        this.seen(source);
        if (this.options.output !== 'text') return;
        // a copy, since the view is reused; allocUnsafe, since every byte is written at once
        const copy = Buffer.allocUnsafe(bytes.length);
        copy.set(bytes);
        this.out.push(copy);
      },
      wanted: () => this.count - this.events,
    };
  }

  private seen(source: Source): void {
    if (source.seen) return;
    source.seen = true; // one Set lookup per connection, not per event
    this.senders.add(source.address);
  }

  /** A message the fast lane left, as a byte string: the full parser reads it. */
  private message(source: Source, bytes: string, framing: MessageFraming): void {
    if (this.events >= this.count) return;
    if (bytes.length > 0) this.options.onMessage?.(Buffer.from(bytes, 'latin1'), framing, source.address);
    if (bytes.length === 0 || (bytes.length < 3 && bytes.trim() === '')) return;
    this.seen(source);
    const text = utf8Text(bytes);
    const parsed = parseSyslogLine(text);
    if (!parsed.ok) {
      this.malformed(source.address, parsed.reason, text);
      return;
    }
    const event = parsed.event;
    this.options.onEvent?.({ sender: source.address, framing, event });
    if (this.options.output === 'json')
      this.out.push(Buffer.from(`${terminalJson({ sender: source.address, framing, ...event })}\n`));
    else if (this.options.output === 'text') this.out.push(textLine(event));

    const s = this.counts;
    s.events++;
    s.framing[framing]++;
    const category = utf8Bytes(event.cef.signatureId);
    this.categories.set(category, (this.categories.get(category) ?? 0) + 1);
    const when = eventTime(event);
    // ISO times in the same format sort as text: no date parsing per event
    if (when !== undefined && isIsoTime(when)) {
      const time = utf8Bytes(when); // compared with the fast lane's, which are bytes
      if (s.firstEventTime === undefined || time < s.firstEventTime) s.firstEventTime = time;
      if (s.lastEventTime === undefined || time > s.lastEventTime) s.lastEventTime = time;
    }
  }

  private malformed(sender: string, reason: string, message: string): void {
    this.counts.malformed++;
    this.counts.firstMalformed ??= { sender, reason, message: message.slice(0, 200) };
    if (this.options.output === 'json')
      this.out.push(
        Buffer.from(`${terminalJson({ malformed: true, sender, reason, message: message.slice(0, 500) })}\n`),
      );
  }

  /** Hands the lines gathered since the last flush to `write`; stops the listener at --count. */
  flush(): void {
    if (this.out.length > 0) {
      const out = this.out.length === 1 ? this.out[0]! : Buffer.concat(this.out);
      this.out = [];
      if (this.options.write?.(out) === false && !this.blocked && this.options.drained) {
        this.blocked = true;
        this.onBlocked();
        void this.options.drained().then(() => {
          this.blocked = false;
        });
      }
    }
    if (this.events >= this.count) this.full();
  }

  /** A datagram's lines while the output is full: counted, not printed (nothing holds them). */
  dropLines(eventsBefore: number): void {
    this.out = [];
    this.notPrinted += this.events - eventsBefore;
  }

  /**
   * The counts of both lanes, with what derives from them: the counts by category (most first),
   * activities (EVENT_CATEGORY_*) and alerts summed from those, the senders, and the byte strings
   * read as text.
   */
  summary(): Omit<ListenSummary, 'durationMs' | 'stoppedBy' | 'connections'> {
    const fast = this.scanner.counts();
    const merged = new Map(this.categories);
    for (const [name, events] of fast.categories) merged.set(name, (merged.get(name) ?? 0) + events);
    const byCategory: Record<string, number> = {};
    let activities = 0;
    for (const [name, events] of [...merged].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      byCategory[utf8Text(name)] = events;
      if (name.startsWith('EVENT_CATEGORY_')) activities += events;
    }
    const s = this.counts;
    // each lane's first and last (byte strings, which sort as the times they carry)
    const times = [s.firstEventTime, s.lastEventTime, fast.firstTime, fast.lastTime]
      .filter((time): time is string => time !== undefined)
      .sort();
    const events = this.events;
    return {
      events,
      framing: {
        lf: s.framing.lf + fast.framing.lf,
        octet: s.framing.octet + fast.framing.octet,
        datagram: s.framing.datagram + fast.framing.datagram,
      },
      malformed: s.malformed,
      ...(s.firstMalformed && { firstMalformed: s.firstMalformed }),
      ...(times.length > 0 && {
        firstEventTime: utf8Text(times[0]!),
        lastEventTime: utf8Text(times[times.length - 1]!),
      }),
      byCategory,
      activities,
      alerts: events - activities,
      senders: [...this.senders],
    };
  }
}

/**
 * Reads a connection straight into `buffer` (the fast lane's memory, shared by every connection: a
 * read and its handling finish before the next read starts), instead of a fresh buffer and a
 * stream event per read, which cost more than half of the receiving. Node offers that (`onread`)
 * only to sockets it is given a handle for, so the accepted socket's handle moves to a new socket;
 * where that handle is not to be found, the connection is read the usual way and `onData` gets
 * its chunks. Returns the socket that reads.
 */
export function readConnection(
  accepted: net.Socket,
  buffer: Buffer | undefined,
  onRead: (bytes: number) => void,
  onData: (chunk: Buffer) => void,
): net.Socket {
  const handle = (accepted as unknown as { _handle?: object | null })._handle;
  if (!buffer || !handle) {
    accepted.on('data', onData);
    accepted.resume();
    return accepted;
  }
  const socket = new net.Socket({
    handle,
    allowHalfOpen: false,
    onread: { buffer, callback: (bytes: number) => void onRead(bytes) },
  } as net.SocketConstructorOpts);
  // the accepted socket lets go of the handle, and tells its server it is gone
  (accepted as unknown as { _handle: null })._handle = null;
  accepted.destroy();
  return socket;
}

export async function startListener(options: ListenOptions): Promise<Listener> {
  const started = performance.now();
  let stop!: (reason: ListenSummary['stoppedBy']) => void;
  const stopped = new Promise<ListenSummary['stoppedBy']>((resolve) => (stop = resolve));
  const connections = new Set<net.Socket>();
  // A full output pauses every TCP sender (the kernel's buffers then hold the rest, and the
  // senders wait); they read on once it drained.
  const intake = new Intake(
    options,
    () => stop('count'),
    () => {
      for (const socket of connections) socket.pause();
      void options.drained?.().then(() => {
        for (const socket of connections) socket.resume();
      });
    },
  );

  let close: () => Promise<void>;
  let address: { host: string; port: number };
  if (options.protocol === 'udp') {
    const socket = dgram.createSocket(net.isIPv6(options.host) ? 'udp6' : 'udp4');
    socket.on('message', (data, remote) => {
      // a datagram may carry several lines
      const before = intake.events;
      intake.scanner.datagram(data, intake.sink({ address: remote.address, seen: false }));
      if (intake.blocked) intake.dropLines(before);
      intake.flush();
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
    const { scanner } = intake;
    // paused on accept, so that nothing is read before readConnection decides how to read
    const server = net.createServer({ pauseOnConnect: true }, (accepted) => {
      intake.connections++;
      const sink = intake.sink({ address: accepted.remoteAddress ?? 'unknown', seen: false });
      let pending: Uint8Array | undefined; // this stream's unfinished message
      const socket = readConnection(
        accepted,
        scanner.readBuffer,
        (bytes) => {
          pending = scanner.afterRead(pending, bytes, sink);
          intake.flush();
        },
        (chunk) => {
          pending = scanner.push(pending, chunk, sink);
          intake.flush();
        },
      );
      connections.add(socket);
      if (intake.blocked) socket.pause(); // the output is full: this one waits like the others
      socket.on('end', () => {
        scanner.end(pending, sink);
        pending = undefined;
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
    const summary = intake.summary();
    return {
      ...summary,
      // UDP has no connections: the summary counts the distinct senders instead
      connections: options.protocol === 'udp' ? summary.senders.length : intake.connections,
      durationMs: Math.round(performance.now() - started),
      stoppedBy,
      ...(intake.notPrinted > 0 && { notPrinted: intake.notPrinted }),
    };
  });
  return { address, done };
}
