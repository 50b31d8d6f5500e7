// What `syslog listen` prints while events arrive: a line per event (time, category, name, user,
// app), or under --json an object per event and per malformed message. The listener
// (syslog/listener.ts) hands each event here as it reads it, and writes what this gathered once
// per read: a burst of events costs one write, not one per event.
//
// Every field is a sender's bytes: control characters (C0, DEL, C1) become `?` (terminal.ts's
// neutralise), JSON escapes them, so that no escape sequence reaches the operator's terminal.
// The agent sends tens of thousands of events a second, so a line whose fields are printable
// ASCII as they stand (nothing for neutralise to change, no escape to read) is copied from the
// received bytes straight into the output; any other line is made as text, through neutralise.
import net from 'node:net';
import type { SyslogLine } from '../syslog/cef.js';
import type { MessageFraming } from '../syslog/framing.js';
import { neutralise, terminalJson } from './terminal.js';

export type EventFormat = 'text' | 'json';

/** A host as written before `:port`: an IPv6 address in brackets (`[::1]`, for `[::1]:5596`). */
export function bracketHost(host: string): string {
  return net.isIPv6(host) ? `[${host}]` : host;
}

/** A host and port: `127.0.0.1:5596`, `[::1]:5596`. */
export function endpoint(host: string, port: number): string {
  return `${bracketHost(host)}:${port}`;
}

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

/** The extension values a line prints: the user and the app. */
const KEYS = ['suser', 'destinationServiceName'] as const;
const BLOCK_BYTES = 512 * 1024;
const DASH = 0x2d;
const SPACE = 0x20;
const BACKSLASH = 0x5c;

/**
 * Copies bytes [from, to) of `source` to `out` at `at` when each is printable ASCII (and, for an
 * extension value, not a backslash, which starts an escape): returns where the copy ends, or -1
 * for a field the text path must make. An empty field is `-`. Byte by byte: a field is a few
 * dozen bytes, fewer than a call to Buffer.copy costs.
 */
function copyPlain(
  source: Buffer,
  from: number,
  to: number,
  out: Buffer,
  at: number,
  value: boolean,
): number {
  if (from >= to) {
    out[at] = DASH;
    return at + 1;
  }
  for (let i = from; i < to; i++) {
    const c = source[i]!;
    if (c < 0x20 || c > 0x7e || (value && c === BACKSLASH)) return -1;
    out[at++] = c;
  }
  return at;
}

/** Two spaces, between the fields of a line. */
function separator(out: Buffer, at: number): number {
  out[at] = out[at + 1] = SPACE;
  return at + 2;
}

/** Gathers the lines of one read, as bytes, for the listener to write at once. */
export class ListenEventPrinter {
  /** Where lines are written; what was handed out is never written again. */
  private block = Buffer.allocUnsafe(BLOCK_BYTES);
  private start = 0;
  private at = 0;
  private full: Buffer[] = [];
  private readonly starts = [-1, -1];

  constructor(readonly format: EventFormat) {}

  /** Room for `bytes` more at `at`, in the current block or a fresh one. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.block.length) return;
    if (this.at > this.start) this.full.push(this.block.subarray(this.start, this.at));
    this.block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, bytes));
    this.start = this.at = 0;
  }

  private text(line: string): void {
    const bytes = Buffer.byteLength(line);
    this.room(bytes);
    this.at += this.block.write(line, this.at);
  }

  event(sender: string, framing: MessageFraming, line: SyslogLine): void {
    if (this.format === 'json') this.text(eventJson(sender, framing, line));
    else if (!this.plainLine(line)) this.text(eventLine(line));
  }

  /** The text line copied from the bytes, when its fields need nothing done (see copyPlain). */
  private plainLine(line: SyslogLine): boolean {
    const timeEnd = line.isoTimeEnd();
    if (timeEnd < 0 || line.escaped) return false;
    const bytes = line.bytes;
    this.room(bytes.length + 16); // the line is made of the message's bytes, and at most 11 more
    const out = this.block;
    line.valueStarts(KEYS, this.starts);
    const [user, app] = this.starts as [number, number];
    let at = copyPlain(bytes, line.headerStart, timeEnd, out, this.at, false);
    if (at >= 0) at = copyPlain(bytes, line.fieldStart(4), line.fieldEnd(4), out, separator(out, at), false);
    if (at >= 0) at = copyPlain(bytes, line.fieldStart(5), line.fieldEnd(5), out, separator(out, at), false);
    if (at >= 0)
      at = copyPlain(bytes, user, user < 0 ? user : line.valueEnd(user), out, separator(out, at), true);
    if (at >= 0)
      at = copyPlain(bytes, app, app < 0 ? app : line.valueEnd(app), out, separator(out, at), true);
    if (at < 0) return false;
    out[at] = 0x0a;
    this.at = at + 1;
    return true;
  }

  /** A malformed message: only JSON output prints it (the text summary shows the first). */
  malformed(sender: string, reason: string, message: () => string): void {
    if (this.format === 'json') this.text(malformedJson(sender, reason, message()));
  }

  /** What was gathered since the last call, as UTF-8 bytes; undefined when nothing was. */
  take(): Buffer | undefined {
    const last = this.at > this.start ? this.block.subarray(this.start, this.at) : undefined;
    this.start = this.at;
    // a fresh block while this one still has room for less than a read's lines: the lines of one
    // read then lie in one block, handed out without a copy
    if (this.block.length - this.at < BLOCK_BYTES / 2) {
      this.block = Buffer.allocUnsafe(BLOCK_BYTES);
      this.start = this.at = 0;
    }
    if (this.full.length === 0) return last;
    const all = Buffer.concat(last ? [...this.full, last] : this.full);
    this.full = [];
    return all;
  }

  /** Forgets what was gathered (a datagram's lines while the output is full: nothing holds them). */
  discard(): void {
    this.full = [];
    this.start = this.at;
  }
}
