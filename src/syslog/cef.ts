// The agent's CEF lines: `<ISO time>Z [system name] CEF:0|MCAS|SIEM_Agent|<version>|<category>|<name>|<severity>|<extension>`,
// possibly behind a PRI and an RFC 3164 or RFC 5424 header when the portal's Generic CEF options add them.
// Written for speed as well as correctness: `syslog listen` parses every line it receives.

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

/** The eight `|`-separated CEF fields; the last is the extension. `\|` and `\\` are escapes. */
function splitHeader(text: string): string[] | undefined {
  const fields: string[] = [];
  let start = 0;
  if (!text.includes('\\')) {
    for (let i = 0; i < 7; i++) {
      const bar = text.indexOf('|', start);
      if (bar < 0) return undefined;
      fields.push(text.slice(start, bar));
      start = bar + 1;
    }
    fields.push(text.slice(start));
    return fields;
  }
  let current = '';
  let i = 0;
  for (; i < text.length && fields.length < 7; i++) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '|' || text[i + 1] === '\\')) {
      current += text[++i];
    } else if (c === '|') {
      fields.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (fields.length < 7) return undefined;
  fields.push(text.slice(i));
  return fields;
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
/**
 * A CEF record whose extension is parsed only when someone reads it: `syslog listen` prints two
 * values per event and never needs the rest (see cefValue). JSON output reads it in full.
 */
class LazyCefRecord implements CefRecord {
  readonly #raw: string;
  #parsed: Record<string, string> | undefined;

  constructor(
    readonly version: string,
    readonly vendor: string,
    readonly product: string,
    readonly productVersion: string,
    readonly signatureId: string,
    readonly name: string,
    readonly severity: string,
    raw: string,
  ) {
    this.#raw = raw;
  }

  get extension(): Record<string, string> {
    return (this.#parsed ??= parseExtension(this.#raw));
  }

  get rawExtension(): string {
    return this.#raw;
  }

  toJSON(): CefRecord {
    const { version, vendor, product, productVersion, signatureId, name, severity, extension } = this;
    return { version, vendor, product, productVersion, signatureId, name, severity, extension };
  }
}

function cefRecord(fields: string[]): CefRecord {
  const [version, vendor, product, productVersion, signatureId, name, severity, raw] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return new LazyCefRecord(version, vendor, product, productVersion, signatureId, name, severity, raw);
}

/** One extension value without parsing the rest: `suser` of `… suser=a@b.c destinationServiceName=…`. */
export function cefValue(cef: CefRecord, key: string): string | undefined {
  if (!(cef instanceof LazyCefRecord)) return cef.extension[key];
  const text = cef.rawExtension;
  let start: number;
  if (text.startsWith(`${key}=`)) start = key.length + 1;
  else {
    const at = text.indexOf(` ${key}=`);
    if (at < 0) return undefined;
    start = at + key.length + 2;
  }
  // The value ends at the space before the next unescaped `=`'s key.
  let end = text.length;
  for (let eq = text.indexOf('=', start); eq >= 0; eq = text.indexOf('=', eq + 1)) {
    if (text[eq - 1] === '\\') continue;
    const space = text.lastIndexOf(' ', eq);
    if (space >= start) {
      end = space;
      break;
    }
  }
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  const value = text.slice(start, end);
  return value.includes('\\') ? unescapeExtensionValue(value) : value;
}

function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `2017-11-22T17:50:04.000Z`: the agent's header time, which sorts as text. */
export function isIsoTime(value: string | undefined): boolean {
  return value !== undefined && value.length >= 20 && value[4] === '-' && value[10] === 'T';
}

export function parseSyslogLine(input: string): ParseResult {
  let line = input.endsWith('\r') ? input.slice(0, -1) : input;
  let pri: number | undefined;
  if (line.startsWith('<')) {
    const close = line.indexOf('>');
    const value = close > 1 && close <= 4 ? Number(line.slice(1, close)) : NaN;
    if (!Number.isInteger(value) || value > 191) return { ok: false, reason: 'bad PRI' };
    pri = value;
    line = line.slice(close + 1);
  }
  const at = line.indexOf('CEF:');
  if (at < 0) return { ok: false, reason: 'no CEF: in the line' };
  const fields = splitHeader(line.slice(at + 4));
  if (!fields) return { ok: false, reason: 'CEF header has fewer than 8 fields' };
  if (!isDigits(fields[0]!))
    return { ok: false, reason: `CEF version "${fields[0]!.slice(0, 10)}" is not a number` };

  const event: SyslogEvent = { cef: cefRecord(fields) };
  if (pri !== undefined) event.pri = pri;
  if (at === 0) return { ok: true, event };
  const prefix = line.slice(0, at);
  if (isIsoTime(prefix)) {
    // the agent's own: `<ISO time> [system name] `
    const space = prefix.indexOf(' ');
    event.timestamp = space < 0 ? prefix : prefix.slice(0, space);
    const system = space < 0 ? '' : prefix.slice(space + 1).trim();
    if (system) event.hostname = system;
    return { ok: true, event };
  }
  const rfc3164 = RFC3164_TIME.exec(prefix);
  const rfc5424 = rfc3164 ? null : RFC5424.exec(prefix);
  if (rfc3164) {
    event.timestamp = rfc3164[1]!;
    event.hostname = rfc3164[2]!;
  } else if (rfc5424) {
    event.timestamp = rfc5424[1]!;
    event.hostname = rfc5424[2]!;
  } else if (prefix.trim()) {
    const [time, ...rest] = prefix.trim().split(/\s+/);
    event.timestamp = time!;
    if (rest.length > 0) event.hostname = rest.join(' ');
  }
  return { ok: true, event };
}

/**
 * When it happened, as an ISO string: the agent's header time when it has one (no date parsing:
 * `syslog listen` calls this for every event), else the extension's start/rt (epoch ms).
 */
export function eventTime(event: SyslogEvent): string | undefined {
  if (isIsoTime(event.timestamp)) return event.timestamp!;
  const ms = Number(cefValue(event.cef, 'start') ?? cefValue(event.cef, 'rt'));
  if (Number.isFinite(ms) && ms > 0) return new Date(ms).toISOString();
  return undefined;
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
