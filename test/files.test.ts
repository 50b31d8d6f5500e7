import { execa } from 'execa';
import { appendFile, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  firstJsonError,
  INPUT_FILE_MAX_BYTES,
  jsonSyntaxWhere,
  readInputFile,
  readLastLines,
} from '../src/files.js';
import { en } from '../src/catalog/en.js';
import { translate } from '../src/catalog/index.js';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'sd-files-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('readInputFile', () => {
  it('reads a regular file whole', async () => {
    await writeFile(path.join(dir, 'a'), 'hello');
    expect((await readInputFile(path.join(dir, 'a'))).toString()).toBe('hello');
  });

  it('refuses a device, a FIFO and a folder without reading or waiting', async () => {
    const fifo = path.join(dir, 'pipe.pem');
    await execa('mkfifo', [fifo]);
    await expect(readInputFile('/dev/zero')).rejects.toMatchObject({
      code: 'file',
      reason: 'ENOTREG',
      message: /a device/,
    });
    await expect(readInputFile(fifo)).rejects.toMatchObject({
      code: 'file',
      reason: 'ENOTREG',
      message: /a FIFO/,
    });
    await expect(readInputFile(dir)).rejects.toMatchObject({ code: 'file', reason: 'ENOTREG' });
  });

  it('refuses a file over the cap', async () => {
    const big = path.join(dir, 'big');
    await writeFile(big, '');
    await truncate(big, INPUT_FILE_MAX_BYTES + 1);
    await expect(readInputFile(big)).rejects.toMatchObject({
      code: 'file',
      reason: 'EFBIG',
      message: /more than 16 MB/,
    });
    await expect(readInputFile(big, INPUT_FILE_MAX_BYTES + 1)).resolves.toHaveLength(
      INPUT_FILE_MAX_BYTES + 1,
    );
  });
});

describe('readLastLines', () => {
  const tail = async (content: string | Buffer, count: number) => {
    const file = path.join(dir, 'log');
    await writeFile(file, content);
    return readLastLines(file, count);
  };

  it('takes the last lines, LF or CRLF, with or without a final line feed', async () => {
    expect(await tail('a\nb\nc\n', 2)).toEqual(['b', 'c']);
    expect(await tail('a\r\nb\r\nc', 2)).toEqual(['b', 'c']);
    expect(await tail('only', 5)).toEqual(['only']);
    expect(await tail('', 5)).toEqual([]);
  });

  it('finds lines across the blocks it reads, and a line longer than a block whole', async () => {
    const long = 'x'.repeat(200_000);
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'y'.repeat(i % 50)}`);
    expect(await tail(`${lines.join('\n')}\n${long}\nlast\n`, 3)).toEqual([lines[4999], long, 'last']);
    expect(await tail(`${lines.join('\n')}\n`, 1200)).toEqual(lines.slice(-1200));
  });

  it('leaves out a line the size cap cuts at its start, and keeps one the cap falls just before', async () => {
    const secret = 'QkTailSecretTokenValue0123456789';
    const huge = `${secret}${'x'.repeat(5 * 1024 * 1024)}`; // longer than the 4 MB read from the end
    expect(await tail(`first\n${huge}\nlast\n`, 3)).toEqual(['last']);
    // exactly 4 MB from the end, just after a line feed: that line is whole
    const line = 'y'.repeat(4 * 1024 * 1024 - 'last\n'.length - 1);
    expect(await tail(`${huge}\n${line}\nlast\n`, 3)).toEqual([line, 'last']);
  });

  it('reads the end of a 2 GB file without reading the rest (sparse: no disk used)', async () => {
    const file = path.join(dir, 'huge.log');
    await writeFile(file, 'first\n');
    await truncate(file, 2 * 1024 ** 3);
    await appendFile(file, '\n2026-11-21 10:00:00 ERROR one\n2026-11-21 10:00:01 ERROR two\n');
    expect(await readLastLines(file, 2)).toEqual([
      '2026-11-21 10:00:00 ERROR one',
      '2026-11-21 10:00:01 ERROR two',
    ]);
  });
});

describe('jsonSyntaxWhere', () => {
  const where = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return translate(en, jsonSyntaxWhere(error, text));
    }
    throw new Error(`${text} is JSON`);
  };

  it('places a mistake V8 only names by its character where it is, not where that character first stands', () => {
    // V8: "Unexpected token '}'": the first "}" is inside a string, the mistake is the last one
    expect(where('{"x": "}", "a": tru}')).toBe('line 1, column 20');
    // V8: "Unexpected token 'x'": the first "x" is a key on line 1
    expect(where('{"x": "a",\n "b": xyz}')).toBe('line 2, column 7');
    expect(where('{"token": QkSecretTokenValue0123}')).toBe('line 1, column 11');
    expect(where('[1,]')).toBe('line 1, column 4');
  });

  it('finds the offset V8 gives, wherever V8 gives one', () => {
    const texts = ['{"a":1,}', '[1 2]', '{"a": "b"}}', '{"a" 1}', '{"a": 01}', '["\u0001"]', '[1.]', '[-]'];
    for (const text of texts) {
      let position: number | undefined;
      try {
        JSON.parse(text);
      } catch (error) {
        position = Number(/at position (\d+)/.exec((error as Error).message)?.[1]);
      }
      expect(firstJsonError(text), text).toBe(position);
    }
    expect(firstJsonError('{"a": [1, {"b": null}], "c": -1.5e3}')).toBe(-1);
  });
});
