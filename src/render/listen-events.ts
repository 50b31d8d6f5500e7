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

const NOT_PLAIN = /[^\x20-\x7e]/;
/** A value with a backslash holds an escape, which the text path reads. */
const NOT_PLAIN_VALUE = /[^\x20-\x5b\x5d-\x7e]/;
const SEPARATOR = '  ';
const NOT_ASCII = /[\u0080-\uffff]/;

/** Text as its UTF-8 bytes, one character each (what Buffer.from(…, 'latin1') writes back). */
function utf8Raw(text: string): string {
  return NOT_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** Gathers the lines of one read, for the listener to write at once. */
export class ListenEventPrinter {
  /** The lines so far, as bytes one character each. */
  private lines: string[] = [];

  constructor(readonly format: EventFormat) {}

  event(sender: string, framing: MessageFraming, line: SyslogLine): void {
    if (this.format === 'json') this.lines.push(utf8Raw(eventJson(sender, framing, line)));
    else if (!this.plainLine(line)) this.lines.push(utf8Raw(eventLine(line)));
  }

  /**
   * The text line cut from the received bytes, when its fields are printable ASCII as they stand
   * and hold no escape: there is nothing for neutralise or the unescaping to change. Its parts
   * go to the lines as they are (joined once, in take()).
   */
  private plainLine(line: SyslogLine): boolean {
    const timeEnd = line.isoTimeEnd();
    if (timeEnd < 0 || line.escaped) return false;
    const raw = line.raw;
    const userAt = line.valueStart('suser');
    const user = userAt < 0 ? '-' : raw.slice(userAt, line.valueEnd(userAt)) || '-';
    const appAt = line.valueStart('destinationServiceName');
    const app = appAt < 0 ? '-' : raw.slice(appAt, line.valueEnd(appAt)) || '-';
    const time = raw.slice(line.headerStart, timeEnd);
    const category = raw.slice(line.fieldStart(4), line.fieldEnd(4));
    const name = raw.slice(line.fieldStart(5), line.fieldEnd(5));
    if (
      NOT_PLAIN.test(time) ||
      NOT_PLAIN.test(category) ||
      NOT_PLAIN.test(name) ||
      NOT_PLAIN_VALUE.test(user) ||
      NOT_PLAIN_VALUE.test(app)
    )
      return false;
    this.lines.push(time, SEPARATOR, category, SEPARATOR, name, SEPARATOR, user, SEPARATOR, app, '\n');
    return true;
  }

  /** A malformed message: only JSON output prints it (the text summary shows the first). */
  malformed(sender: string, reason: string, message: () => string): void {
    if (this.format === 'json') this.lines.push(utf8Raw(malformedJson(sender, reason, message())));
  }

  /** What was gathered since the last call, as UTF-8 bytes; undefined when nothing was. */
  take(): Buffer | undefined {
    if (this.lines.length === 0) return undefined;
    const raw = this.lines.length === 1 ? this.lines[0]! : this.lines.join('');
    this.lines = [];
    return Buffer.from(raw, 'latin1');
  }

  /** Forgets what was gathered (a datagram's lines while the output is full: nothing holds them). */
  discard(): void {
    this.lines = [];
  }
}
