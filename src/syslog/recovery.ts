// The recovery procedure, carried through by `syslog listen` (issue #13). The docs have the user
// point a second "recovery" agent at `netcat -l <port>` to see whether anything is sent; the
// events that stream carries are then lost unless the user catches them. Here each received
// message (the listener's `onMessage`, its bytes exactly as received, without the framing) goes:
// - to `--output FILE`, one message per line, byte for byte (what rsyslog's `%rawmsg%\n` keeps),
//   rotated by size into FILE.1, FILE.2 … with a bounded count of files;
// - to `--forward HOST:PORT[/tcp|udp]`, the SIEM, in the framing the agent used.
// (When the stream went quiet and the range of the events' `rt` times, the listener's clock says.)
//
// Neither side may make memory grow with the stream: both say when they are full (`full`), the
// command then pauses the TCP senders through the listener's `paused`/`resumed` (asked after every
// burst of reads, printed or not), and `drained()` resolves when they take more. A SIEM that stops reading for `stallMs` is given up (its messages
// stay in --output) rather than holding the recovery agent forever.
import dgram from 'node:dgram';
import { once } from 'node:events';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import { ConfigError, FileError, NetworkError, fileProblem } from '../errors.js';
import { en } from '../catalog/en.js';
import { parseHost, parsePort } from '../config/proxy-address.js';
import { resolveHost } from '../probes/dns.js';
import { translate, type Text } from '../catalog/index.js';
import type { MessageFraming } from './framing.js';

/** Bytes queued (file) or buffered in the connection (SIEM) above which the senders are paused. */
const HIGH_WATER = 1024 * 1024;
/**
 * Past this, a message is not queued at all (counted instead): reached only when the senders
 * cannot be paused (UDP) and the disk or the SIEM is slower than they are.
 */
const HARD_LIMIT = 16 * 1024 * 1024;
/** Reconnecting to the SIEM: the first wait, doubled after each failure up to the last. */
const BACKOFF_FIRST_MS = 250;
const BACKOFF_MAX_MS = 5000;
/**
 * The SIEM's connection is handed at most this much at once (the rest waits in the forwarder's
 * queue): a write's end is the only progress a socket reports, so a SIEM that reads slowly is
 * seen taking bytes every few dozen KB, not once per megabyte.
 */
const WRITE_CHUNK = 64 * 1024;
/** Stopping: how long the SIEM gets to take what is still buffered for it. */
const CLOSE_GRACE_MS = 2000;
const LF = 0x0a;
/** One line feed, written after every message (the same bytes each time: no buffer per message). */
const NEWLINE = Buffer.of(LF);

// --- parsing the flags' values ------------------------------------------------------------------

export interface ForwardTarget {
  host: string;
  port: number;
  protocol: 'tcp' | 'udp';
}

/** `HOST:PORT[/tcp|udp]` (IPv6 in brackets); the protocol defaults to the listener's. */
export function parseForward(raw: string, protocol: 'tcp' | 'udp'): ForwardTarget {
  const value = raw.trim();
  const bad = (problem: Text) =>
    new ConfigError({ key: 'forward.error.form', params: { value: raw }, parts: { problem } }, 'forward');
  const suffix = /\/(tcp|udp)$/i.exec(value);
  const address = suffix ? value.slice(0, suffix.index) : value;
  const colon = address.lastIndexOf(':');
  if (colon < 0) throw bad({ key: 'forward.error.noPort' });
  const hostText = address.slice(0, colon);
  if (!hostText.startsWith('[') && hostText.includes(':')) throw bad({ key: 'forward.error.bareIpv6' });
  const host = parseHost(hostText);
  if (host === undefined) throw bad({ key: 'forward.error.noHost', params: { host: hostText } });
  const port = parsePort(address.slice(colon + 1));
  if (port === undefined) throw bad({ key: 'forward.error.badPort' });
  return { host, port, protocol: suffix ? (suffix[1]!.toLowerCase() as 'tcp' | 'udp') : protocol };
}

/** A size: bytes, or with a unit K, M, G (powers of 1024; `KB`, `MiB` read the same), at least 1 KB. */
export function parseSize(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/i.exec(raw.trim());
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match?.[2] ?? '').toLowerCase()] ?? 1;
  const bytes = match ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!(bytes >= 1024 && bytes <= Number.MAX_SAFE_INTEGER))
    throw new ConfigError({ key: 'output.error.badSize', params: { value: raw } }, 'output-max-size');
  return bytes;
}

