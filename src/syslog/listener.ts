// The recovery procedure's `netcat -l <port>`, done properly: accepts several senders at once
// (TCP) or datagrams (UDP), finds the framing of each message, parses syslog and CEF, counts, and
// prints a line (or a JSON object) per event. A malformed or binary message is counted and kept
// as an example, never fatal.
//
// Built for throughput (an agent catching up sends tens of thousands of events a second):
// connections are read into one reused buffer, messages stay byte strings (see framing.ts), the
// text line of an event is cut from the bytes without parsing the extension (scan.ts), and the
// lines of one read are written at once. Text is decoded only where text is needed: JSON output,
// onEvent, the summary, a malformed example.
import dgram from 'node:dgram';
import net from 'node:net';
import { cefValue, eventTime, isIsoTime, parseSyslogLine, type SyslogEvent } from './cef.js';
import { scanBrief, type BriefEvent } from './scan.js';
import { Deframer, utf8Bytes, utf8Text, type Framing } from './framing.js';

const CLOSE_GRACE_MS = 1000;
/** One read takes whatever the kernel holds, up to this: the busier the sender, the fewer reads. */
const READ_BUFFER_BYTES = 1 << 20;
/**
 * A read is handled in pieces of this size: text made of more lands in V8's large-object space,
 * where searching and slicing it was five times slower (measured).
 */
const PIECE_BYTES = 1 << 16;

export interface ReceivedEvent {
  sender: string;
  framing: Framing | 'datagram';
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
  framing: Record<Framing | 'datagram', number>;
  malformed: number;
  firstMalformed?: Malformed;
  durationMs: number;
  stoppedBy: 'count' | 'duration' | 'signal';
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
  /** Gets the printed lines of one read: text output as a byte string ('latin1'), JSON as text. */
  write?: (lines: string, encoding: 'latin1' | 'utf8') => void;
  /** Every event, parsed in full (a full parse per event: for tests and callers that want it). */
  onEvent?: (received: ReceivedEvent) => void;
}

export interface Listener {
  address: { host: string; port: number };
  done: Promise<ListenSummary>;
}

/** A C0 control character other than the line feed, or DEL: kept off the user's terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f]/;
// eslint-disable-next-line no-control-regex -- the same, to replace them
const CONTROLS = /[\x00-\x09\x0b-\x1f\x7f]/g;

/** The text line of one event; its fields are byte strings, so the line is one too. */
function briefLine(brief: BriefEvent): string {
  return `${brief.timestamp ?? '-'}  ${brief.signatureId}  ${brief.name}  ${brief.user || '-'}  ${brief.app || '-'}\n`;
}

/** The fields of the text line, from a fully parsed event, as byte strings. */
function briefOf(event: SyslogEvent): BriefEvent {
  const { cef } = event;
  const brief: BriefEvent = { signatureId: utf8Bytes(cef.signatureId), name: utf8Bytes(cef.name) };
  if (event.timestamp !== undefined) brief.timestamp = utf8Bytes(event.timestamp);
  const user = cefValue(cef, 'suser');
  if (user !== undefined) brief.user = utf8Bytes(user);
  const app = cefValue(cef, 'destinationServiceName');
  if (app !== undefined) brief.app = utf8Bytes(app);
  return brief;
}

/** One sender's connection (or, for UDP, one datagram's sender) as the counts see it. */
interface Source {
  address: string;
  seen: boolean;
}

/** Counts what arrives and gathers the lines to print until the next flush. */
class Intake {
  /** What is counted as it comes; the rest of the summary is derived once, in summary(). */
  readonly counts: Omit<
    ListenSummary,
    'durationMs' | 'stoppedBy' | 'byCategory' | 'activities' | 'alerts' | 'senders'
  > = {
    events: 0,
    connections: 0,
    framing: { lf: 0, octet: 0, datagram: 0 },
    malformed: 0,
  };
  // a Map while counting (one hit per event); the summary's plain object is built at the end
  private readonly categories = new Map<string, { events: number }>();
  private readonly senders = new Set<string>(); // in order of arrival
  private readonly fullParse: boolean;
  private readonly count: number;
  private lines = '';

  constructor(
    private readonly options: ListenOptions,
    private readonly full: () => void,
  ) {
    this.fullParse = options.output === 'json' || options.onEvent !== undefined;
    this.count = options.count ?? Infinity;
  }

