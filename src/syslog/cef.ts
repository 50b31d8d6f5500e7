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

/** `k1=v1 k2=v with spaces k3=a\=b`: a value runs to the space before the next unescaped `key=`. */
export function parseExtension(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  let key: string | undefined;
  let valueStart = 0;
  KEY.lastIndex = 0;
  for (let match = KEY.exec(text); match; match = KEY.exec(text)) {
    // An escaped `\=` never matches: a backslash is not a key character.
    const equals = match.index + match[0].length - 1;
    const keyStart = equals - match[1]!.length;
    if (key !== undefined)
      result[key] = unescapeExtensionValue(text.slice(valueStart, keyStart).replace(/\s+$/, ''));
    key = match[1]!;
    valueStart = equals + 1;
  }
  if (key !== undefined) result[key] = unescapeExtensionValue(text.slice(valueStart).replace(/\s+$/, ''));
  return result;
}

const RFC3164_TIME = /^([A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) (\S+) /;
const RFC5424 = /^1 (\S+) (\S+) \S+ \S+ \S+ (?:-|\[.*?\]) ?/;

const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BAR = 0x7c;
const BACKSLASH = 0x5c;
const EQUALS = 0x3d;

/** `2017-11-22T17:50:04.000Z`: the agent's header time, which sorts as text. */
export function isIsoTime(value: string | undefined): boolean {
  return value !== undefined && value.length >= 20 && value[4] === '-' && value[10] === 'T';
}

function unescapeHeaderField(value: string): string {
  return value.replace(/\\([\\|])/g, '$1');
}

/** ` key=`, as searched for in an extension, once per key. */
const NEEDLES = new Map<string, Buffer>();
function needleOf(key: string): Buffer {
  let needle = NEEDLES.get(key);
  if (!needle) NEEDLES.set(key, (needle = Buffer.from(` ${key}=`, 'utf8')));
  return needle;
}

/**
 * One received message cut into its parts where they lie in its bytes: the PRI, the header before
 * `CEF:` (time, system name), the seven header fields, the extension. A part becomes text only
 * when it is read. Bytes that are not UTF-8 read as U+FFFD; `\|` and `\\` in a header field, and
 * the extension's escapes in a value, read as what they stand for.
 */
export class SyslogLine {
  #headerRead = false;
  #timestamp: string | undefined;
  #hostname: string | undefined;
  #signatureId: string | undefined;

  constructor(
    /** The message as received. */
    readonly bytes: Buffer,
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

  /** Header field `index`: 0 the CEF version, 1 vendor, 2 product, 3 version, 4 category, 5 name, 6 severity. */
  field(index: number): string {
    const text = this.bytes.toString('utf8', this.fieldStart(index), this.bars[index]);
    return this.escapedHeader ? unescapeHeaderField(text) : text;
  }

  /** EVENT_CATEGORY_* for activities, the alert type for alerts. */
  get signatureId(): string {
    return (this.#signatureId ??= this.field(4));
  }

  get name(): string {
    return this.field(5);
  }

  /** The extension as written (escapes kept). */
  get rawExtension(): string {
    return this.bytes.toString('utf8', this.bars[6]! + 1, this.end);
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
    const { bytes, start, cefAt } = this;
    if (cefAt === start) return;
    if (cefAt - start >= 20 && bytes[start + 4] === 0x2d && bytes[start + 10] === 0x54) {
      // the agent's own: `<ISO time> [system name] `
      let space = bytes.indexOf(SPACE, start);
      if (space < 0 || space > cefAt) space = cefAt;
      this.#timestamp = bytes.toString('utf8', start, space);
      const system = space < cefAt ? bytes.toString('utf8', space + 1, cefAt).trim() : '';
      if (system) this.#hostname = system;
      return;
    }
    const prefix = bytes.toString('utf8', start, cefAt);
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
    const starts = [-1];
    this.valueStarts([key], starts);
    return starts[0]!;
  }

  /**
   * valueStart() of several keys at once, into `starts`: one pass over the extension, byte by
   * byte (a key is looked at only after a space; a call to Buffer.indexOf per key costs more).
   */
  valueStarts(keys: readonly string[], starts: number[]): void {
    const { bytes, end } = this;
    const needles = keys.map(needleOf);
    let left = keys.length;
    starts.fill(-1, 0, left);
    const extension = this.bars[6]! + 1;
    for (let at = extension - 1; at < end && left > 0; at++) {
      if (at >= extension && bytes[at] !== SPACE) continue;
      for (let k = 0; k < needles.length; k++) {
        const needle = needles[k]!;
        if (starts[k]! >= 0 || at + needle.length > end) continue;
        let i = 1;
        while (i < needle.length && bytes[at + i] === needle[i]) i++;
        if (i === needle.length) {
          starts[k] = at + needle.length;
          left--;
        }
      }
    }
  }

  /**
   * Where the value starting at `start` ends: at the last space before the next unescaped `=`,
   * without trailing spaces and tabs. Its escapes are still in [start, end). Byte by byte: the
   * end is a few dozen bytes away, closer than a call to Buffer.indexOf costs.
   */
  valueEnd(start: number): number {
    const { bytes, end } = this;
    let stop = end;
    let space = -1;
    for (let at = start; at < end; at++) {
      const c = bytes[at];
      if (c === SPACE) space = at;
      else if (c === EQUALS && space >= 0 && bytes[at - 1] !== BACKSLASH) {
        stop = space;
        break;
      }
    }
    while (stop > start && (bytes[stop - 1] === SPACE || bytes[stop - 1] === TAB)) stop--;
    return stop;
  }

  /** One extension value as text, its escapes read (see valueStart). */
  value(key: string): string | undefined {
    const start = this.valueStart(key);
    if (start < 0) return undefined;
    return unescapeExtensionValue(this.bytes.toString('utf8', start, this.valueEnd(start)));
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
   * has one; -1 otherwise (no time, or an RFC 3164/5424 one).
   */
  isoTimeEnd(): number {
    const { bytes, start, cefAt } = this;
    if (cefAt - start < 20 || bytes[start + 4] !== 0x2d || bytes[start + 10] !== 0x54) return -1;
    let space = start;
    // ASCII throughout, so that it reads as the same characters (see time())
    while (space < cefAt && bytes[space] !== SPACE) if (bytes[space++]! >= 0x80) return -1;
    return space - start >= 20 ? space : -1;
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
    this.signatureId = line.signatureId;
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
 * Reads one message as received (bytes, without its framing): a PRI (one to three digits, at most
 * 191), then `CEF:` anywhere after a header, eight `|`-separated fields (`\|` and `\\` escaped), a
 * numeric CEF version. One carriage return at the end is dropped.
 */
export function readSyslog(bytes: Buffer): ReadResult {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === CR) end--;
  let start = 0;
  let pri: number | undefined;
  if (bytes[0] === 0x3c) {
    let value = 0;
    let at = 1;
    for (; at < end && at < 4; at++) {
      const c = bytes[at]!;
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + c - 0x30;
    }
    if (at === 1 || at >= end || bytes[at] !== 0x3e || value > 191) return { ok: false, reason: 'bad PRI' };
    pri = value;
    start = at + 1;
  }
  let cefAt = start;
  // byte by byte: the agent's `CEF:` is some thirty bytes in, closer than a Buffer.indexOf costs
  while (
    cefAt + 4 <= end &&
    !(
      bytes[cefAt] === 0x43 &&
      bytes[cefAt + 1] === 0x45 &&
      bytes[cefAt + 2] === 0x46 &&
      bytes[cefAt + 3] === 0x3a
    )
  )
    cefAt++;
  if (cefAt + 4 > end) return { ok: false, reason: 'no CEF: in the line' };
  const bars: number[] = [];
  let escaped = false;
  for (let at = cefAt + 4; at < end && bars.length < 7; at++) {
    const c = bytes[at];
    if (c === BAR) bars.push(at);
    else if (c === BACKSLASH && at + 1 < end && (bytes[at + 1] === BAR || bytes[at + 1] === BACKSLASH)) {
      escaped = true;
      at++;
    }
  }
  if (bars.length < 7) return { ok: false, reason: 'CEF header has fewer than 8 fields' };
  const line = new SyslogLine(bytes, pri, start, cefAt, end, bars, escaped);
  let digits = bars[0]! > cefAt + 4;
  for (let at = cefAt + 4; digits && at < bars[0]!; at++) digits = bytes[at]! >= 0x30 && bytes[at]! <= 0x39;
  if (!digits) return { ok: false, reason: `CEF version "${line.field(0).slice(0, 10)}" is not a number` };
  return { ok: true, line };
}

/** The same, from text (UTF-8): the whole event. */
export function parseSyslogLine(input: string): ParseResult {
  const read = readSyslog(Buffer.from(input, 'utf8'));
  return read.ok ? { ok: true, event: read.line.toEvent() } : read;
}

/** One extension value without parsing the rest (see SyslogLine.value). */
export function cefValue(cef: CefRecord, key: string): string | undefined {
  return cef instanceof LineCefRecord ? cef.line.value(key) : cef.extension[key];
}

/** Alerts carry an alert type and severity 3; activities EVENT_CATEGORY_* and severity 0. */
export function isActivity(cef: CefRecord): boolean {
  return cef.signatureId.startsWith('EVENT_CATEGORY_');
}

/** When it happened, as an ISO string (see SyslogLine.time). */
export function eventTime(event: SyslogEvent): string | undefined {
  if (isIsoTime(event.timestamp)) return event.timestamp!;
  return epochTime(cefValue(event.cef, 'start') ?? cefValue(event.cef, 'rt'));
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
