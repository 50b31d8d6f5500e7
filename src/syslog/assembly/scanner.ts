// The byte-level fast lane of `syslog listen`, in AssemblyScript (compiled to WebAssembly by the
// build; the glue is ../scanner.ts). The agent sends tens of thousands of events a second; in
// JavaScript the work per event (strings for every field, a call per search) cost more than twice
// what `ncat -l` spends on the same bytes. Here the bytes are read where the socket wrote them,
// searched 16 at a time (SIMD), and the text line of an event is written straight into an output
// area, so that an ordinary event never becomes a JavaScript string.
//
// It does two jobs:
// - framing: cuts the stream into messages, exactly as framing.ts describes (a line feed ends a
//   message, or RFC 6587 octet counting, told apart per message; datagrams are split on line feeds);
// - the agent's own lines (`<ISO time> [system name] CEF:<digits>|…`): counts them by category,
//   keeps the first and last time, and writes `time  category  name  user  app` for each.
// Anything else (another header, an escape in the header or in a printed value, a printed value
// that is not well-formed UTF-8, a PRI it does not read, a very long line, a full table) stops the scan with the message's bounds, and the caller
// hands that message to the full parser in JavaScript (cef.ts), which is the reference: the fast
// lane must agree with it on every line it takes (test/syslog/scanner.test.ts checks that).
//
// The module's memory has a fixed layout, laid out here and nowhere else: the exported constants
// below are what ../scanner.ts reads it by. The memory is grown to hold it once, at start, and
// never again: the socket reads into it, and a grown memory would leave the caller's views behind.

// --- layout ---------------------------------------------------------------------------------
/** u32 fields shared with the caller, at STATE + 4 * index. */
export const STATE: usize = 2048; // below it, from 1024: the keys searched for (the module's own data)
export const S_NEXT = 0; // where to go on: after the message handed back, or the start of an unfinished one
export const S_MSG_START = 1; // the message handed back (STOP_SLOW): its bytes
export const S_MSG_END = 2;
export const S_MSG_FRAMING = 3; // FRAMING_*
export const S_OUT_LEN = 4; // bytes of text lines in OUT
export const S_EVENTS_LF = 5; // events taken here, by framing
export const S_EVENTS_OCTET = 6;
export const S_EVENTS_DATAGRAM = 7;
export const S_FIRST_TIME_LEN = 8; // the earliest and the latest event time, bytes at FIRST_TIME / LAST_TIME
export const S_LAST_TIME_LEN = 9;
const S_KEYS_USED = 10;
const S_CATEGORIES = 11;
export const S_MAX_MESSAGE = 12; // the longest message (bytes) the caller lets an octet count announce

export const FIRST_TIME: usize = 2304;
export const LAST_TIME: usize = 2432;
const MAX_TIME_BYTES: u32 = 128;

/** Categories: open addressing, SLOTS slots of (hash, key offset, key length, count). */
export const TABLE: usize = 4096;
export const SLOTS: u32 = 1024;
const MAX_CATEGORIES: u32 = 768;
const KEYS: usize = 32768;
const KEYS_BYTES: u32 = 65536;

export const OUT: usize = 131072;
const OUT_BYTES: u32 = 131072;
/** Longer messages go to the full parser: keeps one event's line well inside OUT. */
const MAX_FAST_MESSAGE: u32 = 32768;

/** The longest message; a line without its line feed is cut there (the default and the most). */
export const MAX_MESSAGE_BYTES: u32 = 1 << 20;
/**
 * The unfinished end of a stream sits right before the fresh bytes, so that the scan sees one run
 * of bytes: up to a message and its octet count.
 */
const CARRY: usize = 262144;
const CARRY_BYTES: u32 = MAX_MESSAGE_BYTES + 65536;
/** Where a read lands; one read takes whatever the kernel holds, up to READ_BYTES. */
export const READ: usize = CARRY + CARRY_BYTES;
export const READ_BYTES: u32 = 1 << 20;

