// The recovery procedure's `netcat -l <port>`, done properly: accepts several senders at once
// (TCP) or datagrams (UDP), finds the framing of each message, parses syslog and CEF, counts.
// A malformed or binary message is counted and kept as an example, never fatal.
import dgram from 'node:dgram';
import net from 'node:net';
import { eventTime, isActivity, parseSyslogLine, type SyslogEvent } from './cef.js';
import { Deframer, type Framing } from './framing.js';

const CLOSE_GRACE_MS = 1000;

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
  onEvent?: (received: ReceivedEvent) => void;
  onMalformed?: (malformed: Malformed) => void;
}

export interface Listener {
  address: { host: string; port: number };
  done: Promise<ListenSummary>;
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
  private first = Infinity;
  private last = -Infinity;

  constructor(
    private readonly options: ListenOptions,
    private readonly full: () => void,
  ) {}

  get done(): boolean {
    return this.options.count !== undefined && this.summary.events >= this.options.count;
  }

  message(sender: string, message: string, framing: Framing | 'datagram'): void {
    if (this.done) return;
    if (message.trim() === '') return;
    if (!this.senders.has(sender)) {
      this.senders.add(sender);
      this.summary.senders.push(sender);
    }
    const parsed = parseSyslogLine(message);
    if (!parsed.ok) {
      this.summary.malformed++;
      const malformed = { sender, reason: parsed.reason, message };
      this.summary.firstMalformed ??= { ...malformed, message: message.slice(0, 200) };
      this.options.onMalformed?.(malformed);
      return;
    }
    const { event } = parsed;
    const s = this.summary;
    s.events++;
    s.framing[framing]++;
    if (isActivity(event.cef)) s.activities++;
    else s.alerts++;
    s.byCategory[event.cef.signatureId] = (s.byCategory[event.cef.signatureId] ?? 0) + 1;
    const time = eventTime(event);
    const ms = time ? Date.parse(time) : NaN;
    if (Number.isFinite(ms)) {
      if (ms < this.first) {
        this.first = ms;
        s.firstEventTime = time;
      }
      if (ms > this.last) {
        this.last = ms;
        s.lastEventTime = time;
      }
    }
    this.options.onEvent?.({ sender, framing, event });
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
      for (const line of data.toString('utf8').split('\n')) tally.message(remote.address, line, 'datagram');
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
      const emit = ({ message, framing }: { message: string; framing: Framing }) =>
        tally.message(sender, message, framing);
      socket.on('data', (chunk) => deframer.push(chunk, emit));
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
    return { ...tally.summary, durationMs: Math.round(performance.now() - started), stoppedBy };
  });
  return { address, done };
}
