// What the agent's logs say, mapped to the documented errors. The log format is not documented:
// we look for the error names the agent prints and for the Java exceptions behind them
// (DOMAIN.md). Newest files first, a bounded read per file (its end, with its real line numbers),
// NUL runs left out; every file not searched is named with the reason.
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentedError } from '../catalog/documented-errors.js';

interface Rule {
  error: DocumentedError;
  pattern: RegExp;
}

// Order matters: the first rule a line matches decides (a PKIX failure is also a handshake failure).
const RULES: Rule[] = [
  { error: 'General error during bootstrap', pattern: /General error during bootstrap/i },
  { error: 'Too many critical errors', pattern: /Too many critical errors/i },
  { error: 'Invalid token', pattern: /Invalid token|owner of this token is not permitted/i },
  { error: 'Invalid proxy address', pattern: /Invalid proxy address|407 Proxy Authentication Required/i },
  {
    error: 'Issue with new versions of Java',
    pattern: /PKIX path building failed|unable to find valid certification path|SunCertPathBuilderException/i,
  },
  { error: 'TLS 1.2 required', pattern: /No appropriate protocol|handshake_failure|protocol_version/i },
  { error: 'Data server send error', pattern: /Data server send error/i },
  { error: 'Data server connection error', pattern: /Data server connection error/i },
  { error: 'SIEM agent notification error', pattern: /SIEM agent notification error/i },
  { error: 'Internal error', pattern: /\bInternal error\b/i },
  // The recovery procedure relates "connection refused" in the agent log to the SIEM side.
  { error: 'Data server connection error', pattern: /Connection refused/i },
  { error: 'SIEM agent error', pattern: /UnknownHostException|Connection timed out|SocketTimeoutException/i },
];
const ANY = new RegExp(RULES.map((r) => r.pattern.source).join('|'), 'i');

export interface LogPlace {
  file: string;
  line: number;
  text: string;
}

export interface LogMatch {
  error: DocumentedError;
  count: number;
  first: LogPlace;
  last: LogPlace;
}

/** Why a file in the directory was not searched. */
export type SkipReason = 'archive' | 'binary' | 'unreadable' | 'older';

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** For `unreadable`: the system's error code. */
  code?: string;
}

export interface LogScan {
  dir: string;
  files: number;
  lines: number;
  /** True when a file was bigger than the read limit and only its end was read. */
  truncated: boolean;
  /** Most recent first. */
  matches: LogMatch[];
  /** Every file that was not searched, and why: a clean verdict is worth only what was read. */
  skipped: SkippedFile[];
}

const MAX_BYTES_PER_FILE = 8 * 1024 * 1024;
const MAX_FILES = 50;
const ARCHIVE = /\.(gz|zip|7z|jar|class|bin)$/i;
/** How much of a file's text decides whether it is text at all. */
const SAMPLE_BYTES = 8192;

export class LogsDirectoryError extends Error {
  constructor(
    readonly dir: string,
    readonly code: string,
  ) {
    super(`cannot read the logs directory ${dir} (${code})`);
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'ERROR';

interface Listing {
  files: { file: string; mtime: number; size: number }[];
  skipped: SkippedFile[];
}

/** The newest MAX_FILES regular files; archives, unreadable and older files are named as skipped. */
async function logFiles(dir: string): Promise<Listing> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new LogsDirectoryError(dir, errorCode(error));
  }
  const skipped: SkippedFile[] = [];
  const found = await Promise.all(
    names.sort().map(async (name) => {
      const file = path.join(dir, name);
      try {
        const info = await stat(file);
        if (!info.isFile()) return undefined; // a folder is not a log file
        if (ARCHIVE.test(name)) {
          skipped.push({ file: name, reason: 'archive' });
          return undefined;
        }
        return { file, mtime: info.mtimeMs, size: info.size };
      } catch (error) {
        skipped.push({ file: name, reason: 'unreadable', code: errorCode(error) });
        return undefined;
      }
    }),
  );
  const files = found
    .filter((f): f is NonNullable<typeof f> => f !== undefined)
    .sort((a, b) => b.mtime - a.mtime);
  for (const older of files.slice(MAX_FILES))
    skipped.push({ file: path.relative(dir, older.file), reason: 'older' });
  return { files: files.slice(0, MAX_FILES), skipped };
}