/** An address as one writes it with a port: IPv6 in brackets. */
export function hostForPort(host: string): string {
  return net.isIPv6(host) ? `[${host}]` : host;
}

/**
 * Sending to the port one listens on would loop every message back. Addresses are compared
 * exactly (127.0.0.2 is not 127.0.0.1); `localhost` is 127.0.0.1 or ::1; a listener on every
 * address (0.0.0.0, or :: which takes IPv4 too) is reached through any of this machine's own.
 */
export function isSameEndpoint(
  listen: { host: string; port: number; protocol: 'tcp' | 'udp' },
  target: ForwardTarget,
): boolean {
  // the same port number over the other protocol is another socket
  if (listen.port !== target.port || listen.protocol !== target.protocol) return false;
  const [a, b] = [listen.host.toLowerCase(), target.host.toLowerCase()];
  if (a === b) return true;
  const localhost = (h: string) => h === '127.0.0.1' || h === '::1';
  if ((a === 'localhost' && localhost(b)) || (b === 'localhost' && localhost(a))) return true;
  if (a === '0.0.0.0') return b !== '::1' && !net.isIPv6(b) && isThisMachine(b);
  if (a === '::') return isThisMachine(b);
  return false;
}

/** Whether `host` is one of this machine's addresses (any loopback address, or an interface's). */
function isThisMachine(host: string): boolean {
  if (host === 'localhost' || host === '0.0.0.0' || host === '::' || host === '::1') return true;
  if (net.isIPv4(host) && host.startsWith('127.')) return true;
  return Object.values(os.networkInterfaces()).some((addresses) =>
    addresses?.some(({ address }) => address.toLowerCase() === host),
  );
}

// --- --output: every message, byte for byte, rotated by size ------------------------------------

export interface OutputOptions {
  file: string;
  /** Rotate before a message would take the file past this size; undefined: never rotate. */
  maxBytes?: number;
  /** Rotated files kept: FILE.1 (newest) … FILE.N; the oldest beyond them is deleted. */
  keep: number;
}

export interface OutputSummary {
  file: string;
  maxBytes?: number;
  keep: number;
  /** Messages written (each followed by a line feed), and their bytes with the line feeds. */
  messages: number;
  bytes: number;
  /** Times the file was rotated, and the files holding this run's messages, newest first. */
  rotations: number;
  files: string[];
  /** This run's messages in a rotated file that rotation then deleted (beyond --output-files). */
  rotatedAway: number;
  /** Messages that could not be written (the error below, or a queue past its limit under UDP). */
  notKept: number;
  /** Why writing stopped, in English (for JSON)… */
  error?: string;
  /**
   * …and as a text to say in the run's language (also why messages were dropped without an error:
   * a disk that did not keep up with UDP senders): under a symbol, which JSON leaves out.
   */
  [OUTPUT_ERROR]?: Text;
}

/** The key of OutputSummary's error as a text. */
export const OUTPUT_ERROR = Symbol('the --output error as a text');

const ROTATE = Symbol('rotate');

/** The file of received messages, written in order, in the background, with rotation by size. */
export class RawOutput {
  private queue: (Buffer | typeof ROTATE)[] = [];
  private queued = 0;
  private size: number;
  private pumping = false;
  /** Messages of the batch being written (not kept if that write fails). */
  private writing = 0;
  private waiters: (() => void)[] = [];
  private idle: (() => void)[] = [];
  /** This run's messages per file: [0] is FILE, [i] is FILE.i. */
  private perFile: number[];
  private readonly summary: OutputSummary;

  private constructor(
    private readonly options: OutputOptions,
    private handle: FileHandle | undefined,
    size: number,
    private readonly onTrouble: (error: Text) => void,
  ) {
    this.size = size;
    this.perFile = new Array<number>(options.keep + 1).fill(0);
    this.summary = {
      file: options.file,
      ...(options.maxBytes !== undefined && { maxBytes: options.maxBytes }),
      keep: options.keep,
      messages: 0,
      bytes: 0,
      rotations: 0,
      files: [],
      rotatedAway: 0,
      notKept: 0,
    };
  }