const PAGE_BYTES: usize = 65536;
const PAGES = <i32>((READ + READ_BYTES + 64 + PAGE_BYTES - 1) / PAGE_BYTES);
if (memory.size() < PAGES) memory.grow(PAGES - memory.size());

// --- what scan() is told and answers ---------------------------------------------------------
/** The stream ends with these bytes: an unfinished last message is a message. */
export const FLAG_FINAL: u32 = 1;
/** Datagrams: split on line feeds only, no octet counting. */
export const FLAG_DATAGRAM: u32 = 2;
/** Every message goes to the caller (JSON output wants the full parse). */
export const FLAG_ALL_SLOW: u32 = 4;

export const STOP_DONE: u32 = 0; // every complete message is handled; S_NEXT: where the rest starts
export const STOP_SLOW: u32 = 1; // S_MSG_*: a message for the full parser; go on at S_NEXT afterwards
export const STOP_OUT_FULL: u32 = 2; // take the lines in OUT, then go on at S_NEXT
const STOP_LIMIT: u32 = 3; // `limit` events taken

/** How a message came (S_MSG_FRAMING): by index, the listener's names lf, octet, datagram. */
const FRAMING_LF: u32 = 0;
const FRAMING_OCTET: u32 = 1;
const FRAMING_DATAGRAM: u32 = 2;

const LF: u8 = 0x0a;
const CR: u8 = 0x0d;
const SPACE: u8 = 0x20;
const BAR: u8 = 0x7c;
const BACKSLASH: u8 = 0x5c;
const EQUALS: u8 = 0x3d;
const MAX_OCTET_DIGITS: usize = 9;

// ` suser=` and ` destinationServiceName=`: a key is preceded by a space (or starts the extension)
const USER_KEY = memory.data<u8>([0x20, 0x73, 0x75, 0x73, 0x65, 0x72, 0x3d]);
const USER_KEY_BYTES: usize = 7;
const APP_KEY = memory.data<u8>([
  0x20, 0x64, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x61, 0x74, 0x69, 0x6f, 0x6e, 0x53, 0x65, 0x72, 0x76, 0x69, 0x63,
  0x65, 0x4e, 0x61, 0x6d, 0x65, 0x3d,
]);
const APP_KEY_BYTES: usize = 24;

function state(field: i32): u32 {
  return load<u32>(STATE + ((<usize>field) << 2));
}

function setState(field: i32, value: u32): void {
  store<u32>(STATE + ((<usize>field) << 2), value);
}

// --- searching ------------------------------------------------------------------------------
/** The first `byte` in [from, to), or `to`. Sixteen bytes a step; reads at most 15 past `to`. */
function findByte(from: usize, to: usize, byte: u8): usize {
  const needle = i8x16.splat(<i8>byte);
  let at = from;
  while (at + 16 <= to) {
    const hits = i8x16.bitmask(i8x16.eq(v128.load(at), needle));
    if (hits != 0) return at + <usize>ctz(hits);
    at += 16;
  }
  while (at < to) {
    if (load<u8>(at) == byte) return at;
    at++;
  }
  return to;
}

function equalBytes(a: usize, b: usize, length: usize): bool {
  for (let i: usize = 0; i < length; i++) if (load<u8>(a + i) != load<u8>(b + i)) return false;
  return true;
}

/**
 * The first `key` (length > 1) in [from, to), or `to`. Candidates are where both its first and its
 * last byte match, sixteen positions a step; only those are compared in full.
 */
function findKey(from: usize, to: usize, key: usize, length: usize): usize {
  const first = i8x16.splat(<i8>load<u8>(key));
  const last = i8x16.splat(<i8>load<u8>(key + length - 1));
  let at = from;
  while (at + 15 + length <= to) {
    let hits = i8x16.bitmask(
      v128.and(i8x16.eq(v128.load(at), first), i8x16.eq(v128.load(at + length - 1), last)),
    );
    while (hits != 0) {
      const candidate = at + <usize>ctz(hits);
      if (equalBytes(candidate, key, length)) return candidate;
      hits &= hits - 1;
    }
    at += 16;
  }
  while (at + length <= to) {
    if (equalBytes(at, key, length)) return at;
    at++;
  }
  return to;
}

