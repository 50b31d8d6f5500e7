// Reading a file given on the command line without trusting what it is: only a regular file, and
// only up to a size cap. /dev/zero would otherwise be read until memory runs out, and a FIFO
// would make the read wait forever for a writer.
import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { MessageKey } from './catalog/en.js';
import type { Text } from './catalog/index.js';
import { FileError } from './errors.js';

/** An entry of a folder: its name as shown, and its path as the file system has it. */
export interface FolderEntry {
  /** U+FFFD where the name's bytes are not UTF-8. */
  name: string;
  /** The path as text when the name is UTF-8, else its bytes, so that the file still opens. */
  path: string | Buffer;
}

/**
 * The entries of `dir`, in the byte order of their names. A name need not be UTF-8 (a Latin-1
 * name from an old system): read as text, it would no longer name the file.
 */
export async function folderEntries(dir: string): Promise<FolderEntry[]> {
  const folder = Buffer.from(path.join(dir, path.sep));
  return (await readdir(dir, { encoding: 'buffer' })).sort(Buffer.compare).map((bytes) => {
    const name = bytes.toString('utf8');
    const utf8 = Buffer.from(name, 'utf8').equals(bytes);
    return { name, path: utf8 ? path.join(dir, name) : Buffer.concat([folder, bytes]) };
  });
}

/** Keystores and certificate bundles: the JDK's cacerts is about 200 kB; 16 MB is far past any real one. */
export const INPUT_FILE_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Why a file was refused (a domain error, code 'file'): the message is worded to follow its name,
 * "FILE: <message>" (errors.ts fileProblem puts them together); `file` is the path as given.
 */
export class InputFileError extends FileError {
  constructor(
    message: Text,
    readonly reason: 'ENOTREG' | 'EFBIG',
    readonly file: string,
  ) {
    super(message);
  }
}

function kindOf(stats: import('node:fs').Stats): MessageKey {
  if (stats.isFIFO()) return 'file.kind.fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'file.kind.device';
  if (stats.isSocket()) return 'file.kind.socket';
  if (stats.isDirectory()) return 'file.kind.folder';
  return 'file.kind.other';
}

/**
 * The whole of `file` when it is a regular file of at most `maxBytes`; else an InputFileError.
 * Opened non-blocking so that a FIFO is seen for what it is instead of waited on; the size is
 * checked on the opened file (no race with a rename) and the read stops past the cap whatever
 * the size said.
 */
export async function readInputFile(file: string, maxBytes = INPUT_FILE_MAX_BYTES): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw new InputFileError(
        { key: 'file.notRegular', parts: { kind: { key: kindOf(stats) } } },
        'ENOTREG',
        file,
      );
    const tooBig = () =>
      new InputFileError({ key: 'file.tooBig', params: { mb: maxBytes / 1024 / 1024 } }, 'EFBIG', file);
    if (stats.size > maxBytes) throw tooBig();
    // Read until the end, whatever the size said: a file may still grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.max(64 * 1024, Math.min(stats.size, maxBytes) + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooBig();
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** How much of a file's end `readLastLines` reads at most: enough for lines of any sane length. */
const TAIL_MAX_BYTES = 4 * 1024 * 1024;
const TAIL_BLOCK_BYTES = 64 * 1024;

/**
 * The last `count` lines of a file, read block by block from its end, so that memory is bounded
 * whatever the file's size (a 2 GB log costs a few blocks). Line ends are LF or CRLF; a last line
 * without its line feed counts; the line feed that ends the file makes no empty line. When the
 * lines do not fit in TAIL_MAX_BYTES, a line cut at its start there is left out.
 */
export async function readLastLines(file: string | Buffer, count: number): Promise<string[]> {
  const { open } = await import('node:fs/promises');
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const blocks: Buffer[] = [];
    let start = size;
    let newlines = 0;
    // One newline more than lines wanted: the one before the first line, unless the file begins.
    while (start > 0 && size - start < TAIL_MAX_BYTES && newlines <= count) {
      const length = Math.min(TAIL_BLOCK_BYTES, start);
      start -= length;
      const block = Buffer.alloc(length);
      const { bytesRead } = await handle.read(block, 0, length, start);
      const read = block.subarray(0, bytesRead);
      blocks.unshift(read);
      for (let i = 0; i < read.length; i++) if (read[i] === 0x0a) newlines++;
    }
    const lines = Buffer.concat(blocks).toString('utf8').split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    // Stopped at the cap inside a line: its end only is no line (and the end of a secret the
    // redactor would no longer know). Whole when the byte before is the line feed that ends another.
    if (start > 0 && lines.length <= count) {
      const before = Buffer.alloc(1);
      await handle.read(before, 0, 1, start - 1);
      if (before[0] !== 0x0a) lines.shift();
    }
    return lines.slice(-count);
  } finally {
    await handle.close();
  }
}

/**
 * The offset of the first character of `text` that cannot continue JSON (text.length when it ends
 * too early), or -1 when it is JSON or too deeply nested to tell.
 */
export function firstJsonError(text: string): number {
  let i = 0;
  const stop = (): never => {
    throw new JsonStop(i);
  };
  const spaces = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) stop();
    i++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') stop();
      i++;
      if (c === '"') return;
      if (c !== '\\') continue;
      if (i < text.length && '"\\/bfnrt'.includes(text[i]!)) i++;
      else if (text[i] === 'u') {
        i++;
        for (let k = 0; k < 4; k++) {
          if (!/[0-9a-fA-F]/.test(text[i] ?? '')) stop();
          i++;
        }
      } else stop();
    }
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    spaces();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      spaces();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          spaces();
          string();
          spaces();
          expect(':');
        }
        value();
        spaces();
        if (text[i] === ',') i++;
        else return expect(close);
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null'])
      if (c === word[0]) {
        for (const letter of word) expect(letter);
        return;
      }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (!number) {
      if (c === '-') i++; // a minus without its number
      stop();
    }
    i = NUMBER.lastIndex;
    // a fraction or an exponent without its digits: the mistake is where a digit should be
    const part = /[.eE][+-]?/y;
    part.lastIndex = i;
    if (part.test(text)) {
      i = part.lastIndex;
      stop();
    }
  };
  try {
    value();
    spaces();
    return i < text.length ? i : -1;
  } catch (error) {
    if (error instanceof JsonStop) return error.at;
    if (error instanceof RangeError) return -1; // nested deeper than the stack
    throw error;
  }
}

class JsonStop {
  constructor(readonly at: number) {}
}

/**
 * Where a file's text stops being JSON, without quoting it: V8's message may quote the start of
 * the file (`Unexpected token 'Q', "{"token": Qk…" is not valid JSON`), and a secret in a file that
 * could not be read cannot be known to the redactor. Says the line and column when V8 gives a
 * position, else only what kind of mistake it is: a text (`line 3, column 7`) to put in a sentence.
 */
export function jsonSyntaxWhere(error: unknown, text: string): Text {
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of JSON input/.test(message)) return { key: 'json.ends' };
  // V8 gives a position, or only names the character it did not expect: then it is found by
  // reading the text as JSON again (the first such character may stand earlier, in a string)
  const position = /at position (\d+)/.exec(message)?.[1];
  const at = position !== undefined ? Number(position) : firstJsonError(text);
  if (at < 0) return { key: 'json.not' };
  const before = text.slice(0, at);
  return {
    key: 'json.at',
    params: { line: before.split('\n').length, column: at - before.lastIndexOf('\n') },
  };
}