  /** Opens FILE for appending (what it holds already stays): a file that cannot be written fails here, before anything arrives. */
  static async open(options: OutputOptions, onTrouble: (error: Text) => void): Promise<RawOutput> {
    try {
      const handle = await open(options.file, 'a');
      const { size } = await handle.stat();
      return new RawOutput(options, handle, size, onTrouble);
    } catch (error) {
      throw new FileError(fileProblem(error, options.file), 'output');
    }
  }

  /** True while the writes wait for the disk: the senders should pause. */
  get full(): boolean {
    return this.queued > HIGH_WATER;
  }

  /** Resolves once the queue is back under its mark (at once when it is). */
  drained(): Promise<void> {
    return this.full ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }

  write(raw: Buffer): void {
    const length = raw.length + 1;
    if (this.summary.error !== undefined || this.queued + length > HARD_LIMIT) {
      this.summary.notKept++;
      // UDP senders cannot be paused: past the limit a message is dropped, and the summary says why
      if (this.summary.error === undefined)
        this.summary[OUTPUT_ERROR] = {
          key: 'listen.output.queueFull',
          params: { limit: `${HARD_LIMIT >> 20} MB` },
        };
      return;
    }
    const { maxBytes } = this.options;
    // a message larger than the limit still goes whole, alone in its file
    if (maxBytes !== undefined && this.size > 0 && this.size + length > maxBytes) {
      this.queue.push(ROTATE);
      this.size = 0;
    }
    this.queue.push(raw, NEWLINE);
    this.queued += length;
    this.size += length;
    void this.pump();
  }

  /** Writes what is queued, then closes the file. */
  async close(): Promise<OutputSummary> {
    if (this.pumping || this.queue.length > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    const { file, keep } = this.options;
    this.summary.files = this.perFile
      .slice(0, keep + 1)
      .map((count, i) => (count > 0 ? (i === 0 ? file : `${file}.${i}`) : ''))
      .filter(Boolean);
    return { ...this.summary };
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.summary.error === undefined) {
        if (this.queue[0] === ROTATE) {
          this.queue.shift();
          await this.rotate();
          continue;
        }
        // everything up to the next rotation, in one system call
        const end = this.queue.indexOf(ROTATE);
        const batch = this.queue.splice(0, end < 0 ? this.queue.length : end) as Buffer[];
        const bytes = batch.reduce((sum, b) => sum + b.length, 0);
        this.writing = batch.length / 2;
        await writeAll(this.handle!, batch);
        this.writing = 0;
        this.queued -= bytes;
        this.summary.messages += batch.length / 2;
        this.summary.bytes += bytes;
        this.perFile[0]! += batch.length / 2;
        if (!this.full) this.waiters.splice(0).forEach((resolve) => resolve());
      }
    } catch (error) {
      const problem = fileProblem(error, this.options.file);
      this.summary[OUTPUT_ERROR] = problem;
      this.summary.error = translate(en, problem);
      // what was queued is not kept: counted, and the senders are not held for it
      this.summary.notKept += this.writing + this.queue.filter((b) => b !== ROTATE).length / 2;
      this.writing = 0;
      this.queue = [];
      this.queued = 0;
      this.onTrouble(problem);
      this.waiters.splice(0).forEach((resolve) => resolve());
    } finally {
      this.pumping = false;
      this.idle.splice(0).forEach((resolve) => resolve());
    }
  }

  /** FILE → FILE.1 → FILE.2 …; the one beyond --output-files goes. */
  private async rotate(): Promise<void> {
    const { file, keep } = this.options;
    await this.handle!.close();
    this.handle = undefined;
    const name = (i: number) => (i === 0 ? file : `${file}.${i}`);
    await rm(name(keep), { force: true });
    for (let i = keep - 1; i >= 0; i--) {
      const exists = await stat(name(i)).then(
        () => true,
        () => false,
      );
      if (exists) await rename(name(i), name(i + 1));
    }
    this.summary.rotatedAway += this.perFile[keep]!;
    this.perFile = [0, ...this.perFile.slice(0, keep)];
    this.summary.rotations++;
    this.handle = await open(file, 'a');
  }
}