  /** One message, as a byte string. */
  message(source: Source, bytes: string, framing: Framing | 'datagram'): void {
    const s = this.counts;
    if (s.events >= this.count) return;
    if (bytes.length === 0 || (bytes.length < 3 && bytes.trim() === '')) return;
    if (!source.seen) {
      source.seen = true; // one Set lookup per connection, not per event
      this.senders.add(source.address);
    }
    let brief = this.fullParse ? undefined : scanBrief(bytes);
    let time = brief?.timestamp;
    if (!brief) {
      const text = utf8Text(bytes);
      const parsed = parseSyslogLine(text);
      if (!parsed.ok) {
        this.malformed(source.address, parsed.reason, text);
        return;
      }
      const event = parsed.event;
      brief = briefOf(event);
      const when = eventTime(event);
      time = when === undefined ? undefined : utf8Bytes(when); // times are kept as byte strings
      this.options.onEvent?.({ sender: source.address, framing, event });
      if (this.options.output === 'json')
        this.lines += `${JSON.stringify({ sender: source.address, framing, ...event })}\n`;
    }
    if (this.options.output === 'text') this.lines += briefLine(brief);

    s.events++;
    s.framing[framing]++;
    // one lookup per event: the counter is an object the Map holds
    let category = this.categories.get(brief.signatureId);
    if (category === undefined) this.categories.set(brief.signatureId, (category = { events: 0 }));
    category.events++;
    // ISO times in the same format sort as text: no date parsing per event.
    if (time !== undefined && isIsoTime(time)) {
      if (s.firstEventTime === undefined || time < s.firstEventTime) s.firstEventTime = time;
      if (s.lastEventTime === undefined || time > s.lastEventTime) s.lastEventTime = time;
    }
    if (s.events >= this.count) this.full();
  }

  private malformed(sender: string, reason: string, message: string): void {
    this.counts.malformed++;
    this.counts.firstMalformed ??= { sender, reason, message: message.slice(0, 200) };
    if (this.options.output === 'json')
      this.lines += `${JSON.stringify({ malformed: true, sender, reason, message: message.slice(0, 500) })}\n`;
  }

  /** Hands the lines gathered since the last flush to `write`. */
  flush(): void {
    if (this.lines.length === 0) return;
    let lines = this.lines;
    this.lines = '';
    if (this.options.output === 'json') this.options.write?.(lines, 'utf8');
    else {
      // A sender controls these bytes: an escape sequence must not reach the terminal.
      if (CONTROL.test(lines)) lines = lines.replace(CONTROLS, '?');
      this.options.write?.(lines, 'latin1');
    }
  }

  /**
   * The counts, with what derives from them: the counts by category, activities (EVENT_CATEGORY_*)
   * and alerts summed from those, the senders, and the byte strings read as text.
   */
  summary(): Omit<ListenSummary, 'durationMs' | 'stoppedBy'> {
    const byCategory: Record<string, number> = {};
    let activities = 0;
    for (const [name, { events }] of this.categories) {
      byCategory[utf8Text(name)] = events;
      if (name.startsWith('EVENT_CATEGORY_')) activities += events;
    }
    const { firstEventTime, lastEventTime, ...counts } = this.counts;
    return {
      ...counts,
      ...(firstEventTime && { firstEventTime: utf8Text(firstEventTime) }),
      ...(lastEventTime && { lastEventTime: utf8Text(lastEventTime) }),
      byCategory,
      activities,
      alerts: counts.events - activities,
      senders: [...this.senders],
    };
  }
}

/**
 * Reads a connection into one buffer shared by every connection (a read and its handling finish
 * before the next read starts), instead of a fresh buffer and a stream event per read, which cost
 * more than half of the receiving. Node offers that (`onread`) only to sockets it is given a handle
 * for, so the accepted socket's handle moves to a new socket; where that handle is not to be
 * found, the connection is read the usual way. Returns the socket that reads.
 */
export function readConnection(
  accepted: net.Socket,
  buffer: Buffer | undefined,
  onChunk: (chunk: Buffer) => void,
): net.Socket {
  const handle = (accepted as unknown as { _handle?: object | null })._handle;
  if (!buffer || !handle) {
    accepted.on('data', onChunk);
    accepted.resume();
    return accepted;
  }
  const socket = new net.Socket({
    handle,
    allowHalfOpen: false,
    onread: { buffer, callback: (bytes: number) => void onChunk(buffer.subarray(0, bytes)) },
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
  const intake = new Intake(options, () => stop('count'));

  let close: () => Promise<void>;
  let address: { host: string; port: number };
  if (options.protocol === 'udp') {
    const socket = dgram.createSocket(net.isIPv6(options.host) ? 'udp6' : 'udp4');
    socket.on('message', (data, remote) => {
      const source = { address: remote.address, seen: false };
      // a datagram may carry several lines
      for (const line of data.toString('latin1').split('\n')) intake.message(source, line, 'datagram');
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
    const connections = new Set<net.Socket>();
    const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    // paused on accept, so that nothing is read before readConnection decides how to read
    const server = net.createServer({ pauseOnConnect: true }, (accepted) => {
      intake.counts.connections++;
      const source = { address: accepted.remoteAddress ?? 'unknown', seen: false };
      const deframer = new Deframer();
      const emit = (bytes: string, framing: Framing) => intake.message(source, bytes, framing);
      const socket = readConnection(accepted, buffer, (chunk) => {
        for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
          deframer.push(chunk.subarray(at, at + PIECE_BYTES), emit);
          intake.flush();
        }
      });
      connections.add(socket);
      socket.on('end', () => {
        deframer.flush(emit);
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
    // UDP has no connections: the summary counts the distinct senders instead
    if (options.protocol === 'udp') summary.connections = summary.senders.length;
    return {
      ...summary,
      durationMs: Math.round(performance.now() - started),
      stoppedBy,
    };
  });
  return { address, done };
}
