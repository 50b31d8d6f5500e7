// What the agent's logs say, mapped to the documented errors. Every file of the folder is read whole,
// plain or gzip-compressed (the agent's and log4j/logback's rotations), as a stream in fixed-size
// chunks: a log of gigabytes costs its reading time, not its size in memory. Files are taken newest
// first by the times in their lines (a restored or copied folder has file times that say nothing);
// every entry that is not read is named with the reason.
import { createReadStream, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { FileError } from '../errors.js';
import { folderEntries, type FolderEntry } from '../files.js';
import { createRedactor } from '../render/redact.js';
import { exampleText, LineScanner, type Candidate } from './lines.js';
import { classify, isPortalSide, type Classified, type Hosts, type Kind } from './patterns.js';

/** Causes Java names after "PKIX path validation failed": the statement is about them. */
const REFINES_PKIX_VALIDATION: Kind[] = ['cert-validity', 'algorithm-constraints', 'revocation'];
import { lineTime } from './times.js';

export type { Hosts, Kind, Side } from './patterns.js';

export interface LogPlace {
  file: string;
  line: number;
  /** ISO time of the line's statement, when the line or the statement it belongs to has one. */
  time?: string;
}

/**
 * One thing the logs say, however many times they say it: what a line is about (patterns.ts; its
 * documented error absent when the line does not say which side it is about), and where and when.
 */
export interface LogFinding extends Classified {
  count: number;
  first: LogPlace;
  last: LogPlace;
  /** The most recent line, redacted then cut (the renderer redacts again and neutralises it). */
  example: LogPlace & { text: string };
}

/** Why an entry of the folder was not read. */
export type SkipReason = 'binary' | 'unreadable' | 'not-a-file' | 'folder' | 'before-since';

export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** For `unreadable`: the system's error code; for `not-a-file`: what it is (fifo, socket, device). */
  code?: string;
}

export interface ReadFile {
  file: string;
  compressed: boolean;
  bytes: number;
  lines: number;
  firstTime?: string;
  lastTime?: string;
  /** A compressed file that ends damaged: read up to there (zlib's error code). */
  damaged?: string;
}

/** What the portal shows, as the agent's last contact in the logs lets one tell. */
export interface PortalContact {
  /** The latest line showing the agent pulled from the portal. */
  lastContact?: string;
  /** The first failure on the portal side after it (or the first of all, without a contact). */
  failingSince?: string;
  /** `last-contact`: the marks are 2 h and 12 h after the last contact; `first-failure`: at the latest then. */
  basis: 'last-contact' | 'first-failure';
  status: 'connected' | 'Connection error' | 'Disconnected';
  connectionErrorAt: string;
  disconnectedAt: string;
}

export interface LogScan {
  dir: string;
  /** The run's clock (ISO), which the portal's marks are measured against. */
  now: string;
  /** The start of the --since window (ISO). */
  since?: string;
  files: number;
  lines: number;
  bytes: number;
  /** The files read, newest first. */
  read: ReadFile[];
  /** Every entry that was not read, and why: a clean verdict is worth only what was read. */
  skipped: SkippedFile[];
  /** Most recent first. */
  findings: LogFinding[];
  portal?: PortalContact;
}

export interface ScanOptions {
  hosts?: Hosts;
  /** Start of the window, ms since the epoch: earlier lines are not counted. */
  since?: number;
  /** The run's clock. */
  now?: Date;
  /** Stops the reading between two chunks (a check's budget ran out). */
  signal?: AbortSignal;
  /** The run's redactor, applied to an example line before it is cut (default: the shapes of
   * secrets only). The renderers redact again; this keeps a secret that crosses the cut whole. */
  redact?: (text: string) => string;
}

const CHUNK = 1024 * 1024;
const HEAD_BYTES = 64 * 1024;
const HOUR = 3_600_000;
/** The portal's marks: "Connection error" after 2 hours without contact, "Disconnected" after 12. */
export const CONNECTION_ERROR_AFTER = 2 * HOUR;
export const DISCONNECTED_AFTER = 12 * HOUR;

