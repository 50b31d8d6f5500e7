// What the agent's logs say, mapped to the documented errors. The log format is not documented:
// we look for the error names the agent prints and for the Java exceptions behind them
// (DOMAIN.md). Newest files first, a bounded read per file, binary files skipped.
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

export interface LogScan {
  dir: string;
  files: number;
  lines: number;
  /** True when a file was bigger than the read limit and only its end was read. */
  truncated: boolean;
  /** Most recent first. */
  matches: LogMatch[];
}

const MAX_BYTES_PER_FILE = 8 * 1024 * 1024;
const MAX_FILES = 50;
const SKIPPED = /\.(gz|zip|7z|jar|class|bin)$/i;

export class LogsDirectoryError extends Error {
  constructor(
    readonly dir: string,
    readonly code: string,
  ) {
    super(`cannot read the logs directory ${dir} (${code})`);
  }
}

async function logFiles(dir: string): Promise<{ file: string; mtime: number; size: number }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new LogsDirectoryError(dir, (error as NodeJS.ErrnoException).code ?? 'ERROR');
  }
  const files = await Promise.all(
    names
      .filter((name) => !SKIPPED.test(name))
      .map(async (name) => {
        const file = path.join(dir, name);
        const info = await stat(file).catch(() => undefined);
        return info?.isFile() ? { file, mtime: info.mtimeMs, size: info.size } : undefined;
      }),
  );
  return files
    .filter((f): f is NonNullable<typeof f> => f !== undefined)
    .sort((a, b) => b.mtime - a.mtime)
    .slice(0, MAX_FILES);
}

export async function scanLogs(dir: string): Promise<LogScan> {
  const scan: LogScan = { dir, files: 0, lines: 0, truncated: false, matches: [] };
  const byError = new Map<DocumentedError, LogMatch>();
  // the position of each error's latest line in the whole read, files oldest first
  const seen = new Map<DocumentedError, number>();
  let position = 0;
  // Oldest file first, so that "last" is the most recent occurrence.
  for (const { file, size } of (await logFiles(dir)).reverse()) {
    const start = Math.max(0, size - MAX_BYTES_PER_FILE);
    const handle = await open(file, 'r');
    let text: string;
    try {
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      if (buffer.subarray(0, 4096).includes(0)) continue; // binary
      text = buffer.toString('utf8');
    } finally {
      await handle.close();
    }
    if (start > 0) scan.truncated = true;
    scan.files++;
    const lines = text.split(/\r?\n/);
    scan.lines += lines.length;
    lines.forEach((line, i) => {
      position++;
      if (!ANY.test(line)) return;
      const rule = RULES.find((r) => r.pattern.test(line))!;
      const place = { file: path.relative(dir, file), line: i + 1, text: line.trim().slice(0, 300) };
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