/** A file handle's writev may write part of what it is given: the rest goes in the next call. */
async function writeAll(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  while (rest.length > 0) {
    // writev takes at most IOV_MAX (1024) buffers at once
    const chunk = rest.slice(0, 1024);
    let { bytesWritten } = await handle.writev(chunk);
    rest = rest.slice(chunk.length);
    const left: Buffer[] = [];
    for (const buffer of chunk) {
      if (bytesWritten >= buffer.length) bytesWritten -= buffer.length;
      else {
        left.push(buffer.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    rest = [...left, ...rest];
  }
}

// --- --forward: the SIEM gets the stream as it arrives ------------------------------------------

export type ForwardProblemKind = 'refused' | 'reset' | 'closed' | 'stalled' | 'unreachable' | 'error';

export interface ForwardProblem {
  /** When it happened (ISO time). */
  at: string;
  kind: ForwardProblemKind;
  code?: string;
}

export interface ForwardSummary {
  target: string;
  protocol: 'tcp' | 'udp';
  /** Handed to the SIEM's connection (TCP: taken by the system's send buffer; UDP: sent). */
  forwarded: number;
  /** Messages received while the SIEM could not take them: in --output when it was given. */
  notForwarded: number;
  /**
   * Of the forwarded, those handed to a TCP connection the SIEM then reset, closed or let stall:
   * it may hold only part of them (TCP does not say what it read before it broke).
   */
  unconfirmed: number;
  /** Times the SIEM stopped taking messages (each reported once, not every failed retry). */
  outages: number;
  /** The first of those (at most 20). */
  problems: ForwardProblem[];
  /** Connections made (1 when it never broke). */
  connections: number;
}

export interface ForwardEvents {
  /** A connection that worked broke, or the SIEM could not be reached: said once per outage. */
  problem(problem: ForwardProblem, target: string): void;
  /** The SIEM takes messages again after a problem. */
  recovered(target: string): void;
}

/** At most this many problems are kept for the summary; the count goes on. */
const PROBLEMS_KEPT = 20;

/**
 * Relays messages to the SIEM: over TCP, each in the framing it came in (line feed after it, or
 * RFC 6587 `<length> ` before it; a UDP datagram's message gets a line feed, as the agent
 * writes), over UDP one datagram per message. While the SIEM cannot take them (refused, reset,
 * stalled), messages are counted as not forwarded, and it is tried again after a bounded backoff.
 */
export class Forwarder {
  private socket: net.Socket | undefined;
  private udp: dgram.Socket | undefined;
  private attempted = 0;
  private forwarded = 0;
  private connections = 0;
  private problemCount = 0;
  private readonly problems: ForwardProblem[] = [];
  /** True from a problem until the SIEM takes messages again: one report per outage. */
  private down = false;
  private backoffMs = BACKOFF_FIRST_MS;
  private retry: NodeJS.Timeout | undefined;
  private stall: NodeJS.Timeout | undefined;
  private waiters: (() => void)[] = [];
  private closing = false;
  private udpInFlight = 0;
  /** TCP: framed messages not yet handed to the connection, and their bytes. */
  private queue: Buffer[][] = [];
  private queued = 0;
  /** Messages handed to each TCP connection, and those on connections the SIEM then broke. */
  private readonly onConnection = new WeakMap<net.Socket, number>();
  private unconfirmed = 0;
  readonly label: string;

  private constructor(
    private readonly target: ForwardTarget & { address: string },
    private readonly stallMs: number,
    private readonly events: ForwardEvents,
  ) {
    this.label = `${hostForPort(target.host)}:${target.port}/${target.protocol}`;
  }

  /**
   * Resolves the SIEM's name once (a name that does not resolve is bad input) and starts the
   * connection; messages sent before it is made wait in it.
   */
  static async start(
    target: ForwardTarget,
    options: { stallMs: number; timeoutMs: number; events: ForwardEvents },
  ): Promise<Forwarder> {
    const resolved = await resolveHost(target.host, options.timeoutMs);
    if (!resolved.ok)
      throw new NetworkError(
        { key: 'forward.error.dnsFailed', params: { host: target.host, code: resolved.code } },
        'forward',
      );
    const address = resolved.addresses[0]!.address;
    const forwarder = new Forwarder({ ...target, address }, options.stallMs, options.events);
    if (target.protocol === 'udp') await forwarder.openUdp(resolved.addresses[0]!.family);
    else forwarder.connect();
    return forwarder;
  }

  /** True while the SIEM's connection holds more than it should: the senders should pause. */
  get full(): boolean {
    return this.queued + (this.socket?.writableLength ?? 0) > HIGH_WATER;
  }

  drained(): Promise<void> {
    return this.full ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }

  send(raw: Buffer, framing: MessageFraming): void {
    this.attempted++;
    if (this.udp) {
      if (this.udpInFlight * 1500 > HARD_LIMIT) return;
      this.udpInFlight++;
      this.udp.send(raw, (error) => {
        this.udpInFlight--;
        if (error) this.fail(udpKind(error), (error as NodeJS.ErrnoException).code);
        else this.sent();
      });
      return;
    }
    const socket = this.socket;
    if (!socket || socket.destroyed || this.queued + socket.writableLength > HARD_LIMIT) return;
    const framed = framing === 'octet' ? [Buffer.from(`${raw.length} `, 'ascii'), raw] : [raw, NEWLINE];
    this.queue.push(framed);
    this.queued += framed[0]!.length + framed[1]!.length;
    this.pump(socket);
    if (this.full && !this.stall) this.watchStall(socket);
  }

  /** Hands the queue to the connection, WRITE_CHUNK at a time ('drain' asks for more). */
  private pump(socket: net.Socket): void {
    if (socket.destroyed || socket.writableLength >= WRITE_CHUNK || this.queue.length === 0) return;
    // the messages of one batch leave together
    socket.cork();
    let handed = 0;
    let taken = 0;
    while (taken < this.queue.length && socket.writableLength < WRITE_CHUNK) {
      const [head, body] = this.queue[taken++]!;
      handed += head!.length + body!.length;
      socket.write(head!);
      socket.write(body!, (error) => {
        // Node calls back without an error for a write its destroyed socket dropped
        if (error || socket.destroyed) return;
        this.sent();
        this.onConnection.set(socket, (this.onConnection.get(socket) ?? 0) + 1);
      });
    }
    this.queue = taken === this.queue.length ? [] : this.queue.slice(taken);
    this.queued -= handed;
    process.nextTick(() => socket.uncork());
  }

  /**
   * Gives the SIEM up when it took nothing for `stallMs` while full: one that reads slowly but
   * steadily is waited for ('drain' comes only once the buffer is empty, never while it keeps up).
   */
  private watchStall(socket: net.Socket): void {
    const taken = () => socket.bytesWritten - socket.writableLength; // handed to the system
    const before = taken();
    this.stall = setTimeout(() => {
      this.stall = undefined;
      if (socket.destroyed || !this.full) return;
      if (taken() > before) return this.watchStall(socket);
      this.fail('stalled');
      socket.destroy();
    }, this.stallMs);
  }

  /** Gives the SIEM a moment to take what is buffered, then ends the connection. */
  async close(): Promise<ForwardSummary> {
    this.closing = true;
    clearTimeout(this.retry);
    clearTimeout(this.stall);
    if (this.udp) {
      const udp = this.udp;
      const until = Date.now() + CLOSE_GRACE_MS;
      while (this.udpInFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    } else if (this.socket && !this.socket.destroyed) {
      const socket = this.socket;
      const closed = new Promise((resolve) => socket.once('close', resolve));
      const grace = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
      // what is queued goes first ('drain' hands it on), within the same grace
      while (this.queue.length > 0 && !socket.destroyed)
        await Promise.race([once(socket, 'drain'), closed]).catch(() => undefined);
      socket.end();
      await closed;
      clearTimeout(grace);
    }
    this.release();
    return {
      target: this.label,
      protocol: this.target.protocol,
      forwarded: this.forwarded,
      // whatever was not confirmed taken, whichever way it went: the counts always add up
      notForwarded: this.attempted - this.forwarded,
      unconfirmed: this.unconfirmed,
      outages: this.problemCount,
      problems: [...this.problems],
      connections: this.connections,
    };
  }

  private sent(): void {
    this.forwarded++;
    if (this.down) {
      this.down = false;
      this.events.recovered(this.label);
    }
  }

  private connect(): void {
    const socket = net.connect({ host: this.target.address, port: this.target.port });
    this.socket = socket;
    socket.setNoDelay(true);
    socket.resume(); // a SIEM has nothing to say; what it sends anyway is dropped
    let broke: { kind: ForwardProblemKind; code?: string } | undefined;
    socket.on('connect', () => {
      this.connections++;
      this.backoffMs = BACKOFF_FIRST_MS;
    });
    socket.on('drain', () => {
      this.pump(socket);
      if (this.queue.length === 0 && socket.writableLength === 0) {
        clearTimeout(this.stall);
        this.stall = undefined;
      }
      this.release();
    });
    socket.on('end', () => (broke ??= { kind: 'closed' }));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      broke ??= { kind: tcpKind(error.code), code: error.code };
    });
    socket.on('close', () => {
      clearTimeout(this.stall);
      this.stall = undefined;
      if (this.socket === socket) {
        this.socket = undefined;
        // not handed to this connection: not forwarded (the counts say so), not sent on the next
        this.queue = [];
        this.queued = 0;
      }
      this.release();
      if (this.closing) return;
      // TCP says nothing of what the SIEM read of them before it broke the connection
      this.unconfirmed += this.onConnection.get(socket) ?? 0;
      this.fail(broke?.kind ?? 'closed', broke?.code);
      this.retry = setTimeout(() => this.connect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MAX_MS);
    });
  }

  private async openUdp(family: 4 | 6): Promise<void> {
    const udp = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
    udp.on('error', (error: NodeJS.ErrnoException) => this.fail(udpKind(error), error.code));
    // connected: a "port unreachable" answer comes back as an error of the next send
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.connect(this.target.port, this.target.address, () => {
        udp.off('error', reject);
        resolve();
      });
    }).catch((error: unknown) => {
      throw new NetworkError(
        { key: 'forward.error.cannotSend', params: { target: this.label, reason: (error as Error).message } },
        'forward',
      );
    });
    this.udp = udp;
    this.connections = 1;
  }

  /** A problem: reported once per outage (the first failure, not every failed retry). */
  private fail(kind: ForwardProblemKind, code?: string): void {
    if (this.down && kind !== 'stalled') return;
    this.down = true;
    this.problemCount++;
    const problem = { at: new Date().toISOString(), kind, ...(code && { code }) };
    if (this.problems.length < PROBLEMS_KEPT) this.problems.push(problem);
    this.events.problem(problem, this.label);
  }

  private release(): void {
    if (!this.full) this.waiters.splice(0).forEach((resolve) => resolve());
  }
}