/** The log directory itself cannot be listed: bad input, named by the command. */
export class LogsDirectoryError extends FileError {
  constructor(
    readonly dir: string,
    /** The system's error code (ENOENT, EACCES…). */
    readonly errno: string,
  ) {
    super({ key: 'logs.error.directory', params: { dir, errno } }, 'logs-directory');
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'ERROR';
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

interface Entry {
  /** The name as shown (U+FFFD for bytes of the name that are not UTF-8). */
  name: string;
  /** The path as the file system has it, byte for byte (a name need not be UTF-8). */
  file: string | Buffer;
  mtime: number;
  compressed: boolean;
  firstTime?: number;
  lastTime?: number;
  family: string;
  age: number;
}

/**
 * The rotation a name belongs to and how old the name says it is: `x.log` is the live file,
 * `x.log.1` and `x.log.2026-11-30.gz` (log4j), `x-2026-11-30.1.log.gz` (logback) older ones.
 */
export function rotationOf(name: string): { family: string; age: number } {
  const base = name.replace(/\.gz$/i, '');
  const dated = /^(.*?)[._-](\d{4})-(\d{2})-(\d{2})(?:[._-](\d+))?(\.log)?$/.exec(base);
  if (dated) {
    const day = Date.UTC(Number(dated[2]), Number(dated[3]) - 1, Number(dated[4]));
    // older days are older; within a day logback's index grows with time
    return {
      family: `${dated[1]}${dated[6] ?? ''}`,
      age: 1e6 - day / 86_400_000 - Number(dated[5] ?? 0) / 1e3,
    };
  }
  const numbered = /^(.*?)\.(\d+)$/.exec(base);
  if (numbered) return { family: numbered[1]!, age: Number(numbered[2]) };
  return { family: base, age: 0 };
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** The first bytes of a file's text (decompressed when it is gzip). */
async function head(file: string | Buffer, compressed: boolean): Promise<Buffer> {
  if (!compressed) {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  const parts: Buffer[] = [];
  let size = 0;
  const source = createReadStream(file);
  const gunzip = createGunzip();
  try {
    for await (const chunk of source.pipe(gunzip) as AsyncIterable<Buffer>) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= HEAD_BYTES) break;
    }
  } catch {
    // a damaged archive: the scan says so; its head is what came out
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  return Buffer.concat(parts);
}

/** The last bytes of a plain file, for the time of its last line. */
async function tail(file: string | Buffer, size: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const length = Math.min(size, HEAD_BYTES);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, size - length);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function timesOf(text: Buffer, last: boolean): number | undefined {
  const lines = text.toString('latin1').split('\n');
  if (last) lines.reverse();
  for (const line of lines.slice(0, 500)) {
    const time = lineTime(line.replace(/^\0+/, ''));
    if (time !== undefined) return time;
  }
  return undefined;
}

async function isGzip(file: string | Buffer): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/** What an entry that is not a regular file is, for the reason it is not read. */
function kindOfEntry(info: Stats): string {
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special';
}

/** The folder's entries: the files to read with their times, and every other entry named. */
async function listFolder(dir: string, skipped: SkippedFile[]): Promise<Entry[]> {
  let names: FolderEntry[];
  try {
    names = await folderEntries(dir);
  } catch (error) {
    throw new LogsDirectoryError(dir, errorCode(error));
  }
  const entries: Entry[] = [];
  for (const { name, path: file } of names) {
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        skipped.push({ file: name, reason: 'folder' });
        continue;
      }
      if (!info.isFile()) {
        skipped.push({ file: name, reason: 'not-a-file', code: kindOfEntry(info) });
        continue;
      }
      const compressed = await isGzip(file);
      const entry: Entry = { name, file, mtime: info.mtimeMs, compressed, ...rotationOf(name) };
      const first = timesOf(await head(file, compressed), false);
      if (first !== undefined) entry.firstTime = first;
      if (!compressed && info.size > 0) {
        const last = timesOf(await tail(file, info.size), true);
        if (last !== undefined) entry.lastTime = last;
      }
      entries.push(entry);
    } catch (error) {
      skipped.push({ file: name, reason: 'unreadable', code: errorCode(error) });
    }
  }
  // Newest first by the lines' own times; a file without any by its file time; equal by the name.
  return entries.sort(
    (a, b) =>
      (b.firstTime ?? b.mtime) - (a.firstTime ?? a.mtime) || a.age - b.age || a.name.localeCompare(b.name),
  );
}

/** Whether a file holds nothing after `since`: its last line (plain), or the next file of its rotation. */
function endsBefore(entry: Entry, newer: Entry[], since: number): boolean {
  if (entry.lastTime !== undefined) return entry.lastTime < since;
  if (!entry.compressed) return false;
  const next = newer
    .filter((e) => e.family === entry.family && e.firstTime !== undefined)
    .map((e) => e.firstTime!);
  return next.length > 0 && Math.min(...next) < since;
}

interface Place {
  time?: number;
  rank: number;
  line: number;
  file: string;
}

/** Whether `a` is later than `b`: by time when both have one, else by file (newer first) and line. */
function later(a: Place, b: Place): boolean {
  if (a.time !== undefined && b.time !== undefined && a.time !== b.time) return a.time > b.time;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.line > b.line;
}

interface Tally {
  finding: Omit<LogFinding, 'first' | 'last' | 'example' | 'count'>;
  count: number;
  first: Place;
  last: Place;
  /** The latest line, uncut: cut to its example only once redacted. */
  whole: string;
}

/** The portal contacts and failures of one file, in the order its lines come. */
interface ContactTrack {
  contact?: number;
  /** The first failure on the portal side after the file's latest contact so far. */
  failAfter?: number;
  firstFailure?: number;
  pending: number[];
}

const place = ({ file, line, time }: Place): LogPlace => ({
  file,
  line,
  ...(time !== undefined && { time: iso(time)! }),
});

async function readInto(
  entry: Entry,
  scanner: LineScanner,
  signal?: AbortSignal,
): Promise<string | undefined> {
  if (!entry.compressed) {
    const handle = await open(entry.file, 'r');
    // two buffers: the next chunk is read while this one is searched
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let position = 0;
    let next = handle.read(buffers[0]!, 0, CHUNK, position);
    try {
      for (let turn = 0; ; turn ^= 1) {
        const { bytesRead, buffer } = await next;
        if (bytesRead === 0) break;
        position += bytesRead;
        next = handle.read(buffers[turn ^ 1]!, 0, CHUNK, position);
        signal?.throwIfAborted();
        if (!scanner.push(buffer.subarray(0, bytesRead))) return undefined;
      }
    } finally {
      await next.catch(() => undefined); // never close under a read in flight
      await handle.close();
    }
    return undefined;
  }
  const source = createReadStream(entry.file, { highWaterMark: CHUNK });
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  try {
    for await (const chunk of source.pipe(gunzip) as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      if (!scanner.push(chunk)) return undefined;
    }
  } catch (error) {
    const code = errorCode(error);
    if (code.startsWith('Z_') || code.startsWith('ERR_')) return code; // damaged: read up to there
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  return undefined;
}

/**
 * Nothing read because every file ends before the --since window: the window is quiet, which is
 * a clean answer for it, not a folder that could not be read.
 */
export function quietWindow(scan: Pick<LogScan, 'files' | 'skipped'>): boolean {
  return (
    scan.files === 0 && scan.skipped.length > 0 && scan.skipped.every((s) => s.reason === 'before-since')
  );
}

export async function scanLogs(dir: string, options: ScanOptions = {}): Promise<LogScan> {
  const hosts = options.hosts ?? {};
  const now = options.now ?? new Date();
  const { since } = options;
  const skipped: SkippedFile[] = [];
  const entries = await listFolder(dir, skipped);
  const scan: LogScan = {
    dir,
    now: now.toISOString(),
    ...(since !== undefined && { since: iso(since)! }),
    files: 0,
    lines: 0,
    bytes: 0,
    read: [],
    skipped,
    findings: [],
  };
  const tallies = new Map<string, Tally>();
  const tracks: ContactTrack[] = [];

  for (const [rank, entry] of entries.entries()) {
    if (since !== undefined && endsBefore(entry, entries.slice(0, rank), since)) {
      skipped.push({ file: entry.name, reason: 'before-since' });
      continue;
    }
    const track: ContactTrack = { pending: [] };
    const tally = (found: Candidate, what: Classified) => {
      // the lines before the file's first time are older than it
      const time = found.time ?? entry.firstTime;
      if (time !== undefined && isPortalSide(what)) track.pending.push(time);
      if (since !== undefined && time !== undefined && time < since) return;
      const at: Place = {
        file: entry.name,
        line: found.line,
        rank,
        ...(found.time !== undefined && { time: found.time }),
      };
      const key = [what.kind, what.error ?? '', what.side, what.host?.toLowerCase() ?? ''].join('|');
      const known = tallies.get(key);
      if (!known) {
        tallies.set(key, { finding: what, count: 1, first: at, last: at, whole: found.whole });
        return;
      }
      known.count++;
      if (later(at, known.last)) {
        known.last = at;
        known.whole = found.whole;
      }
      if (later(known.first, at)) known.first = at;
    };
    // One log statement (a timestamped line and its stack trace) counts once per finding: Java
    // repeats the message in every "Caused by" line, and names the precise cause last.
    let statement: { line: number; items: [Candidate, Classified][] } | undefined;
    const flush = () => {
      if (!statement) return;
      const items = statement.items;
      statement = undefined;
      const kinds = new Set(items.map(([, what]) => what.kind));
      const refined = REFINES_PKIX_VALIDATION.some((kind) => kinds.has(kind));
      const seen = new Set<string>();
      for (const [found, what] of items) {
        if (refined && what.kind === 'pkix-validation') continue;
        const key = [what.kind, what.error ?? '', what.side, what.host?.toLowerCase() ?? ''].join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        tally(found, what);
      }
    };
    /** A chunk's failures on the portal side, ordered against its latest contact with the portal. */
    const settle = (contact: { time: number | undefined } | undefined) => {
      const failures = track.pending;
      track.pending = [];
      for (const t of failures)
        if (track.firstFailure === undefined || t < track.firstFailure) track.firstFailure = t;
      if (contact?.time !== undefined && (track.contact === undefined || contact.time >= track.contact)) {
        track.contact = contact.time;
        track.failAfter = undefined;
      }
      // by time, not by place: a statement still open at a chunk's end is settled with the next
      for (const t of failures)
        if (
          (track.contact === undefined || t > track.contact) &&
          (track.failAfter === undefined || t < track.failAfter)
        )
          track.failAfter = t;
    };
    const scanner = new LineScanner({
      candidate: (found: Candidate) => {
        const what = classify(found.text, found.context, hosts);
        if (!what) return;
        if (statement && statement.line !== found.statementLine) flush();
        statement ??= { line: found.statementLine, items: [] };
        statement.items.push([found, what]);
      },
      chunkEnd: settle,
    });
    let damaged: string | undefined;
    try {
      damaged = await readInto(entry, scanner, options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      skipped.push({ file: entry.name, reason: 'unreadable', code: errorCode(error) });
      continue;
    }
    if (scanner.binary) {
      skipped.push({ file: entry.name, reason: 'binary' });
      continue;
    }
    scanner.end();
    flush();
    settle(undefined);
    tracks.push(track);
    const lastTime = scanner.latestTime ?? entry.lastTime;
    scan.read.push({
      file: entry.name,
      compressed: entry.compressed,
      bytes: scanner.bytes,
      lines: scanner.lines,
      ...(entry.firstTime !== undefined && { firstTime: iso(entry.firstTime)! }),
      ...(lastTime !== undefined && { lastTime: iso(lastTime)! }),
      ...(damaged && { damaged }),
    });
    scan.files++;
    scan.lines += scanner.lines;
    scan.bytes += scanner.bytes;
  }

  const redact = options.redact ?? createRedactor([]).text;
  scan.findings = [...tallies.values()]
    .sort((a, b) => (later(a.last, b.last) ? -1 : later(b.last, a.last) ? 1 : 0))
    .map((t) => ({
      ...t.finding,
      count: t.count,
      first: place(t.first),
      last: place(t.last),
      example: { ...place(t.last), text: exampleText(t.whole, redact) },
    }));
  const portal = portalContact(tracks, now.getTime());
  if (portal) scan.portal = portal;
  return scan;
}

/**
 * The portal's status as the logs let one tell it: the latest contact, the first failure on the
 * portal side after it, and the 2 h / 12 h marks. Undefined when nothing is failing and the last
 * contact is recent, or when the logs show neither.
 */
export function portalContact(tracks: ContactTrack[], now: number): PortalContact | undefined {
  const contacts = tracks.map((t) => t.contact).filter((t): t is number => t !== undefined);
  const last = contacts.length > 0 ? Math.max(...contacts) : undefined;
  let failing: number | undefined;
  for (const t of tracks) {
    const candidate =
      last === undefined
        ? t.firstFailure
        : t.contact === last
          ? t.failAfter
          : t.firstFailure !== undefined && t.firstFailure > last
            ? t.firstFailure
            : t.failAfter !== undefined && t.failAfter > last
              ? t.failAfter
              : undefined;
    if (candidate !== undefined && (failing === undefined || candidate < failing)) failing = candidate;
  }
  const from = last ?? failing;
  if (from === undefined) return undefined;
  const connectionErrorAt = from + CONNECTION_ERROR_AFTER;
  const disconnectedAt = from + DISCONNECTED_AFTER;
  const status =
    now >= disconnectedAt ? 'Disconnected' : now >= connectionErrorAt ? 'Connection error' : 'connected';
  if (failing === undefined && status === 'connected') return undefined;
  return {
    ...(last !== undefined && { lastContact: iso(last)! }),
    ...(failing !== undefined && { failingSince: iso(failing)! }),
    basis: last === undefined ? 'first-failure' : 'last-contact',
    status,
    connectionErrorAt: iso(connectionErrorAt)!,
    disconnectedAt: iso(disconnectedAt)!,
  };
}

/** The hosts of this run's settings that tell the SIEM side from the portal side. */
export function hostsOf(config: {
  syslogHost?: string;
  syslogPort?: number;
  portalUrl?: URL;
  proxy?: { host: string };
}): Hosts {
  return {
    ...(config.syslogHost !== undefined && { siem: config.syslogHost }),
    ...(config.syslogPort !== undefined && { siemPort: config.syslogPort }),
    ...(config.portalUrl && { portal: config.portalUrl.hostname.replace(/^\[|\]$/g, '') }),
    ...(config.proxy && { proxy: config.proxy.host }),
  };
}