/** Where the value starting at `start` ends, as cef.ts's cefValue decides: at the last space
 * before the next unescaped `=`, then without trailing spaces and tabs. */
function valueEnd(start: usize, end: usize): usize {
  let space: usize = 0;
  let spaceSeen = false;
  let stop = end;
  for (let at = start; at < end; at++) {
    const c = load<u8>(at);
    if (c == SPACE) {
      space = at;
      spaceSeen = true;
    } else if (c == EQUALS && spaceSeen && load<u8>(at - 1) != BACKSLASH) {
      stop = space;
      break;
    }
  }
  while (stop > start) {
    const c = load<u8>(stop - 1);
    if (c != SPACE && c != 0x09) break;
    stop--;
  }
  return stop;
}

/** Whether [from, to) holds a backslash: such a value has escapes, and the full parser reads them. */
function hasBackslash(from: usize, to: usize): bool {
  return findByte(from, to, BACKSLASH) < to;
}

// --- the output line --------------------------------------------------------------------------
/** What a control character becomes in the line (render/terminal.ts's CONTROL_MARK). */
const MARK: u8 = 0x3f; // `?`

/**
 * The length of the UTF-8 sequence at `at` (ending before `to`) when it is well formed (shortest
 * form, no surrogate, at most U+10FFFF), else 0.
 */
