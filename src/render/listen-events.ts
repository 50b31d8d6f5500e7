// What `syslog listen` prints while events arrive: a line per event (time, category, name, user,
// app), or under --json an object per event and per malformed message. The listener
// (syslog/listener.ts) hands each event here as it reads it, and writes what this gathered once
// per read: a burst of events costs one write, not one per event.
//
// Every field is a sender's bytes: control characters (C0, DEL, C1) become `?` (terminal.ts's
// neutralise), JSON escapes them, so that no escape sequence reaches the operator's terminal.
// The agent sends tens of thousands of events a second, so a line whose fields are printable
// ASCII as they stand (nothing for neutralise to change, no escape to read) is cut from the
// received bytes as they are; any other line is made as text, through neutralise.
import type { SyslogLine } from '../syslog/cef.js';
import type { MessageFraming } from '../syslog/framing.js';
import { neutralise, terminalJson } from './terminal.js';

export type EventFormat = 'text' | 'json';

/**
 * The text line of an event: its header time (or, without one, the time its extension carries in
 * start or rt, as the summary counts it), category, name, user and app; `-` for what it lacks.
 */
export function eventLine(line: SyslogLine): string {
  const time = line.timestamp ?? line.time() ?? '-';
  const user = line.value('suser') || '-';
  const app = line.value('destinationServiceName') || '-';
  return `${neutralise(`${time}  ${line.signatureId}  ${line.name}  ${user}  ${app}`)}\n`;
}

/** The JSON line of an event: who sent it, how it was framed, and every field. */
export function eventJson(sender: string, framing: MessageFraming, line: SyslogLine): string {
  return `${terminalJson({ sender, framing, ...line.toEvent() })}\n`;
}

/** The JSON line of a message that is not an event (its first 500 characters). */
export function malformedJson(sender: string, reason: string, message: string): string {
  return `${terminalJson({ malformed: true, sender, reason, message: message.slice(0, 500) })}\n`;
}

const SEPARATOR = 0x20; // two of them between fields
const LF = 0x0a;
const BACKSLASH = 0x5c;
const DASH = 0x2d;
/** The first output buffer's size: the lines of a 64 KB read are about 10 KB. */
const FIRST_BYTES = 1 << 14;

/**
 * Copies [from, to) of `bytes` into `out` at `at` when each byte is printable ASCII (and, in a
 * value, not a backslash, which may start an escape); the position after it, or -1 at the first
 * byte that is not.
 */
function copyPlain(bytes: Buffer, from: number, to: number, out: Buffer, at: number, value: boolean): number {
  for (let i = from; i < to; i++) {
    const c = bytes[i]!;
    if (c < 0x20 || c > 0x7e || (value && c === BACKSLASH)) return -1;
    out[at++] = c;
  }
  return at;
}

/** An extension value as copyPlain copies it, `-` when it is absent or empty. */
function copyValue(bytes: Buffer, from: number, to: number, out: Buffer, at: number): number {
  if (to > from) return copyPlain(bytes, from, to, out, at, true);
  out[at] = DASH;
  return at + 1;
}

/** The two spaces between fields; the position after them. */
function separate(out: Buffer, at: number): number {
  out[at] = SEPARATOR;
  out[at + 1] = SEPARATOR;
  return at + 2;
}

/**
 * Gathers the lines of one read, as UTF-8 bytes in one buffer, for the listener to write at once.
 * A taken buffer is the caller's (a write may still hold it): the next lines go to a new one.
 */
export class ListenEventPrinter {
  private out: Buffer | undefined;
  private length = 0;
  /** The size of the next buffer: what the last one held, so that it rarely grows. */
  private nextBytes = FIRST_BYTES;

  constructor(readonly format: EventFormat) {}

  event(sender: string, framing: MessageFraming, line: SyslogLine): void {
    if (this.format === 'json') this.text(eventJson(sender, framing, line));
    else if (!this.plainLine(line)) this.text(eventLine(line));
  }

  /** Room for `bytes` more. */
  private room(bytes: number): Buffer {
    const out = this.out;
    if (out && this.length + bytes <= out.length) return out;
    const bigger = Buffer.allocUnsafe(Math.max(this.nextBytes, 2 * this.length + bytes));
    if (out) out.copy(bigger, 0, 0, this.length);
    return (this.out = bigger);
  }

  private text(text: string): void {
    const out = this.room(Buffer.byteLength(text, 'utf8'));
    this.length += out.write(text, this.length, 'utf8');
  }

  /**
   * The text line copied from the received bytes, when its fields are printable ASCII as they
   * stand and hold no escape (no backslash in a value): there is nothing for neutralise or the
   * unescaping to change. False, with nothing written, for any other line.
   */
  private plainLine(line: SyslogLine): boolean {
    const timeEnd = line.isoTimeEnd();
    if (timeEnd < 0 || line.escaped) return false;
    const userAt = line.valueStart('suser');
    const userEnd = userAt < 0 ? userAt : line.valueEnd(userAt);
    const appAt = line.valueStart('destinationServiceName');
    const appEnd = appAt < 0 ? appAt : line.valueEnd(appAt);
    const timeAt = line.headerStart;
    const categoryAt = line.fieldStart(4);
    const categoryEnd = line.fieldEnd(4);
    const nameAt = line.fieldStart(5);
    const nameEnd = line.fieldEnd(5);
    const most =
      timeEnd - timeAt + categoryEnd - categoryAt + nameEnd - nameAt + userEnd - userAt + appEnd - appAt + 11;
    const out = this.room(most);
    const bytes = line.bytes;
    // each field's bytes, copied while checked: at the first that is not plain, nothing counts
    let at = copyPlain(bytes, timeAt, timeEnd, out, this.length, false);
    if (at >= 0) at = copyPlain(bytes, categoryAt, categoryEnd, out, separate(out, at), false);
    if (at >= 0) at = copyPlain(bytes, nameAt, nameEnd, out, separate(out, at), false);
    if (at >= 0) at = copyValue(bytes, userAt, userEnd, out, separate(out, at));
    if (at >= 0) at = copyValue(bytes, appAt, appEnd, out, separate(out, at));
    if (at < 0) return false;
    out[at++] = LF;
    this.length = at;
    return true;
  }

  /** A malformed message: only JSON output prints it (the text summary shows the first). */
  malformed(sender: string, reason: string, message: () => string): void {
    if (this.format === 'json') this.text(malformedJson(sender, reason, message()));
  }

  /** What was gathered since the last call, as UTF-8 bytes; undefined when nothing was. */
  take(): Buffer | undefined {
    if (this.length === 0) return undefined;
    const taken = this.out!.subarray(0, this.length);
    this.nextBytes = Math.max(FIRST_BYTES, this.length + (this.length >> 2));
    this.out = undefined;
    this.length = 0;
    return taken;
  }

  /** Forgets what was gathered (a datagram's lines while the output is full: nothing holds them). */
  discard(): void {
    this.length = 0;
  }
}
