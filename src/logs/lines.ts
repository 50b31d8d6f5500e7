// One file's bytes, in chunks, to the lines worth a look: the hot loop of `siem-doctor logs`.
// A chunk is searched whole for the needles (Buffer.indexOf, no string made); only the lines that
// hold one are decoded, timed and classified. Line numbers are counted on the bytes (line feeds),
// so they are the file's own, compressed or not; a line cut by a chunk's end is carried over.
import { CONTACT, CONTACT_NEEDLE, NEEDLES } from './patterns.js';
import { lineTime } from './times.js';

const NEEDLE_BYTES = NEEDLES.map((n) => Buffer.from(n, 'latin1'));
const CONTACT_BYTES = Buffer.from(CONTACT_NEEDLE, 'latin1');
const LF = 10;
/** A line longer than this is searched in pieces of this size (a needle cut in two is missed). */
export const MAX_LINE = 1024 * 1024;
/** How far back a stack-trace line looks for the timestamped line of its statement. */
const STATEMENT_LINES = 200;
const STATEMENT_BYTES = 64 * 1024;
/** How much of a line is kept as its example text. */
const MAX_TEXT = 1000;
/** How much of a line is kept before it is redacted and cut to MAX_TEXT: a secret that crosses the
 * cut is still whole here, so the redactor knows it. */
const WHOLE_BYTES = MAX_TEXT * 4 + 4096;

/**
 * A line as its example shows it: redacted first, then cut to MAX_TEXT characters, so that the cut
 * never leaves the first part of a secret the redactor would no longer recognise.
 */
export function exampleText(whole: string, redact: (text: string) => string): string {
  const safe = redact(whole);
  return safe.length > MAX_TEXT ? `${safe.slice(0, MAX_TEXT)}…` : safe;
}
/** How many leading text bytes decide whether the file is text at all. */
const SAMPLE_BYTES = 8192;

/** A line that holds a needle, with where it is and what it says. */
export interface Candidate {
  line: number;
  /** The time of its statement (its own, or the timestamped line it follows), when known. */
  time?: number;
  text: string;
  /** The line uncut (up to WHOLE_BYTES), for its example: see exampleText. */
  whole: string;
  /** The statement: the timestamped line and the lines after it up to this one. */
  context: string;
  /** The line number of the statement's first line (its own when it starts one, or has none). */
  statementLine: number;
}

export interface LineSink {
  candidate(found: Candidate): void;
  /** A chunk's lines are done; `contact`: the latest of them that shows contact with the portal. */
  chunkEnd(contact: { time: number | undefined; line: number } | undefined): void;
}

/** The bytes without their NULs: a pre-allocated or sparse log holds runs of them between lines. */
export function withoutNuls(buffer: Buffer): Buffer {
  if (!buffer.includes(0)) return buffer;
  const parts: Buffer[] = [];
  let from = 0;
  while (from < buffer.length) {
    const nul = buffer.indexOf(0, from);
    const end = nul < 0 ? buffer.length : nul;
    if (end > from) parts.push(buffer.subarray(from, end));
    if (nul < 0) break;
    from = nul + 1;
    while (from < buffer.length && buffer[from] === 0) from++;
  }
  return Buffer.concat(parts);
}

/**
 * Binary, not text: more than one in twenty of the first characters are control characters (other
 * than tab, line breaks, form feed and the escape of colour codes) or bytes that are not UTF-8.
 */
export function looksBinary(text: Buffer): boolean {
  const sample = text.subarray(0, SAMPLE_BYTES).toString('utf8');
  if (sample.length === 0) return false;
  let odd = 0;
  for (const char of sample) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd || code === 0x7f || (code < 0x20 && !'\t\n\r\f\x1b'.includes(char))) odd++;
  }
  return odd * 20 > sample.length;
}

function countLines(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = buffer.indexOf(LF, from); i >= 0 && i < to; i = buffer.indexOf(LF, i + 1)) count++;
  return count;
}

const startsWithTime = (buffer: Buffer, start: number) => {
  const first = buffer[start];
  return first !== undefined && ((first >= 0x30 && first <= 0x39) || first === 0x5b); // a digit or [
};

/** The start of the line before the one that starts at `start` (0 for the first). */
function previousLine(buffer: Buffer, start: number): number {
  // a negative offset would count from the end
  return start < 2 ? 0 : buffer.lastIndexOf(LF, start - 2) + 1;
}

function textOf(buffer: Buffer, start: number, end: number): string {
  let stop = end;
  if (stop > start && buffer[stop - 1] === 13) stop--; // CRLF
  return withoutNuls(buffer.subarray(start, stop)).toString('utf8');
}

export class LineScanner {
  /** The number of the line the next byte belongs to. */
  private lineNo = 1;
  private carry: Buffer | undefined;
  /** The time of the latest timestamped line read so far. */
  private lastTime: number | undefined;
  /** undefined until text was seen; then whether it is binary. */
  binary: boolean | undefined;
  bytes = 0;

  constructor(private readonly sink: LineSink) {}

  /** Whether the file ends with a line that has no line feed. */
  private unterminated = false;
  /** The start of the latest statement of the previous chunk, for a stack trace that goes on. */
  private lastStatement = '';
  private lastStatementLine = 0;

  /** The file's lines, once it is read. */
  get lines(): number {
    return this.lineNo - 1 + (this.unterminated ? 1 : 0);
  }

  /** The latest time the file showed, once it is read. */
  get latestTime(): number | undefined {
    return this.lastTime;
  }