function utf8Length(at: usize, to: usize): usize {
  const c = load<u8>(at);
  let length: usize;
  let low: u8 = 0x80; // the range of the second byte
  let high: u8 = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) length = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    length = 3;
    if (c == 0xe0) low = 0xa0;
    else if (c == 0xed) high = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    length = 4;
    if (c == 0xf0) low = 0x90;
    else if (c == 0xf4) high = 0x8f;
  } else return 0;
  if (at + length > to) return 0;
  const second = load<u8>(at + 1);
  if (second < low || second > high) return 0;
  for (let i: usize = 2; i < length; i++) {
    const next = load<u8>(at + i);
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/**
 * Copies a field into the line as the full parser prints it (listener.ts): a control character
 * becomes `?` (C0, DEL, and C1, which UTF-8 writes as 0xC2 0x80–0x9F): a sender must not reach the
 * operator's terminal with an escape sequence. Returns 0 when the field is not well-formed UTF-8:
 * the full parser reads that line (it decodes such bytes to U+FFFD; raw, a lone 0x9B is CSI to an
 * 8-bit terminal).
 */
function put(out: usize, from: usize, to: usize): usize {
  let at = from;
  while (at < to) {
    const c = load<u8>(at);
    if (c < 0x80) {
      store<u8>(out++, c < 0x20 || c == 0x7f ? MARK : c);
      at++;
      continue;
    }
    const length = utf8Length(at, to);
    if (length == 0) return 0;
    if (c == 0xc2 && load<u8>(at + 1) < 0xa0) store<u8>(out++, MARK);
    else for (let i: usize = 0; i < length; i++) store<u8>(out++, load<u8>(at + i));
    at += length;
  }
  return out;
}

function putSeparator(out: usize): usize {
  store<u16>(out, 0x2020);
  return out + 2;
}

/** A value, or `-` when it is absent or empty; 0 as put() says it. */
function putValue(out: usize, from: usize, to: usize): usize {
  if (to > from) return put(out, from, to);
  store<u8>(out, 0x2d);
  return out + 1;
}

// --- counting -----------------------------------------------------------------------------------
/** The slot of category [from, to), added if new; SLOTS when the table or the key area is full. */
function categorySlot(from: usize, to: usize): u32 {
  let hash: u32 = 2166136261; // FNV-1a
  for (let at = from; at < to; at++) hash = (hash ^ load<u8>(at)) * 16777619;
  hash |= 1; // 0 marks an empty slot
  const length = <u32>(to - from);
  let slot = hash & (SLOTS - 1);
  while (true) {
    const entry = TABLE + ((<usize>slot) << 4);
    const stored = load<u32>(entry);
    if (stored == 0) break;
    if (
      stored == hash &&
      load<u32>(entry, 8) == length &&
      equalBytes(<usize>load<u32>(entry, 4), from, length)
    )
      return slot;
    slot = (slot + 1) & (SLOTS - 1);
  }
  const used = state(S_KEYS_USED);
  if (state(S_CATEGORIES) >= MAX_CATEGORIES || used + length > KEYS_BYTES) return SLOTS;
  const entry = TABLE + ((<usize>slot) << 4);
  memory.copy(KEYS + used, from, length);
  store<u32>(entry, hash);
  store<u32>(entry, <u32>KEYS + used, 4);
  store<u32>(entry, length, 8);
  store<u32>(entry, 0, 12);
  setState(S_KEYS_USED, used + length);
  setState(S_CATEGORIES, state(S_CATEGORIES) + 1);
  return slot;
}

/** Byte order, as JavaScript compares the byte strings the rest of the listener keeps. */
function before(a: usize, aLength: u32, b: usize, bLength: u32): bool {
  const common = aLength < bLength ? aLength : bLength;
  for (let i: usize = 0; i < common; i++) {
    const x = load<u8>(a + i);
    const y = load<u8>(b + i);
    if (x != y) return x < y;
  }
  return aLength < bLength;
}

function noteTime(from: usize, to: usize): void {
  const length = <u32>(to - from);
  const first = state(S_FIRST_TIME_LEN);
  if (first == 0 || before(from, length, FIRST_TIME, first)) {
    memory.copy(FIRST_TIME, from, length);
    setState(S_FIRST_TIME_LEN, length);
  }
  const last = state(S_LAST_TIME_LEN);
  if (last == 0 || before(LAST_TIME, last, from, length)) {
    memory.copy(LAST_TIME, from, length);
    setState(S_LAST_TIME_LEN, length);
  }
}

// --- one message ---------------------------------------------------------------------------------
/**
 * Takes the agent line [start, end) if it is one the fast lane reads exactly as cef.ts would:
 * counts it and writes its text line. Returns false, having changed nothing, otherwise.
 */
function takeAgentLine(start: usize, end: usize): bool {
  if (load<u8>(end - 1) == CR) end--; // cef.ts drops one carriage return at the end
  let from = start;
  if (load<u8>(from) == 0x3c) {
    // `<PRI>`: one to three digits, at most 191; anything else is the full parser's to judge
    let pri: u32 = 0;
    let at = from + 1;
    while (at < end && at < from + 4 && load<u8>(at) >= 0x30 && load<u8>(at) <= 0x39) {
      pri = pri * 10 + <u32>(load<u8>(at) - 0x30);
      at++;
    }
    if (at == from + 1 || at >= end || load<u8>(at) != 0x3e || pri > 191) return false;
    from = at + 1;
  }
  // `<ISO time> [system name] CEF:` (cef.ts: a prefix of 20 bytes or more with `-` and `T` in place)
  if (from + 24 > end || load<u8>(from + 4) != 0x2d || load<u8>(from + 10) != 0x54) return false;
  let cef = from;
  while (true) {
    cef = findByte(cef, end, 0x43);
    if (cef + 4 > end) return false;
    if (load<u8>(cef + 1) == 0x45 && load<u8>(cef + 2) == 0x46 && load<u8>(cef + 3) == 0x3a) break;
    cef++;
  }
  if (cef - from < 20) return false;
  const timeEnd = findByte(from, cef, SPACE);
  const timeLength = <u32>(timeEnd - from);
  // a shorter time is not the agent's, and cef.ts would take the event's time from its extension
  if (timeLength < 20 || timeLength > MAX_TIME_BYTES) return false;

  // the header: seven bars, no escapes, a numeric version
  const version = cef + 4;
  let bar0: usize = 0,
    bar3: usize = 0,
    bar4: usize = 0,
    bar5: usize = 0,
    bar6: usize = 0;
  let bars = 0;
  const bar = i8x16.splat(<i8>BAR);
  const backslash = i8x16.splat(<i8>BACKSLASH);
  let at = version;
  while (bars < 7) {
    let hits: i32 = 0;
    if (at + 16 <= end) {
      const bytes = v128.load(at);
      hits = i8x16.bitmask(v128.or(i8x16.eq(bytes, bar), i8x16.eq(bytes, backslash)));
    } else if (at < end) {
      for (let i = 0; at + <usize>i < end; i++) {
        const c = load<u8>(at + <usize>i);
        if (c == BAR || c == BACKSLASH) hits |= 1 << i;
      }
    } else return false;
    while (hits != 0 && bars < 7) {
      const found = at + <usize>ctz(hits);
      hits &= hits - 1;
      if (load<u8>(found) == BACKSLASH) return false;
      if (bars == 0) bar0 = found;
      else if (bars == 3) bar3 = found;
      else if (bars == 4) bar4 = found;
      else if (bars == 5) bar5 = found;
      else if (bars == 6) bar6 = found;
      bars++;
    }
    at += 16;
  }
  if (bar0 == version) return false;
  for (let v = version; v < bar0; v++) {
    const c = load<u8>(v);
    if (c < 0x30 || c > 0x39) return false;
  }

  // suser and destinationServiceName, as cefValue finds them: at the start of the extension or
  // after a space, the first occurrence
  const extension = bar6 + 1;
  let userStart: usize = 0,
    userEnd: usize = 0;
  let user = false;
  let userKey: usize;
  if (extension + USER_KEY_BYTES - 1 <= end && equalBytes(extension, USER_KEY + 1, USER_KEY_BYTES - 1))
    userKey = extension - 1;
  else userKey = findKey(extension, end, USER_KEY, USER_KEY_BYTES);
  if (userKey < end) {
    user = true;
    userStart = userKey + USER_KEY_BYTES;
    userEnd = valueEnd(userStart, end);
    if (hasBackslash(userStart, userEnd)) return false;
  }
  let appStart: usize = 0,
    appEnd: usize = 0;
  let appKey: usize;
  if (extension + APP_KEY_BYTES - 1 <= end && equalBytes(extension, APP_KEY + 1, APP_KEY_BYTES - 1))
    appKey = extension - 1;
  else {
    // the agent writes it right after suser: look before suser's key, then from its value's end
    const beforeUser = user ? userKey : end;
    appKey = findKey(extension, beforeUser, APP_KEY, APP_KEY_BYTES);
    if (appKey == beforeUser && user) appKey = findKey(userEnd, end, APP_KEY, APP_KEY_BYTES);
  }
  if (appKey < end) {
    appStart = appKey + APP_KEY_BYTES;
    appEnd = valueEnd(appStart, end);
    if (hasBackslash(appStart, appEnd)) return false;
  }

  // room for the line, before anything changes
  const outLength = state(S_OUT_LEN);
  if (<u32>(end - start) + 16 > OUT_BYTES - outLength) return false;
  // The line is written past what OUT holds, and counts only once the category has its slot: a
  // field that is not UTF-8 (put() answers 0) leaves the line to the full parser, unchanged.
  // Every field put here is checked so, the time and the category too (they are counted as bytes).
  let out = put(OUT + outLength, from, timeEnd);
  if (out != 0) out = put(putSeparator(out), bar3 + 1, bar4);
  if (out != 0) out = put(putSeparator(out), bar4 + 1, bar5);
  if (out != 0) out = putValue(putSeparator(out), userStart, user ? userEnd : userStart);
  if (out != 0) out = putValue(putSeparator(out), appStart, appEnd);
  if (out == 0) return false;
  const slot = categorySlot(bar3 + 1, bar4);
  if (slot == SLOTS) return false;
  store<u8>(out++, LF);
  setState(S_OUT_LEN, <u32>(out - OUT));

  const entry = TABLE + ((<usize>slot) << 4);
  store<u32>(entry, load<u32>(entry, 12) + 1, 12);
  noteTime(from, timeEnd);
  return true;
}

// --- the stream ---------------------------------------------------------------------------------
/**
 * Handles the messages in [start, end) until one needs the caller (see the STOP_* answers).
 * `limit`: stop once this many events are taken (the listener's --count).
 */
export function scan(start: u32, end: u32, flags: u32, limit: u32): u32 {
  const stop = <usize>end;
  let at = <usize>start;
  let taken: u32 = 0;
  const final = (flags & FLAG_FINAL) != 0;
  while (at < stop) {
    let message = at;
    let messageEnd: usize = 0;
    let next: usize = 0;
    let framing = (flags & FLAG_DATAGRAM) != 0 ? FRAMING_DATAGRAM : FRAMING_LF;
    const first = load<u8>(at);
    let counted = false;
    if (framing == FRAMING_LF && first >= 0x31 && first <= 0x39) {
      // RFC 6587: `<length> <message>`, a length of up to nine digits
      let digits = at + 1;
      let length: usize = <usize>(first - 0x30);
      while (
        digits < stop &&
        digits - at < MAX_OCTET_DIGITS &&
        load<u8>(digits) >= 0x30 &&
        load<u8>(digits) <= 0x39
      ) {
        length = length * 10 + <usize>(load<u8>(digits) - 0x30);
        digits++;
      }
      if (digits == stop && !final) break; // too early to tell
      // a length beyond what the caller keeps is not taken as one: the line is read as a line
      if (digits < stop && load<u8>(digits) == SPACE && length <= <usize>state(S_MAX_MESSAGE)) {
        if (digits + 1 + length > stop) {
          if (!final) break; // the rest of it is still on its way
        } else {
          counted = true;
          message = digits + 1;
          messageEnd = message + length;
          next = messageEnd < stop && load<u8>(messageEnd) == LF ? messageEnd + 1 : messageEnd;
          framing = FRAMING_OCTET;
        }
      }
    }
    if (!counted) {
      const lf = findByte(at, stop, LF);
      if (lf < stop) {
        messageEnd = lf;
        next = lf + 1;
      } else if (final) {
        messageEnd = stop;
        next = stop;
      } else if (stop - message > <usize>state(S_MAX_MESSAGE)) {
        // a line that never ends is cut at the longest message, instead of growing forever
        messageEnd = message + <usize>state(S_MAX_MESSAGE);
        next = messageEnd;
      } else break; // the caller keeps the unfinished line and comes back with more
      if (messageEnd == message) {
        at = next;
        continue;
      }
    }
    if (
      (flags & FLAG_ALL_SLOW) != 0 ||
      messageEnd - message < 3 ||
      messageEnd - message > MAX_FAST_MESSAGE ||
      !takeAgentLine(message, messageEnd)
    ) {
      if (
        (flags & FLAG_ALL_SLOW) == 0 &&
        messageEnd - message <= MAX_FAST_MESSAGE &&
        <u32>(messageEnd - message) + 16 > OUT_BYTES - state(S_OUT_LEN)
      ) {
        setState(S_NEXT, <u32>at);
        return STOP_OUT_FULL;
      }
      setState(S_MSG_START, <u32>message);
      setState(S_MSG_END, <u32>messageEnd);
      setState(S_MSG_FRAMING, framing);
      setState(S_NEXT, <u32>next);
      return STOP_SLOW;
    }
    const counter = S_EVENTS_LF + <i32>framing;
    setState(counter, state(counter) + 1);
    at = next;
    if (++taken >= limit) {
      setState(S_NEXT, <u32>at);
      return STOP_LIMIT;
    }
  }
  setState(S_NEXT, <u32>at);
  return STOP_DONE;
}
