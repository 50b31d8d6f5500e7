// The fast path of `syslog listen`: reads the few fields it prints and counts, without parsing
// the extension. Works on the line's byte string (framing.ts) with String#indexOf, which V8 runs
// natively from the first call on; a listener lives a few seconds, so code that is fast only once
// optimised (loops over characters) loses, and a Buffer search per field costs a trip into C++.
// Anything unusual (escapes in the header, no agent timestamp) returns undefined, and the caller
// takes the full parser, which also judges malformed lines.
import { unescapeExtensionValue } from './cef.js';

/** What the text line of an event and the counts need. */
export interface BriefEvent {
  timestamp?: string;
  signatureId: string;
  name: string;
  user?: string;
  app?: string;
}

const USER = 'suser=';
const APP = 'destinationServiceName=';

/** Where `key` (given as `key=`) starts as a key of the extension that starts at `from`; -1 if nowhere. */
function keyAt(line: string, key: string, from: number): number {
  for (let at = line.indexOf(key, from); at >= 0; at = line.indexOf(key, at + 1)) {
    const before = line.charCodeAt(at - 1);
    if (at === from || before === 0x20 || before === 0x09) return at;
  }
  return -1;
}

/**
 * Where the value that starts at `start` ends: at the last space before the next unescaped `=`,
 * the one that ends the next key. Forward searches only: with String#lastIndexOf or a regular
 * expression here, the whole scan took about a third longer (measured).
 */
function valueEnd(line: string, start: number): number {
  let end = line.length;
  let space = -1; // the last space before the `=` being looked at
  let next = line.indexOf(' ', start);
  for (let eq = line.indexOf('=', start); eq >= 0; eq = line.indexOf('=', eq + 1)) {
    if (line.charCodeAt(eq - 1) === 0x5c) continue; // `\=` belongs to the value
    while (next >= 0 && next < eq) {
      space = next;
      next = line.indexOf(' ', next + 1);
    }
    if (space >= 0) {
      end = space;
      break;
    }
  }
  while (end > start && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end;
}

/**
 * The value in [start, end), unescaped. `backslash` is the first backslash after the header (-1:
 * none); it is looked up again only if it lies before start.
 */
function valueText(line: string, start: number, end: number, backslash: number): string {
  if (backslash >= 0 && backslash < start) backslash = line.indexOf('\\', start);
  const value = line.slice(start, end);
  return backslash >= 0 && backslash < end ? unescapeExtensionValue(value) : value;
}

export function scanBrief(line: string): BriefEvent | undefined {
  let offset = 0;
  if (line.charCodeAt(0) === 0x3c) {
    // a PRI in front: checked here (the full parser would refuse a bad one), then skipped
    const close = line.indexOf('>');
    if (close < 2 || close > 4) return undefined;
    const pri = Number(line.slice(1, close));
    if (!Number.isInteger(pri) || pri > 191) return undefined;
    offset = close + 1;
  }
  const at = line.indexOf('CEF:', offset);
  // only the agent's own header, `<ISO time> [system name] `, takes the fast path
  if (at <= offset || line.charCodeAt(offset + 4) !== 0x2d || line.charCodeAt(offset + 10) !== 0x54)
    return undefined;
  const space = line.indexOf(' ', offset);
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
    timestamp: line.slice(offset, space < 0 || space > at ? at : space),
    signatureId: line.slice(b3 + 1, b4),
    name: line.slice(b4 + 1, b5),
  };
  const extension = b6 + 1;
  let appAt = -1;
  const userAt = keyAt(line, USER, extension);
  if (userAt >= 0) {
    const start = userAt + USER.length;
    const end = valueEnd(line, start);
    brief.user = valueText(line, start, end, backslash);
    if (line.startsWith(APP, end + 1)) appAt = end + 1; // where the agent writes it
  }
  if (appAt < 0) appAt = keyAt(line, APP, extension);
  if (appAt >= 0) {
    const start = appAt + APP.length;
    brief.app = valueText(line, start, valueEnd(line, start), backslash);
  }
  return brief;
}
