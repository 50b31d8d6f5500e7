// How syslog messages travel over TCP: one per line (the agent's way: a line feed ends each), or
// RFC 6587 octet counting (`<length> <message>`). The receiving side tells them apart per message,
// as rsyslog does: a message that starts with digits and a space is octet-counted.
import { StringDecoder } from 'node:string_decoder';

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

/** Told each message as it is cut out (positional, not an object: this runs 100,000 times a second). */
export type Emit = (message: string, framing: Framing) => void;

const MAX_OCTET_DIGITS = 9;

/**
 * Splits a TCP byte stream into messages. Feed it chunks as they arrive; it keeps the partial
 * tail. Each chunk is decoded once (a StringDecoder holds a UTF-8 sequence split between chunks)
 * and messages are cut from the text, which is far cheaper than decoding line by line.
 * A binary or oversized line is still one message: the parser, not the deframer, judges it.
 */
export class Deframer {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly maxMessageChars = 1 << 20) {}

  push(chunk: Buffer, emit: Emit): void {
    const text = this.pending + this.decoder.write(chunk);
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
        if (text.length - offset > this.maxMessageChars) {
          emit(text.slice(offset, offset + this.maxMessageChars), 'lf');
          offset += this.maxMessageChars;
          continue;
        }
        break;
      }
      if (end > offset) emit(text.slice(offset, end), 'lf');
      offset = end + 1;
    }
    this.pending = text.slice(offset);
  }

  /** What is left when the sender closes: a last line without its line feed. */
  flush(emit: Emit): void {
    const rest = this.pending + this.decoder.end();
    if (rest.length > 0) emit(rest, 'lf');
    this.pending = '';
  }

  /**
   * [body start, body end] in characters for `123 …` at offset, where 123 counts bytes; 'wait'
   * when more text is needed to know; undefined when this is not an octet-counted message.
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
    const bytes = Number(text.slice(offset, i));
    const start = i + 1;
    // ASCII: one byte per character. Otherwise walk the characters, counting their UTF-8 bytes.
    const guess = text.slice(start, start + bytes);
    if (guess.length === bytes && Buffer.byteLength(guess) === bytes) return [start, start + bytes];
    let counted = 0;
    let end = start;
    while (counted < bytes) {
      if (end >= text.length) return [start, text.length + 1]; // not all here yet
      const code = text.codePointAt(end)!;
      counted += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      end += code >= 0x10000 ? 2 : 1;
    }
    return [start, end];
  }
}
