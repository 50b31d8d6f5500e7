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

const LF = 0x0a;
const SPACE = 0x20;
const MAX_OCTET_DIGITS = 9;

export interface Deframed {
  message: string;
  framing: Framing;
}

/**
 * Splits a TCP byte stream into messages. Feed it chunks as they arrive; it keeps the partial tail.
 * A binary or oversized line is still one message: the parser, not the deframer, judges it.
 */
export class Deframer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly maxMessageBytes = 1 << 20) {}

  push(chunk: Buffer, emit: (message: Deframed) => void): void {
    let buffer = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    let offset = 0;
    while (offset < buffer.length) {
      const counted = this.octetLength(buffer, offset);
      if (counted === 'wait') break;
      if (counted !== undefined) {
        const [length, bodyStart] = counted;
        if (buffer.length - bodyStart < length) break;
        emit({ message: buffer.toString('utf8', bodyStart, bodyStart + length), framing: 'octet' });
        offset = bodyStart + length;
        // a sender may still end octet-counted messages with a line feed
        if (buffer[offset] === LF) offset++;
        continue;
      }
      const end = buffer.indexOf(LF, offset);
      if (end < 0) {
        if (buffer.length - offset > this.maxMessageBytes) {
          emit({ message: buffer.toString('utf8', offset, offset + this.maxMessageBytes), framing: 'lf' });
          offset += this.maxMessageBytes;
          continue;
        }
        break;
      }
      if (end > offset) emit({ message: buffer.toString('utf8', offset, end), framing: 'lf' });
      offset = end + 1;
    }
    this.pending = offset < buffer.length ? Buffer.from(buffer.subarray(offset)) : Buffer.alloc(0);
    buffer = Buffer.alloc(0);
  }

  /** What is left when the sender closes: a last line without its line feed. */
  flush(emit: (message: Deframed) => void): void {
    if (this.pending.length > 0) emit({ message: this.pending.toString('utf8'), framing: 'lf' });
    this.pending = Buffer.alloc(0);
  }

  /** [length, body start] for `123 ` at offset; 'wait' when more bytes are needed to know. */
  private octetLength(buffer: Buffer, offset: number): [number, number] | 'wait' | undefined {
    let i = offset;
    const first = buffer[i];
    if (first === undefined || first < 0x31 || first > 0x39) return undefined; // 1-9
    while (i < buffer.length && i - offset < MAX_OCTET_DIGITS && buffer[i]! >= 0x30 && buffer[i]! <= 0x39)
      i++;
    if (i === buffer.length) return 'wait';
    if (buffer[i] !== SPACE) return undefined;
    return [Number(buffer.toString('ascii', offset, i)), i + 1];
  }
}
