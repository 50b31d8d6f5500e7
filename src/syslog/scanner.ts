// The JavaScript side of `syslog listen`'s fast lane (assembly/scanner.ts, compiled to WebAssembly
// by the build): owns the module's memory, lets the socket read straight into it, and hands the
// caller what the fast lane leaves: messages for the full parser (cef.ts), and the text lines of
// the events it took. One Scanner serves every connection of a listener: a read and its handling
// finish before the next read starts.
import wasm from './assembly/scanner.wasm';
import type { Framing } from './framing.js';

export type MessageFraming = Framing | 'datagram';

// The memory layout and the answers of assembly/scanner.ts.
const STATE = 2048;
const S_NEXT = 0;
const S_MSG_START = 1;
const S_MSG_END = 2;
const S_MSG_FRAMING = 3;
const S_OUT_LEN = 4;
const S_EVENTS_LF = 5;
const S_EVENTS_OCTET = 6;
const S_EVENTS_DATAGRAM = 7;
const S_FIRST_TIME_LEN = 8;
const S_LAST_TIME_LEN = 9;
const S_MAX_MESSAGE = 12;
const FIRST_TIME = 2304;
const LAST_TIME = 2432;
const TABLE = 4096;
const SLOTS = 1024;
const OUT = 131072;
const FLAG_FINAL = 1;
const FLAG_DATAGRAM = 2;
const FLAG_ALL_SLOW = 4;
const STOP_DONE = 0;
const STOP_SLOW = 1;
const STOP_OUT_FULL = 2;
const FRAMINGS: readonly MessageFraming[] = ['lf', 'octet', 'datagram'];

/** The longest message; a line without its line feed is cut there (the default and the most). */
export const MAX_MESSAGE_BYTES = 1 << 20;
/**
 * The unfinished end of a stream sits right before the fresh bytes, so that the fast lane sees one
 * run of bytes: up to a message and its octet count.
 */
const CARRY = 262144;
const CARRY_BYTES = MAX_MESSAGE_BYTES + 65536;
const READ = CARRY + CARRY_BYTES;
/** One read takes whatever the kernel holds, up to this: the busier the sender, the fewer reads. */
export const READ_BYTES = 1 << 20;
/** 64 KB pages; the module asks for this many (scripts/build.js: --initialMemory), and it holds the layout. */
const PAGES = 40;
if (READ + READ_BYTES + 64 > PAGES * 65536) throw new Error('the fast lane memory layout does not fit');

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

export class Scanner {
  /** Where a socket reads into (Node's `onread`); afterRead() takes it from there. */
  readonly readBuffer: Buffer;
  private readonly memory: Buffer;
  private readonly state: Uint32Array;
  private readonly scan: (start: number, end: number, flags: number, limit: number) => number;
  private readonly flags: number;

  constructor(options: ScanOptions = {}) {
    const max = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    if (!(max >= 1 && max <= MAX_MESSAGE_BYTES)) throw new RangeError(`maxMessageBytes ${max} out of range`);
    const memory = new WebAssembly.Memory({ initial: PAGES, maximum: PAGES }); // never grows: reads land in it
    compiled ??= new WebAssembly.Module(wasm);
    const instance = new WebAssembly.Instance(compiled, { env: { memory } });
    this.scan = instance.exports.scan as Scanner['scan'];
    this.memory = Buffer.from(memory.buffer);
    this.state = new Uint32Array(memory.buffer, STATE, 16);
    this.readBuffer = this.memory.subarray(READ, READ + READ_BYTES);
    this.flags = options.allSlow ? FLAG_ALL_SLOW : 0;
    this.state[S_MAX_MESSAGE] = max;
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
    const start = READ - (pending?.length ?? 0);
    if (pending) this.memory.set(pending, start);
    const end = READ + length;
    const rest = this.feed(start, end, final ? this.flags | FLAG_FINAL : this.flags, sink);
    return rest < end ? Buffer.from(this.memory.subarray(rest, end)) : undefined; // a copy
  }

  /** Bytes from elsewhere than a read into readBuffer (a stream's 'data' event, a test): afterRead piece by piece. */
  push(pending: Uint8Array | undefined, chunk: Uint8Array, sink: ScanSink): Uint8Array | undefined {
    for (let at = 0; at < chunk.length; at += READ_BYTES) {
      const piece = chunk.subarray(at, at + READ_BYTES);
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
    this.readBuffer.set(data.subarray(0, READ_BYTES));
    this.feed(READ, READ + Math.min(data.length, READ_BYTES), this.flags | FLAG_FINAL | FLAG_DATAGRAM, sink);
  }

  /** Events the fast lane took. */
  get events(): number {
    return this.state[S_EVENTS_LF]! + this.state[S_EVENTS_OCTET]! + this.state[S_EVENTS_DATAGRAM]!;
  }

  /** What the fast lane counted: events by framing and by category (byte strings), first and last time. */
  counts(): {
    framing: Record<MessageFraming, number>;
    categories: [string, number][];
    firstTime?: string;
    lastTime?: string;
  } {
    const state = this.state;
    const categories: [string, number][] = [];
    const table = new Uint32Array(this.memory.buffer, TABLE, SLOTS * 4);
    for (let slot = 0; slot < SLOTS; slot++) {
      const [hash, key, length, count] = table.subarray(slot * 4, slot * 4 + 4);
      if (hash) categories.push([this.memory.toString('latin1', key, key! + length!), count!]);
    }
    const time = (at: number, length: number) =>
      length > 0 ? this.memory.toString('latin1', at, at + length) : undefined;
    return {
      framing: {
        lf: state[S_EVENTS_LF]!,
        octet: state[S_EVENTS_OCTET]!,
        datagram: state[S_EVENTS_DATAGRAM]!,
      },
      categories,
      firstTime: time(FIRST_TIME, state[S_FIRST_TIME_LEN]!),
      lastTime: time(LAST_TIME, state[S_LAST_TIME_LEN]!),
    };
  }

  /** Runs the fast lane over [start, end) and serves what it stops for; returns where the unfinished rest starts. */
  private feed(start: number, end: number, flags: number, sink: ScanSink): number {
    const state = this.state;
    for (;;) {
      const wanted = sink.wanted();
      if (wanted <= 0) return end;
      const stop = this.scan(start, end, flags, Math.min(wanted, 0xffffffff));
      if (state[S_OUT_LEN]! > 0) {
        sink.lines(this.memory.subarray(OUT, OUT + state[S_OUT_LEN]!));
        state[S_OUT_LEN] = 0;
      }
      start = state[S_NEXT]!;
      if (stop === STOP_SLOW) {
        const bytes = this.memory.toString('latin1', state[S_MSG_START], state[S_MSG_END]);
        sink.message(bytes, FRAMINGS[state[S_MSG_FRAMING]!]!);
      } else if (stop !== STOP_OUT_FULL) return stop === STOP_DONE ? start : end;
    }
  }
}
