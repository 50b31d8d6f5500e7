// The recovery procedure's `netcat -l <port>`, done properly: accepts several senders at once
// (TCP) or datagrams (UDP), finds the framing of each message, parses syslog and CEF, counts.
// A malformed or binary message is counted and kept as an example, never fatal.
import dgram from 'node:dgram';
import net from 'node:net';
import { cefValue, eventTime, isIsoTime, parseSyslogLine, type SyslogEvent } from './cef.js';
import { scanBrief, type BriefEvent } from './scan.js';
import { Deframer, type Framing } from './framing.js';

const CLOSE_GRACE_MS = 1000;

export interface ReceivedEvent {
  sender: string;
  framing: Framing | 'datagram';
  /** What a one-line display and the counts need. */
  brief: BriefEvent;
  /** The whole parsed event: always under detail 'full', else only when the fast path stepped aside. */
  event?: SyslogEvent;
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
  /** 'brief' reads only the displayed fields from the bytes (fast); 'full' parses every event. */
  detail?: 'brief' | 'full';
  onEvent?: (received: ReceivedEvent) => void;
  onMalformed?: (malformed: Malformed) => void;
  /** Called after every received chunk or datagram has been handled: the moment to write output. */
  onBatch?: () => void;
}

export interface Listener {
  address: { host: string; port: number };
  done: Promise<ListenSummary>;
}

function briefOf(event: SyslogEvent): BriefEvent {
  const { cef } = event;
  const brief: BriefEvent = { signatureId: cef.signatureId, name: cef.name, severity: cef.severity };
  if (event.pri !== undefined) brief.pri = event.pri;
  if (event.timestamp !== undefined) brief.timestamp = event.timestamp;
  const user = cefValue(cef, 'suser');
  if (user !== undefined) brief.user = user;
  const app = cefValue(cef, 'destinationServiceName');
  if (app !== undefined) brief.app = app;
  return brief;
}

class Tally {
  readonly summary: Omit<ListenSummary, 'durationMs' | 'stoppedBy'> = {
    events: 0,
    activities: 0,
    alerts: 0,
    byCategory: {},
    senders: [],
    connections: 0,
    framing: { lf: 0, octet: 0, datagram: 0 },
    malformed: 0,
  };
  private readonly senders = new Set<string>();
  // a Map while counting (one hit per event); the summary's plain object is built at the end
  readonly categories = new Map<string, number>();

  constructor(
    private readonly options: ListenOptions,
    private readonly full: () => void,
  ) {}

  get done(): boolean {
    return this.options.count !== undefined && this.summary.events >= this.options.count;
  }

  message(sender: string, message: string, framing: Framing | 'datagram'): void {
    if (this.done) return;
    if (message.length === 0 || (message.length < 3 && message.trim() === '')) return;
    if (!this.senders.has(sender)) {
      this.senders.add(sender);
      this.summary.senders.push(sender);
    }
    let brief = this.options.detail === 'full' ? undefined : scanBrief(message);
    let event: SyslogEvent | undefined;
    let time = brief?.timestamp;
    if (!brief) {
      const parsed = parseSyslogLine(message);
      if (!parsed.ok) {
        this.summary.malformed++;
        const malformed = { sender, reason: parsed.reason, message };
        this.summary.firstMalformed ??= { ...malformed, message: message.slice(0, 200) };
        this.options.onMalformed?.(malformed);
        return;
      }
      event = parsed.event;
      brief = briefOf(event);
      time = eventTime(event);
    }
    const s = this.summary;
    s.events++;
    s.framing[framing]++;
    if (brief.signatureId.startsWith('EVENT_CATEGORY_')) s.activities++;
    else s.alerts++;
    this.categories.set(brief.signatureId, (this.categories.get(brief.signatureId) ?? 0) + 1);
    // ISO times in the same format sort as text: no date parsing per event.
    if (time !== undefined && isIsoTime(time)) {
      if (s.firstEventTime === undefined || time < s.firstEventTime) s.firstEventTime = time;
      if (s.lastEventTime === undefined || time > s.lastEventTime) s.lastEventTime = time;
    }
    this.options.onEvent?.(event ? { sender, framing, brief, event } : { sender, framing, brief });
    if (this.done) this.full();
  }
}

export async function startListener(options: ListenOptions): Promise<Listener> {
  const started = performance.now();
  let stop!: (reason: ListenSummary['stoppedBy']) => void;
  const stopped = new Promise<ListenSummary['stoppedBy']>((resolve) => (stop = resolve));
  const tally = new Tally(options, () => stop('count'));

  let close: () => Promise<void>;
  let address: { host: string; port: number };
  if (options.protocol === 'udp') {
    const socket = dgram.createSocket(net.isIPv6(options.host) ? 'udp6' : 'udp4');
    socket.on('message', (data, remote) => {
      // a datagram may carry several lines
      for (const line of data.toString('utf8').split('\n')) tally.message(remote.address, line, 'datagram');
      options.onBatch?.();
      // UDP has no connections: count the distinct senders instead
      tally.summary.connections = tally.summary.senders.length;
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
    const server = net.createServer((socket) => {
      connections.add(socket);
      tally.summary.connections++;
      const sender = socket.remoteAddress ?? 'unknown';
      const deframer = new Deframer();
      const emit = (message: string, framing: Framing) => tally.message(sender, message, framing);
      socket.on('data', (chunk) => {
        deframer.push(chunk, emit);
        options.onBatch?.();
      });
      socket.on('end', () => deframer.flush(emit));
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
    const byCategory = Object.fromEntries(tally.categories);
    return { ...tally.summary, byCategory, durationMs: Math.round(performance.now() - started), stoppedBy };
  });
  return { address, done };
}
