// How syslog messages travel over TCP: one per line (the agent's way: a line feed ends each), or
// RFC 6587 octet counting (`<length> <message>`). The receiving side tells them apart per message,
// as rsyslog does: a message that starts with digits and a space is octet-counted.

export type Framing = 'lf' | 'octet';

export interface FrameOptions {
  framing: Framing;
  /** `<PRI>` in front (the portal's Generic CEF option). */
  pri?: number;
}

export function frame(message: string, { framing, pri }: FrameOptions): Buffer {
  const body = pri === undefined ? message : `<${pri}>${message}`;
  if (framing === 'lf') return Buffer.from(`${body}\n`, 'utf8');
  const bytes = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`${bytes.length} `, 'ascii'), bytes]);
}

/**
 * Told each message as it is cut out, as a byte string (see Deframer). Positional, not an object:
 * this runs 100,000 times a second.
 */
export type Emit = (bytes: string, framing: Framing) => void;

const MAX_OCTET_DIGITS = 9;
const NOT_ASCII = /[\x80-\uffff]/;

/** A byte string (one character per byte) read as the UTF-8 text it carries. */
export function utf8Text(bytes: string): string {
  return NOT_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** Text as a byte string: its UTF-8 bytes, one character each. */
export function utf8Bytes(text: string): string {
  return NOT_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/**
 * Splits a TCP byte stream into messages. Feed it chunks as they arrive; it keeps the partial
 * tail. It works on byte strings: each chunk is read as latin1, one character per byte, which is
 * a plain copy (no UTF-8 decoding of 65 MB that is mostly never looked at), keeps a multi-byte
 * character split between chunks intact, and makes an RFC 6587 octet count a character count.
 * Whoever reads a message as text decodes it then (utf8Text). A binary or oversized line is
 * still one message: the parser, not the deframer, judges it.
 */
export class Deframer {
  private pending = '';

  constructor(private readonly maxMessageBytes = 1 << 20) {}

  push(chunk: Buffer, emit: Emit): void {
    const bytes = chunk.toString('latin1');
    const text = this.pending.length > 0 ? this.pending + bytes : bytes;
    let offset = 0;
    while (offset < text.length) {
      const counted = this.octetFrame(text, offset);
      if (counted === 'wait') break;
      if (counted !== undefined) {
        const [bodyStart, bodyEnd] = counted;
        if (bodyEnd > text.length) break;
        emit(text.slice(bodyStart, bodyEnd), 'octet');
        offset = bodyEnd;
        // a sender may still end octet-counted messages with a line feed
        if (text.charCodeAt(offset) === 0x0a) offset++;
        continue;
      }
      const end = text.indexOf('\n', offset);
      if (end < 0) {
        if (text.length - offset > this.maxMessageBytes) {
          emit(text.slice(offset, offset + this.maxMessageBytes), 'lf');
          offset += this.maxMessageBytes;
          continue;
        }
        break;
      }
      if (end > offset) emit(text.slice(offset, end), 'lf');
      offset = end + 1;
    }
    this.pending = offset < text.length ? text.slice(offset) : '';
  }

  /** What is left when the sender closes: a last line without its line feed. */
  flush(emit: Emit): void {
    if (this.pending.length > 0) emit(this.pending, 'lf');
    this.pending = '';
  }

  /**
   * [body start, body end] for `123 …` at offset; 'wait' when more bytes are needed to know;
   * undefined when this is not an octet-counted message.
   */
  private octetFrame(text: string, offset: number): [number, number] | 'wait' | undefined {
    const first = text.charCodeAt(offset);
    if (first < 0x31 || first > 0x39) return undefined; // 1-9
    let i = offset + 1;
    while (
      i < text.length &&
      i - offset < MAX_OCTET_DIGITS &&
      text.charCodeAt(i) >= 0x30 &&
      text.charCodeAt(i) <= 0x39
    )
      i++;
    if (i === text.length) return 'wait';
    if (text.charCodeAt(i) !== 0x20) return undefined;
    const start = i + 1;
    return [start, start + Number(text.slice(offset, i))];
  }
}
