// The JavaScript side of `syslog listen`'s fast lane (assembly/scanner.ts, compiled to WebAssembly
// by the build): reads the module's memory by the layout the module exports, lets the socket read
// straight into it, and hands the caller what the fast lane leaves: messages for the full parser (cef.ts), and the text lines of
// the events it took. One Scanner serves every connection of a listener: a read and its handling
// finish before the next read starts.
import wasm from './assembly/scanner.wasm';
import type { Framing } from './framing.js';

export type MessageFraming = Framing | 'datagram';

const FRAMINGS: readonly MessageFraming[] = ['lf', 'octet', 'datagram']; // by S_MSG_FRAMING

/** The memory layout and the answers of assembly/scanner.ts, read from the constants it exports. */
const LAYOUT = [
  'STATE',
  'S_NEXT',
  'S_MSG_START',
  'S_MSG_END',
  'S_MSG_FRAMING',
  'S_OUT_LEN',
  'S_EVENTS_LF',
  'S_EVENTS_OCTET',
  'S_EVENTS_DATAGRAM',
  'S_FIRST_TIME_LEN',
  'S_LAST_TIME_LEN',
  'S_MAX_MESSAGE',
  'FIRST_TIME',
  'LAST_TIME',
  'TABLE',
  'SLOTS',
  'OUT',
  'MAX_MESSAGE_BYTES',
  'READ',
  'READ_BYTES',
  'FLAG_FINAL',
  'FLAG_DATAGRAM',
  'FLAG_ALL_SLOW',
  'STOP_DONE',
  'STOP_SLOW',
  'STOP_OUT_FULL',
] as const;
type Layout = Record<(typeof LAYOUT)[number], number>;

let compiled: WebAssembly.Module | undefined;

/** What the fast lane leaves to its caller. */
export interface ScanSink {
  /** A message for the full parser, as a byte string (one character per byte; see framing.ts). */
  message(bytes: string, framing: MessageFraming): void;
  /** The text lines of events the fast lane took: a view of its memory, valid until it goes on. */
  lines(bytes: Uint8Array): void;
  /** How many more events are wanted: the fast lane stops there (--count). */
  wanted(): number;
}

export interface ScanOptions {
  /** Hand every message to the full parser (JSON output, onEvent): the fast lane only frames. */
  allSlow?: boolean;
  maxMessageBytes?: number;
}

/** The module's exported constants, by name. */
function layoutOf(exports: Record<string, unknown>): Layout {
  return Object.fromEntries(
    LAYOUT.map((name) => [name, (exports[name] as WebAssembly.Global).value]),
  ) as Layout;
}

export class Scanner {
  /** Where a socket reads into (Node's `onread`); afterRead() takes it from there. */
  readonly readBuffer: Buffer;
  private readonly layout: Layout;
  private readonly memory: Buffer;
  private readonly state: Uint32Array;
  private readonly scan: (start: number, end: number, flags: number, limit: number) => number;
  private readonly flags: number;

  constructor(options: ScanOptions = {}) {
    compiled ??= new WebAssembly.Module(wasm);
    // the module grows its memory to its layout once, as it starts, and never again
    const instance = new WebAssembly.Instance(compiled, {});
    const layout = (this.layout = layoutOf(instance.exports));
    const max = options.maxMessageBytes ?? layout.MAX_MESSAGE_BYTES;
    if (!(max >= 1 && max <= layout.MAX_MESSAGE_BYTES))
      throw new RangeError(`maxMessageBytes ${max} out of range`);
    const { buffer } = instance.exports.memory as WebAssembly.Memory;
    this.scan = instance.exports.scan as Scanner['scan'];
    this.memory = Buffer.from(buffer);
    this.state = new Uint32Array(buffer, layout.STATE, 16);
    this.readBuffer = this.memory.subarray(layout.READ, layout.READ + layout.READ_BYTES);
    this.flags = options.allSlow ? layout.FLAG_ALL_SLOW : 0;
    this.state[layout.S_MAX_MESSAGE] = max;
  }