/**
 * The bytes without their NULs. A pre-allocated or sparse log (and a crashed writer) leaves runs of
 * NUL bytes before or between its lines; they are no text and say nothing about the rest.
 */
export function withoutNuls(buffer: Buffer): Buffer {
  if (!buffer.includes(0)) return buffer;
  const parts: Buffer[] = [];
  let from = 0;
  while (from < buffer.length) {
    const nul = buffer.indexOf(0, from);
    const end = nul < 0 ? buffer.length : nul;
    if (end > from) parts.push(buffer.subarray(from, end));
    if (nul < 0) break;
    from = nul + 1;
    while (from < buffer.length && buffer[from] === 0) from++;
  }
  return Buffer.concat(parts);
}

/**
 * Binary, not text: more than one in twenty of the first characters are control characters (other
 * than tab, line breaks, form feed and the escape of colour codes) or bytes that are not UTF-8.
 */
export function looksBinary(text: Buffer): boolean {
  const sample = text.subarray(0, SAMPLE_BYTES).toString('utf8');
  if (sample.length === 0) return false;
  let odd = 0;
  for (const char of sample) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd || code === 0x7f || (code < 0x20 && !'\t\n\r\f\x1b'.includes(char))) odd++;
  }
  return odd * 20 > sample.length;
}

/** Line feeds in the first `end` bytes of the file, read as a stream (bounded memory). */
async function linesBefore(file: string, end: number): Promise<number> {
  if (end === 0) return 0;
  let count = 0;
  for await (const chunk of createReadStream(file, { start: 0, end: end - 1 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) count++;
  }
  return count;
}

/** The text of the file's last MAX_BYTES_PER_FILE bytes, and the real number of its first line. */
async function readTail(
  file: string,
  size: number,
): Promise<{ text: Buffer; firstLine: number; start: number }> {
  const start = Math.max(0, size - MAX_BYTES_PER_FILE);
  const handle = await open(file, 'r');
  let window: Buffer;
  try {
    window = Buffer.alloc(size - start);
    const { bytesRead } = await handle.read(window, 0, window.length, start);
    window = window.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return { text: withoutNuls(window), firstLine: (await linesBefore(file, start)) + 1, start };
}

export async function scanLogs(dir: string): Promise<LogScan> {
  const listing = await logFiles(dir);
  const scan: LogScan = { dir, files: 0, lines: 0, truncated: false, matches: [], skipped: listing.skipped };
  const byError = new Map<DocumentedError, LogMatch>();
  // the position of each error's latest line in the whole read, files oldest first
  const seen = new Map<DocumentedError, number>();
  let position = 0;
  // Oldest file first, so that "last" is the most recent occurrence.
  for (const { file, size } of listing.files.reverse()) {
    const name = path.relative(dir, file);
    let tail;
    try {
      tail = await readTail(file, size);
    } catch (error) {
      scan.skipped.push({ file: name, reason: 'unreadable', code: errorCode(error) });
      continue;
    }
    if (looksBinary(tail.text)) {
      scan.skipped.push({ file: name, reason: 'binary' });
      continue;
    }
    if (tail.start > 0) scan.truncated = true;
    scan.files++;
    const lines = tail.text.toString('utf8').split(/\r?\n/);
    scan.lines += lines.length;
    lines.forEach((line, i) => {
      position++;
      if (!ANY.test(line)) return;
      const rule = RULES.find((r) => r.pattern.test(line))!;
      const place = { file: name, line: tail.firstLine + i, text: line.trim().slice(0, 300) };
      seen.set(rule.error, position);
      const match = byError.get(rule.error);
      if (match) {
        match.count++;
        match.last = place;
      } else {
        byError.set(rule.error, { error: rule.error, count: 1, first: place, last: place });
      }
    });
  }
  // The error seen most recently comes first.
  scan.matches = [...byError.values()].sort((a, b) => (seen.get(b.error) ?? 0) - (seen.get(a.error) ?? 0));
  return scan;
}
