// The agent's CEF lines: `<ISO time>Z [system name] CEF:0|MCAS|SIEM_Agent|<version>|<category>|<name>|<severity>|<extension>`,
// possibly behind a PRI and an RFC 3164 or RFC 5424 header when the portal's Generic CEF options add them.
// One parser, on the bytes as received (readSyslog): `syslog listen` reads tens of thousands of
// lines a second, so a line is cut into fields where it lies, and a field becomes text only when
// someone reads it (the printed line reads five; JSON output all of them).

export interface CefRecord {
  version: string;
  vendor: string;
  product: string;
  productVersion: string;
  /** EVENT_CATEGORY_* for activities, the alert type for alerts. */
  signatureId: string;
  name: string;
  severity: string;
  extension: Record<string, string>;
}

export interface SyslogEvent {
  pri?: number;
  /** The header's timestamp as written (the agent's ISO time, or an RFC 3164/5424 one). */
  timestamp?: string;
  /** The system name the agent or the syslog header put before CEF. */
  hostname?: string;
  cef: CefRecord;
}

export type ParseResult = { ok: true; event: SyslogEvent } | { ok: false; reason: string };

export function escapeHeaderField(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

export function escapeExtensionValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/=/g, '\\=').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

export function unescapeExtensionValue(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\([\\=nr])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

const KEY = /(?:^|\s)([A-Za-z0-9_.[\]-]+)=/g;

/**
 * `k1=v1 k2=v with spaces k3=a\=b`: a value runs to the space before the next unescaped `key=`.
 * Of a key written twice, the first counts, as in the event line (SyslogLine.value).
 */
export function parseExtension(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  let key: string | undefined;
  let valueStart = 0;
  KEY.lastIndex = 0;
  for (let match = KEY.exec(text); match; match = KEY.exec(text)) {
    // An escaped `\=` never matches: a backslash is not a key character.
    const equals = match.index + match[0].length - 1;
    const keyStart = equals - match[1]!.length;
    if (key !== undefined) keep(result, key, text.slice(valueStart, keyStart));
    key = match[1]!;
    valueStart = equals + 1;
  }
  if (key !== undefined) keep(result, key, text.slice(valueStart));
  return result;
}

/** One value, unless its key came before; `__proto__` as a key like any other. */
function keep(result: Record<string, string>, key: string, written: string): void {
  if (Object.hasOwn(result, key)) return;
  const value = unescapeExtensionValue(written.replace(/\s+$/, ''));
  if (key === '__proto__')
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  else result[key] = value;
}

const RFC3164_TIME = /^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) (\S+) /;
const RFC5424 = /^1 (\S+) (\S+) \S+ \S+ \S+ (?:-|\[.*?\]) ?/;

const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BACKSLASH = 0x5c;
const NOT_ASCII = /[\x80-\xff]/;

/** `2017-11-22T17:50:04.000Z`: the agent's header time, which sorts as text. */
export function isIsoTime(value: string | undefined): boolean {
  return value !== undefined && value.length >= 20 && value[4] === '-' && value[10] === 'T';
}

function unescapeHeaderField(value: string): string {
  return value.replace(/\\([\\|])/g, '$1');
}

/**
 * `raw.indexOf(needle, from)`, remembering the last answer per needle. A message is a part of
 * what was read, and a string search does not stop at its end: a needle the message lacks would
 * be searched for through the rest of the read, once per message. The last answer says where the
 * needle is not, [from, at), for the same read (`bytes`, by identity): a later search from inside
 * that span has its answer without searching.
 */
class Forward {
  private bytes: Buffer | undefined;
  private from = 0;
  private at = -1;

  constructor(readonly needle: string) {}

  find(bytes: Buffer, raw: string, from: number): number {
    if (bytes === this.bytes && from >= this.from && (this.at < 0 || from <= this.at)) return this.at;
    this.bytes = bytes;
    this.from = from;
    return (this.at = raw.indexOf(this.needle, from));
  }
}

const SPACES = new Forward(' ');
const EQUALS = new Forward('=');
const BARS = new Forward('|');
const BACKSLASHES = new Forward('\\');
const CEF_MARKS = new Forward('CEF:');

const RT_KEYS = new Forward('rt=');
/** rt in milliseconds since 1970, as the agent writes it: 1 to 15 digits. */
const MAX_TIME_DIGITS = 15;