  /**
   * Handles `length` bytes just read into readBuffer, which continue the stream whose unfinished
   * end is `pending`. Returns the stream's unfinished end now (a copy), to pass to the next call.
   * `final`: the sender closed; whatever is left is a message.
   */
  afterRead(
    pending: Uint8Array | undefined,
    length: number,
    sink: ScanSink,
    final = false,
  ): Uint8Array | undefined {
    const { READ, FLAG_FINAL } = this.layout;
    const start = READ - (pending?.length ?? 0);
    if (pending) this.memory.set(pending, start);
    const end = READ + length;
    const rest = this.feed(start, end, final ? this.flags | FLAG_FINAL : this.flags, sink);
    return rest < end ? Buffer.from(this.memory.subarray(rest, end)) : undefined; // a copy
  }

  /** Bytes from elsewhere than a read into readBuffer (a stream's 'data' event, a test): afterRead piece by piece. */
  push(pending: Uint8Array | undefined, chunk: Uint8Array, sink: ScanSink): Uint8Array | undefined {
    for (let at = 0; at < chunk.length; at += this.readBuffer.length) {
      const piece = chunk.subarray(at, at + this.readBuffer.length);
      this.readBuffer.set(piece);
      pending = this.afterRead(pending, piece.length, sink);
    }
    return pending;
  }

  /** The sender closed: what is left of its stream is its last message. */
  end(pending: Uint8Array | undefined, sink: ScanSink): void {
    if (pending) this.afterRead(pending, 0, sink, true);
  }

  /** One UDP datagram: lines split on line feeds, each a message. */
  datagram(data: Uint8Array, sink: ScanSink): void {
    const { READ, FLAG_FINAL, FLAG_DATAGRAM } = this.layout;
    const bytes = data.subarray(0, this.readBuffer.length); // a datagram is at most 64 KB
    this.readBuffer.set(bytes);
    this.feed(READ, READ + bytes.length, this.flags | FLAG_FINAL | FLAG_DATAGRAM, sink);
  }

  /** Events the fast lane took. */
  get events(): number {
    const { S_EVENTS_LF, S_EVENTS_OCTET, S_EVENTS_DATAGRAM } = this.layout;
    return this.state[S_EVENTS_LF]! + this.state[S_EVENTS_OCTET]! + this.state[S_EVENTS_DATAGRAM]!;
  }

  /** What the fast lane counted: events by framing and by category (byte strings), first and last time. */
  counts(): {
    framing: Record<MessageFraming, number>;
    categories: [string, number][];
    firstTime?: string;
    lastTime?: string;
  } {
    const { state, layout: L } = this;
    const categories: [string, number][] = [];
    const table = new Uint32Array(this.memory.buffer, L.TABLE, L.SLOTS * 4);
    for (let slot = 0; slot < L.SLOTS; slot++) {
      const [hash, key, length, count] = table.subarray(slot * 4, slot * 4 + 4);
      if (hash) categories.push([this.memory.toString('latin1', key, key! + length!), count!]);
    }
    const time = (at: number, length: number) =>
      length > 0 ? this.memory.toString('latin1', at, at + length) : undefined;
    return {
      framing: {
        lf: state[L.S_EVENTS_LF]!,
        octet: state[L.S_EVENTS_OCTET]!,
        datagram: state[L.S_EVENTS_DATAGRAM]!,
      },
      categories,
      firstTime: time(L.FIRST_TIME, state[L.S_FIRST_TIME_LEN]!),
      lastTime: time(L.LAST_TIME, state[L.S_LAST_TIME_LEN]!),
    };
  }

  /** Runs the fast lane over [start, end) and serves what it stops for; returns where the unfinished rest starts. */
  private feed(start: number, end: number, flags: number, sink: ScanSink): number {
    const { state, layout: L } = this;
    for (;;) {
      const wanted = sink.wanted();
      if (wanted <= 0) return end;
      const stop = this.scan(start, end, flags, Math.min(wanted, 0xffffffff));
      if (state[L.S_OUT_LEN]! > 0) {
        sink.lines(this.memory.subarray(L.OUT, L.OUT + state[L.S_OUT_LEN]!));
        state[L.S_OUT_LEN] = 0;
      }
      start = state[L.S_NEXT]!;
      if (stop === L.STOP_SLOW) {
        const bytes = this.memory.toString('latin1', state[L.S_MSG_START], state[L.S_MSG_END]);
        sink.message(bytes, FRAMINGS[state[L.S_MSG_FRAMING]!]!);
      } else if (stop !== L.STOP_OUT_FULL) return stop === L.STOP_DONE ? start : end; // or STOP_LIMIT
    }
  }
}