  /** Takes the next bytes (the buffer may be reused by the caller afterwards); false: stop, binary. */
  push(data: Buffer): boolean {
    if (data.length === 0) return true;
    this.bytes += data.length;
    if (this.binary === undefined) {
      const text = withoutNuls(data.subarray(0, 64 * 1024));
      if (text.length > 0) this.binary = looksBinary(text);
      if (this.binary) return false;
    }
    let rest = data;
    if (this.carry !== undefined) {
      const lf = data.indexOf(LF);
      if (lf < 0) {
        this.carry = withoutNuls(Buffer.concat([this.carry, data]));
        if (this.carry.length > MAX_LINE) {
          this.block(this.carry);
          this.carry = Buffer.alloc(0); // the same line goes on
        }
        return true;
      }
      this.block(Buffer.concat([this.carry, data.subarray(0, lf + 1)]));
      this.carry = undefined;
      rest = data.subarray(lf + 1);
    }
    const last = rest.lastIndexOf(LF);
    if (last < 0) {
      if (rest.length > 0) this.carry = withoutNuls(Buffer.from(rest));
      return true;
    }
    this.block(rest.subarray(0, last + 1));
    if (last + 1 < rest.length) this.carry = withoutNuls(Buffer.from(rest.subarray(last + 1)));
    return true;
  }

  /** The end of the file: its last line may have no line feed. */
  end(): void {
    if (this.carry !== undefined && this.carry.length > 0) {
      this.block(this.carry);
      this.unterminated = true;
    }
    this.carry = undefined;
  }

  /** Whole lines (the last one ends with a line feed, except at the end of the file). */
  private block(block: Buffer): void {
    const starts: number[] = [];
    for (const needle of NEEDLE_BYTES) {
      for (let at = block.indexOf(needle); at >= 0;) {
        const start = block.lastIndexOf(LF, at) + 1;
        starts.push(start);
        const end = block.indexOf(LF, at);
        if (end < 0) break;
        at = block.indexOf(needle, end + 1);
      }
    }
    const contactAt = block.lastIndexOf(CONTACT_BYTES);
    const firstLine = this.lineNo;
    if (starts.length > 0) {
      starts.sort((a, b) => a - b);
      let cursor = 0;
      let line = firstLine;
      let previous = -1;
      for (const start of starts) {
        if (start === previous) continue;
        previous = start;
        line += countLines(block, cursor, start);
        cursor = start;
        const end = block.indexOf(LF, start);
        const stop = end < 0 ? block.length : end;
        this.candidate(block, start, stop, line);
      }
    }
    this.sink.chunkEnd(contactAt >= 0 ? this.contact(block, contactAt, firstLine) : undefined);
    this.lineNo = firstLine + countLines(block, 0, block.length);
    const tail = this.statementStart(block, previousLine(block, block.length));
    if (tail.time !== undefined) {
      this.lastTime = tail.time;
      this.lastStatement = textOf(block, tail.start, Math.min(block.length, tail.start + 2048));
      this.lastStatementLine = firstLine + countLines(block, 0, tail.start);
    }
  }

  /**
   * The timestamped line that begins the statement a line at `start` belongs to, within this block
   * (bounded), else the time carried from before.
   */
  private statementStart(
    block: Buffer,
    start: number,
  ): { start: number; time: number | undefined; carried?: boolean } {
    for (
      let at = start, searched = 0;
      searched < STATEMENT_LINES && start - at <= STATEMENT_BYTES;
      searched++
    ) {
      if (startsWithTime(block, at)) {
        const time = lineTime(block.toString('latin1', at, Math.min(block.length, at + 40)));
        if (time !== undefined) return { start: at, time };
      }
      if (at === 0) return { start, time: this.lastTime, carried: true };
      at = previousLine(block, at);
    }
    return { start, time: this.lastTime };
  }

  private candidate(block: Buffer, start: number, stop: number, line: number): void {
    const statement = this.statementStart(block, start);
    const whole = textOf(block, start, Math.min(stop, start + WHOLE_BYTES));
    // what classify reads; the example is made from `whole`, redacted before it is cut
    const text = whole.length > MAX_TEXT ? `${whole.slice(0, MAX_TEXT)}…` : whole;
    const context =
      statement.start < start
        ? textOf(block, Math.max(statement.start, start - 8192), Math.min(stop, start + 8192))
        : statement.carried
          ? `${this.lastStatement}\n${textOf(block, Math.max(0, start - 8192), Math.min(stop, start + 8192))}`
          : whole;
    const statementLine =
      statement.start < start
        ? line - countLines(block, statement.start, start)
        : statement.carried && this.lastStatementLine > 0
          ? this.lastStatementLine
          : line;
    this.sink.candidate({
      line,
      statementLine,
      text,
      whole,
      context,
      ...(statement.time !== undefined && { time: statement.time }),
    });
  }

  /** The latest line of the block that really says the agent pulled from the portal. */
  private contact(block: Buffer, from: number, firstLine: number) {
    for (let at = from, tries = 0; at >= 0 && tries < 50; tries++) {
      const start = block.lastIndexOf(LF, at) + 1;
      const end = block.indexOf(LF, at);
      const text = block.toString('latin1', start, end < 0 ? block.length : end);
      if (CONTACT.test(text)) {
        const { time } = this.statementStart(block, start);
        return { time, line: firstLine + countLines(block, 0, start) };
      }
      if (start === 0) return undefined;
      at = block.lastIndexOf(CONTACT_BYTES, start - 1);
    }
    return undefined;
  }
}