/**
 * The `rt=` of the message at [from, to) of `bytes` (ms since 1970), or its `start=` when it has
 * none, or undefined: the first key of that name after a space or a bar, 1 to 15 digits ending at
 * the message's end, a space or a CR. Found with the string searches of the read (see Forward)
 * instead of a buffer search per message; every `start=` holds an `rt=`: one search finds both.
 * The listener's clock reads it from the bar before the extension (a header is not searched).
 */
export function messageTime(bytes: Buffer, raw: string, from: number, to: number): number | undefined {
  let rtRead = false;
  let start = -1;
  const last = to - 3;
  for (
    let at = RT_KEYS.find(bytes, raw, from + 1);
    at >= 0 && at <= last;
    at = RT_KEYS.find(bytes, raw, at + 1)
  ) {
    if (!rtRead && isKeyAt(raw, from, at)) {
      const ms = timeAt(raw, at + 3, to);
      if (ms !== undefined) return ms;
      rtRead = true; // the rt= that counts holds no time: start= then
    } else if (start < 0 && at - 3 > from && raw.startsWith('sta', at - 3) && isKeyAt(raw, from, at - 3)) {
      start = at - 3;
      if (rtRead) break;
    }
  }
  return start < 0 ? undefined : timeAt(raw, start + 6, to);
}

/** Whether a key starts at `at`, after a space or a bar (the first key), within the message. */
function isKeyAt(raw: string, from: number, at: number): boolean {
  if (at <= from) return false;
  const before = raw.charCodeAt(at - 1);
  return before === SPACE || before === 0x7c;
}

/** The time in ms written at `at` (1 to 15 digits, then the end, a space or a CR), if any. */
function timeAt(raw: string, at: number, to: number): number | undefined {
  let ms = 0;
  let i = at;
  for (; i < to && i - at < MAX_TIME_DIGITS; i++) {
    const digit = raw.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) break;
    ms = ms * 10 + digit;
  }
  const ends = i === to || raw.charCodeAt(i) === SPACE || raw.charCodeAt(i) === CR;
  // a date the Date type holds, from 1970 on
  return i > at && ends && ms > 0 && ms <= 8.64e15 ? ms : undefined;
}

/** ` key=`, as searched for in an extension, once per key. */
const KEYS = new Map<string, Forward>();
function keyOf(key: string): Forward {
  let finder = KEYS.get(key);
  if (!finder) KEYS.set(key, (finder = new Forward(` ${key}=`)));
  return finder;
}

/**
 * One received message cut into its parts where they lie: the PRI, the header before `CEF:`
 * (time, system name), the seven header fields, the extension. It is searched as `raw`, its bytes
 * one character each (latin1), so that every search is one of the engine's string searches and a
 * position in `raw` is a position in `bytes`; a part becomes text (UTF-8) only when it is read.
 * Bytes that are not UTF-8 read as U+FFFD; `\|` and `\\` in a header field, and the extension's
 * escapes in a value, read as what they stand for.
 */
export class SyslogLine {
  #headerRead = false;
  #timestamp: string | undefined;
  #hostname: string | undefined;
  #isoTimeEnd: number | undefined;

  constructor(
    /** What the message was read from (see `message` for its own bytes). */
    readonly bytes: Buffer,
    /** The same bytes, one character each. */
    readonly raw: string,
    /** Where the message lies in them. */
    private readonly from: number,
    readonly pri: number | undefined,
    /** Where the header before `CEF:` starts (after the PRI), where `CEF:` is, where the line ends. */
    private readonly start: number,
    private readonly cefAt: number,
    private readonly end: number,
    /** The seven bars that end the header fields. */
    private readonly bars: readonly number[],
    /** Whether a header field holds `\|` or `\\`. */
    private readonly escapedHeader: boolean,
  ) {}

  /** The message as received. */
  get message(): Buffer {
    return this.bytes.subarray(this.from, this.end);
  }

  /** [from, to) as text: the characters of `raw` where they are ASCII, else decoded as UTF-8. */
  private text(from: number, to: number): string {
    const raw = this.raw.slice(from, to);
    return NOT_ASCII.test(raw) ? this.bytes.toString('utf8', from, to) : raw;
  }

