// The fast path of `syslog listen`: reads the few fields it prints and counts, without parsing
// the extension. Works on the decoded line with string searches, which V8 runs inline (a Buffer
// search per field costs a trip into native code and was slower). Anything unusual (escapes in
// the header, no agent timestamp) returns undefined, and the caller takes the full parser, which
// also judges malformed lines.
import { unescapeExtensionValue } from './cef.js';

export interface BriefEvent {
  pri?: number;
  timestamp?: string;
  signatureId: string;
  name: string;
  severity: string;
  user?: string;
  app?: string;
}

/** The value of `key` (given as `key=`) in the extension that starts at `from`. */
function value(line: string, key: string, from: number): string | undefined {
  let start: number;
  if (line.startsWith(key, from)) start = from + key.length;
  else {
    const at = line.indexOf(` ${key}`, from);
    if (at < 0) return undefined;
    start = at + key.length + 1;
  }
  // The value ends at the space before the next unescaped `=`'s key.
  let end = line.length;
  for (let eq = line.indexOf('=', start); eq >= 0; eq = line.indexOf('=', eq + 1)) {
    if (line.charCodeAt(eq - 1) === 0x5c) continue;
    const space = line.lastIndexOf(' ', eq);
    if (space >= start) {
      end = space;
      break;
    }
  }
  while (end > start && line.charCodeAt(end - 1) === 0x20) end--;
  const text = line.slice(start, end);
  return text.includes('\\') ? unescapeExtensionValue(text) : text;
}

export function scanBrief(line: string): BriefEvent | undefined {
  let offset = 0;
  let pri: number | undefined;
  if (line.charCodeAt(0) === 0x3c) {
    const close = line.indexOf('>');
    if (close < 2 || close > 4) return undefined;
    pri = Number(line.slice(1, close));
    if (!Number.isInteger(pri) || pri > 191) return undefined;
    offset = close + 1;
  }
  const at = line.indexOf('CEF:', offset);
  // only the agent's own header, `<ISO time> [system name] `, takes the fast path
  if (at <= offset || line.charCodeAt(offset + 4) !== 0x2d || line.charCodeAt(offset + 10) !== 0x54)
    return undefined;
  const space = line.indexOf(' ', offset);
  const timestamp = line.slice(offset, space < 0 || space > at ? at : space);
  const b0 = line.indexOf('|', at + 4);
  const b1 = line.indexOf('|', b0 + 1);
  const b2 = line.indexOf('|', b1 + 1);
  const b3 = line.indexOf('|', b2 + 1);
  const b4 = line.indexOf('|', b3 + 1);
  const b5 = line.indexOf('|', b4 + 1);
  const b6 = line.indexOf('|', b5 + 1);
  if (b0 < 0 || b1 < 0 || b2 < 0 || b3 < 0 || b4 < 0 || b5 < 0 || b6 < 0) return undefined;
  const backslash = line.indexOf('\\', at);
  if (backslash >= 0 && backslash < b6) return undefined; // escaped header: full parser
  if (b0 === at + 4) return undefined;
  for (let i = at + 4; i < b0; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  const brief: BriefEvent = {
    timestamp,
    signatureId: line.slice(b3 + 1, b4),
    name: line.slice(b4 + 1, b5),
    severity: line.slice(b5 + 1, b6),
  };
  if (pri !== undefined) brief.pri = pri;
  const user = value(line, 'suser=', b6 + 1);
  if (user !== undefined) brief.user = user;
  const app = value(line, 'destinationServiceName=', b6 + 1);
  if (app !== undefined) brief.app = app;
  return brief;
}
