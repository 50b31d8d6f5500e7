// How syslog messages travel over TCP: one per line (the agent's way: a line feed ends each), or
// RFC 6587 octet counting (`<length> <message>`). The sender frames (frame()); the receiver
// (Deframer) tells the two apart per message, as rsyslog does: a message that starts with digits
// and a space is octet-counted. A UDP datagram may carry several lines.
//
// A received message is handed on where it lies in what was read (never copied unless it spans two
// reads), so that nothing is decoded that is never read and an octet count is a byte count.

export type Framing = 'lf' | 'octet';
export type MessageFraming = Framing | 'datagram';

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

/** The longest message; a line without its line feed is cut there, so memory stays bounded. */
export const MAX_MESSAGE_BYTES = 1 << 20;
const MAX_OCTET_DIGITS = 9;
const LF = 0x0a;
const SPACE = 0x20;

/**
 * Gets each message as where it lies: [start, end) of `bytes`, and of `raw`, the same bytes one
 * character each (latin1), made once per read instead of once per message, for the parser's
 * string searches.
 */
export type SpanHandler = (
  bytes: Buffer,
  raw: string,
  start: number,
  end: number,
  framing: MessageFraming,
) => void;

/**
 * Whether an unfinished message is a line, not octet-counted: it does not start with a count and
 * a space (nor with digits that may still become one).
 */
function isLine(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first < 0x31 || first > 0x39) return true;
  for (let at = 1; at < MAX_OCTET_DIGITS; at++) {
    if (at >= raw.length) return false;
    const c = raw.charCodeAt(at);
    if (c < 0x30 || c > 0x39) return c !== SPACE;
  }
  return raw.length > MAX_OCTET_DIGITS && raw.charCodeAt(MAX_OCTET_DIGITS) !== SPACE;
}

/** Cuts one TCP stream into messages, whatever its reads are cut into. */
export class Deframer {
  /** The stream's unfinished end, as bytes and as `raw`. */
  private pending: Buffer | undefined;
  private pendingRaw = '';

  constructor(
    private readonly onMessage: SpanHandler,
    private readonly maxMessageBytes = MAX_MESSAGE_BYTES,
  ) {
    if (!(maxMessageBytes >= 1 && maxMessageBytes <= MAX_MESSAGE_BYTES))
      throw new RangeError(`maxMessageBytes ${maxMessageBytes} out of range`);
  }

  /** The next bytes of the stream. */
  push(chunk: Buffer): void {
    let bytes = chunk;
    let raw = chunk.toString('latin1');
    // Where the chunk's own messages start. The chunk's string is never cut (a slice of it would
    // make every later search and character read go through the slice): positions stay its own.
    let from = 0;
    const pending = this.pending;
    if (pending) {
      const pendingRaw = this.pendingRaw;
      this.pending = undefined;
      this.pendingRaw = '';
      // The usual case, a line cut by the read: finish it from the chunk's first line feed and go
      // on in the chunk itself, instead of copying the whole chunk behind it.
      const lf = isLine(pendingRaw) ? raw.indexOf('\n') : -1;
      if (lf >= 0 && pending.length + lf <= this.maxMessageBytes) {
        const line = lf === 0 ? pending : Buffer.concat([pending, chunk.subarray(0, lf)]);
        this.onMessage(line, pendingRaw + raw.slice(0, lf), 0, line.length, 'lf');
        from = lf + 1;
      } else {
        bytes = Buffer.concat([pending, chunk]);
        raw = pendingRaw + raw;
      }
    }
    const rest = this.cut(bytes, raw, from, false);
    if (rest < bytes.length) {
      this.pending = bytes.subarray(rest);
      this.pendingRaw = raw.slice(rest);
    }
  }

  /** The sender closed: what is left of its stream is its last message. */
  end(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) this.cut(pending, this.pendingRaw, 0, true);
    this.pendingRaw = '';
  }

  /**
   * Hands on the complete messages of `bytes` from `from` on; returns where the unfinished rest
   * starts. `final`: the stream ends here, an unfinished last message is a message.
   */
  private cut(bytes: Buffer, raw: string, from: number, final: boolean): number {
    const stop = raw.length;
    const max = this.maxMessageBytes;
    let at = from;
    while (at < stop) {
      const first = raw.charCodeAt(at);
      if (first >= 0x31 && first <= 0x39) {
        // RFC 6587: `<length> <message>`, a length of up to nine digits
        let digits = at + 1;
        let length = first - 0x30;
        while (digits < stop && digits - at < MAX_OCTET_DIGITS) {
          const c = raw.charCodeAt(digits);
          if (c < 0x30 || c > 0x39) break;
          length = length * 10 + c - 0x30;
          digits++;
        }
        if (digits === stop && !final) return at; // too early to tell
        // a length beyond what is kept is not taken as one: the line is read as a line
        if (digits < stop && raw.charCodeAt(digits) === SPACE && length <= max) {
          const end = digits + 1 + length;
          if (end <= stop) {
            this.onMessage(bytes, raw, digits + 1, end, 'octet');
            at = end < stop && raw.charCodeAt(end) === LF ? end + 1 : end;
            continue;
          }
          if (!final) return at; // the rest of it is still on its way
        }
      }
      const lf = raw.indexOf('\n', at);
      let end: number;
      let next: number;
      if (lf >= 0) {
        end = lf;
        next = lf + 1;
      } else if (final) {
        end = next = stop;
      } else if (stop - at > max) {
        end = next = at + max; // a line that never ends is cut at the longest message
      } else return at; // kept until more comes
      if (end - at > max) end = next = at + max;
      if (end > at) this.onMessage(bytes, raw, at, end, 'lf');
      at = next;
    }
    return at;
  }
}

/** One UDP datagram: split on line feeds, each non-empty line a message. */
export function deframeDatagram(data: Buffer, onMessage: SpanHandler): void {
  const raw = data.toString('latin1');
  let at = 0;
  while (at < raw.length) {
    let lf = raw.indexOf('\n', at);
    if (lf < 0) lf = raw.length;
    if (lf > at) onMessage(data, raw, at, lf, 'datagram');
    at = lf + 1;
  }
}
