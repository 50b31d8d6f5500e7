// How syslog messages travel over TCP: one per line (the agent's way: a line feed ends each), or
// RFC 6587 octet counting (`<length> <message>`). The receiving side (assembly/scanner.ts) tells
// them apart per message, as rsyslog does: a message that starts with digits and a space is
// octet-counted.
//
// A received message is handed around as a byte string: one character per byte (latin1), a plain
// copy of the bytes, so that nothing is decoded that is never read and an octet count is a
// character count. Whoever reads it as text decodes it then (utf8Text).

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

const NOT_ASCII = /[\x80-\uffff]/;

/** A byte string (one character per byte) read as the UTF-8 text it carries. */
export function utf8Text(bytes: string): string {
  return NOT_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** Text as a byte string: its UTF-8 bytes, one character each. */
export function utf8Bytes(text: string): string {
  return NOT_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}