  /** Header field `index`: 0 the CEF version, 1 vendor, 2 product, 3 version, 4 category, 5 name, 6 severity. */
  field(index: number): string {
    const text = this.text(this.fieldStart(index), this.bars[index]!);
    return this.escapedHeader ? unescapeHeaderField(text) : text;
  }

  /**
   * Header field `index` as bytes (one character each), its escapes read: for counting by it
   * without decoding it each time.
   */
  rawField(index: number): string {
    const raw = this.raw.slice(this.fieldStart(index), this.bars[index]);
    return this.escapedHeader ? unescapeHeaderField(raw) : raw;
  }

  /** EVENT_CATEGORY_* for activities, the alert type for alerts. */
  get signatureId(): string {
    return this.field(4);
  }

  get name(): string {
    return this.field(5);
  }

  /** The extension as written (escapes kept). */
  get rawExtension(): string {
    return this.text(this.bars[6]! + 1, this.end);
  }

  /** The header's timestamp as written (the agent's ISO time, or an RFC 3164/5424 one). */
  get timestamp(): string | undefined {
    if (!this.#headerRead) this.readHeader();
    return this.#timestamp;
  }

  /** The system name the agent or the syslog header put before CEF. */
  get hostname(): string | undefined {
    if (!this.#headerRead) this.readHeader();
    return this.#hostname;
  }

  private readHeader(): void {
    this.#headerRead = true;
    const { raw, start, cefAt } = this;
    if (cefAt === start) return;
    if (cefAt - start >= 20 && raw[start + 4] === '-' && raw[start + 10] === 'T') {
      // the agent's own: `<ISO time> [system name] `
      let space = SPACES.find(this.bytes, raw, start);
      if (space < 0 || space > cefAt) space = cefAt;
      this.#timestamp = this.text(start, space);
      const system = space < cefAt ? this.text(space + 1, cefAt).trim() : '';
      if (system) this.#hostname = system;
      return;
    }
    const prefix = this.text(start, cefAt);
    const rfc3164 = RFC3164_TIME.exec(prefix);
    const rfc5424 = rfc3164 ? null : RFC5424.exec(prefix);
    if (rfc3164) {
      this.#timestamp = rfc3164[1]!;
      this.#hostname = rfc3164[2]!;
    } else if (rfc5424) {
      this.#timestamp = rfc5424[1]!;
      this.#hostname = rfc5424[2]!;
    } else if (prefix.trim()) {
      const [time, ...rest] = prefix.trim().split(/\s+/);
      this.#timestamp = time!;
      if (rest.length > 0) this.#hostname = rest.join(' ');
    }
  }

  /**
   * Where one extension value starts, without parsing the rest: `suser` of `… suser=a@b.c
   * destinationServiceName=…` (of a key written twice, the first), at the start of the extension
   * or after a space; -1 when the key is absent. valueEnd() says where it ends.
   */
  valueStart(key: string): number {
    const { raw, end } = this;
    const finder = keyOf(key);
    const extension = this.bars[6]! + 1;
    if (raw.startsWith(key, extension) && raw.charCodeAt(extension + key.length) === 0x3d)
      return extension + key.length + 1 <= end ? extension + key.length + 1 : -1;
    const at = finder.find(this.bytes, raw, extension);
    return at < 0 || at + finder.needle.length > end ? -1 : at + finder.needle.length;
  }

  /**
   * Where the value starting at `start` ends: at the last space before the next unescaped `=`,
   * without trailing spaces and tabs. Its escapes are still in [start, end).
   */
  valueEnd(start: number): number {
    const { raw, end } = this;
    let stop = end;
    let space = start - 1; // the last space seen
    for (
      let eq = EQUALS.find(this.bytes, raw, start);
      eq >= 0 && eq < end;
      eq = EQUALS.find(this.bytes, raw, eq + 1)
    ) {
      if (raw.charCodeAt(eq - 1) === BACKSLASH) continue;
      for (let at = eq - 1; at > space; at--)
        if (raw.charCodeAt(at) === SPACE) {
          space = at;
          break;
        }
      if (space >= start) {
        stop = space;
        break;
      }
    }
    while (stop > start && (raw.charCodeAt(stop - 1) === SPACE || raw.charCodeAt(stop - 1) === TAB)) stop--;
    return stop;
  }

  /** One extension value as text, its escapes read (see valueStart). */
  value(key: string): string | undefined {
    const start = this.valueStart(key);
    if (start < 0) return undefined;
    return unescapeExtensionValue(this.text(start, this.valueEnd(start)));
  }

  /** Where header field `index` starts in `bytes` (escapes still in: see `escaped`). */
  fieldStart(index: number): number {
    return index === 0 ? this.cefAt + 4 : this.bars[index - 1]! + 1;
  }

  /** Where header field `index` ends in `bytes`. */
  fieldEnd(index: number): number {
    return this.bars[index]!;
  }

  /** Whether a header field holds `\|` or `\\`, which read as `|` and `\`. */
  get escaped(): boolean {
    return this.escapedHeader;
  }

  /** Where the header before `CEF:` starts in `bytes` (after the PRI). */
  get headerStart(): number {
    return this.start;
  }

  /**
   * Where the agent's ISO header time ends in `bytes` (it starts at headerStart), when the line
   * has one, in ASCII (so that it reads as the same characters: see time()); -1 otherwise (no
   * time, or an RFC 3164/5424 one).
   */
  isoTimeEnd(): number {
    return (this.#isoTimeEnd ??= this.findIsoTime());
  }

  private findIsoTime(): number {
    const { raw, start, cefAt } = this;
    if (cefAt - start < 20 || raw.charCodeAt(start + 4) !== 0x2d || raw.charCodeAt(start + 10) !== 0x54)
      return -1;
    let space = SPACES.find(this.bytes, raw, start);
    if (space < 0 || space > cefAt) space = cefAt;
    if (space - start < 20) return -1;
    const { bytes } = this; // a byte reads faster than a character of the read's string
    for (let at = start; at < space; at++) if (bytes[at]! >= 0x80) return -1;
    return space;
  }

  /**
   * When it happened, as an ISO string: the agent's header time when it has one (no date parsing),
   * else the extension's start or rt (epoch ms).
   */
  time(): string | undefined {
    const timestamp = this.timestamp;
    if (isIsoTime(timestamp)) return timestamp;
    return epochTime(this.value('start') ?? this.value('rt'));
  }

  /** The whole event, every field read (JSON output, onEvent). */
  toEvent(): SyslogEvent {
    const event: SyslogEvent = { cef: new LineCefRecord(this) };
    if (this.pri !== undefined) event.pri = this.pri;
    if (this.timestamp !== undefined) event.timestamp = this.timestamp;
    if (this.hostname !== undefined) event.hostname = this.hostname;
    return event;
  }
}

function epochTime(value: string | undefined): string | undefined {
  const ms = Number(value);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;
}

/** A CEF record read from a line; its extension is parsed only when someone reads it. */
class LineCefRecord implements CefRecord {
  readonly version: string;
  readonly vendor: string;
  readonly product: string;
  readonly productVersion: string;
  readonly signatureId: string;
  readonly name: string;
  readonly severity: string;
  readonly #line: SyslogLine;
  #parsed: Record<string, string> | undefined;

  constructor(line: SyslogLine) {
    this.#line = line;
    this.version = line.field(0);
    this.vendor = line.field(1);
    this.product = line.field(2);
    this.productVersion = line.field(3);
    this.signatureId = line.field(4);
    this.name = line.field(5);
    this.severity = line.field(6);
  }

  get extension(): Record<string, string> {
    return (this.#parsed ??= parseExtension(this.#line.rawExtension));
  }

  get line(): SyslogLine {
    return this.#line;
  }

  toJSON(): CefRecord {
    const { version, vendor, product, productVersion, signatureId, name, severity, extension } = this;
    return { version, vendor, product, productVersion, signatureId, name, severity, extension };
  }
}

export type ReadResult = { ok: true; line: SyslogLine } | { ok: false; reason: string };

/**
 * The seven bars that end the header fields from `from` on, `\|` and `\\` escaped, into `bars`;
 * whether an escape was there.
 */
function headerBars(bytes: Buffer, raw: string, from: number, end: number, bars: number[]): boolean {
  const backslash = BACKSLASHES.find(bytes, raw, from);
  let at = from;
  for (; bars.length < 7; at++) {
    const bar = BARS.find(bytes, raw, at);
    if (bar < 0 || bar >= end) return false;
    if (backslash >= 0 && bar > backslash) break; // escapes possible from here: byte by byte
    bars.push((at = bar));
  }
  if (bars.length === 7) return false;
  let escaped = false;
  for (; at < end && bars.length < 7; at++) {
    const c = raw.charCodeAt(at);
    if (c === 0x7c) bars.push(at);
    else if (c === BACKSLASH && at + 1 < end && (raw[at + 1] === '|' || raw[at + 1] === '\\')) {
      escaped = true;
      at++;
    }
  }
  return escaped;
}

/**
 * Reads one message as received (bytes, without its framing): a PRI (one to three digits, at most
 * 191), then `CEF:` anywhere after a header, eight `|`-separated fields (`\|` and `\\` escaped), a
 * numeric CEF version. One carriage return at the end is dropped. The message is [from, to) of
 * `bytes` (all of it unless told), `raw` the same bytes one character each (see SyslogLine).
 */
export function readSyslog(
  bytes: Buffer,
  raw = bytes.toString('latin1'),
  from = 0,
  to = raw.length,
): ReadResult {
  let end = to;
  if (end > from && raw.charCodeAt(end - 1) === CR) end--;
  let start = from;
  let pri: number | undefined;
  if (raw.charCodeAt(from) === 0x3c && from < end) {
    let value = 0;
    let at = from + 1;
    for (; at < end && at < from + 4; at++) {
      const c = raw.charCodeAt(at);
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + c - 0x30;
    }
    if (at === from + 1 || at >= end || raw[at] !== '>' || value > 191)
      return { ok: false, reason: 'bad PRI' };
    pri = value;
    start = at + 1;
  }
  const cefAt = CEF_MARKS.find(bytes, raw, start);
  if (cefAt < 0 || cefAt + 4 > end) return { ok: false, reason: 'no CEF: in the line' };
  const bars: number[] = [];
  const escaped = headerBars(bytes, raw, cefAt + 4, end, bars);
  if (bars.length < 7) return { ok: false, reason: 'CEF header has fewer than 8 fields' };
  const line = new SyslogLine(bytes, raw, from, pri, start, cefAt, end, bars, escaped);
  let digits = bars[0]! > cefAt + 4;
  for (let at = cefAt + 4; digits && at < bars[0]!; at++) {
    const c = raw.charCodeAt(at);
    digits = c >= 0x30 && c <= 0x39;
  }
  if (!digits) return { ok: false, reason: `CEF version "${line.field(0).slice(0, 10)}" is not a number` };
  return { ok: true, line };
}

/** The same, from text (UTF-8): the whole event. */
export function parseSyslogLine(input: string): ParseResult {
  const read = readSyslog(Buffer.from(input, 'utf8'));
  return read.ok ? { ok: true, event: read.line.toEvent() } : read;
}

export interface AgentEvent {
  time: Date;
  productVersion: string;
  category: string;
  name: string;
  severity: number;
  /** In the agent's key order; values are escaped here. */
  extension: [string, string][];
  systemName?: string;
}

/** The CEF part of an event: `CEF:0|MCAS|SIEM_Agent|…|extension`. */
export function formatCef(event: AgentEvent): string {
  const header = [event.productVersion, event.category, event.name, String(event.severity)].map(
    escapeHeaderField,
  );
  const extension = event.extension.map(([k, v]) => `${k}=${escapeExtensionValue(v)}`).join(' ');
  return `CEF:0|MCAS|SIEM_Agent|${header.join('|')}|${extension}`;
}

/** One line exactly as the agent writes it (no PRI, no trailing line feed). */
export function formatAgentLine(event: AgentEvent): string {
  const system = event.systemName ? ` ${event.systemName}` : '';
  return `${event.time.toISOString()}${system} ${formatCef(event)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The same event behind an RFC 3164 header (`Nov 22 10:00:00 host CEF:0|…`), in local time as RFC 3164 has it. */
export function formatRfc3164Line(event: AgentEvent, hostname: string): string {
  const t = event.time;
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${MONTHS[t.getMonth()]} ${String(t.getDate()).padStart(2, ' ')} ${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
  return `${stamp} ${hostname} ${formatCef(event)}`;
}