function tcpKind(code: string | undefined): ForwardProblemKind {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return 'unreachable';
    default:
      return 'error';
  }
}

function udpKind(error: Error): ForwardProblemKind {
  return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? 'refused' : 'error';
}

// --- the three together, as `syslog listen` uses them --------------------------------------------

export interface RecoveryOptions {
  output?: OutputOptions;
  forward?: ForwardTarget;
  /** A SIEM that takes nothing for this long while messages wait for it has stalled. */
  stallMs: number;
  /** Resolving the SIEM's name. */
  timeoutMs: number;
  events: ForwardEvents & {
    /** Writing --output failed: what arrives from now on is not kept. */
    outputFailed(error: Text, file: string): void;
  };
}

export interface RecoverySummary {
  output?: OutputSummary;
  forward?: ForwardSummary;
}

export interface Recovery {
  /** The listener's onMessage: the message goes to the file and to the SIEM. */
  onMessage(raw: Buffer, framing: MessageFraming): void;
  /** True while the file or the SIEM cannot keep up: the senders should pause. */
  readonly full: boolean;
  drained(): Promise<void>;
  /** Writes and sends what is left, closes the file and the connection. */
  close(): Promise<RecoverySummary>;
}

export async function startRecovery(options: RecoveryOptions): Promise<Recovery> {
  const output = options.output
    ? await RawOutput.open(options.output, (error) =>
        options.events.outputFailed(error, options.output!.file),
      )
    : undefined;
  let forwarder: Forwarder | undefined;
  try {
    forwarder = options.forward
      ? await Forwarder.start(options.forward, {
          stallMs: options.stallMs,
          timeoutMs: options.timeoutMs,
          events: options.events,
        })
      : undefined;
  } catch (error) {
    await output?.close();
    throw error;
  }
  return {
    onMessage(raw, framing) {
      // both hold the bytes until the disk or the SIEM takes them: a copy of our own, whatever
      // buffer the listener reads into next
      const bytes = Buffer.from(raw);
      output?.write(bytes);
      forwarder?.send(bytes, framing);
    },
    get full() {
      return Boolean(output?.full || forwarder?.full);
    },
    async drained() {
      await Promise.all([output?.drained(), forwarder?.drained()]);
    },
    async close() {
      const [forward, kept] = await Promise.all([forwarder?.close(), output?.close()]);
      return {
        ...(kept && { output: kept }),
        ...(forward && { forward }),
      };
    },
  };
}
