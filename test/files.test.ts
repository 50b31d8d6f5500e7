import { execa } from 'execa';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INPUT_FILE_MAX_BYTES, readInputFile } from '../src/files.js';

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
    await expect(readInputFile('/dev/zero')).rejects.toMatchObject({ code: 'ENOTREG', message: /a device/ });
    await expect(readInputFile(fifo)).rejects.toMatchObject({ code: 'ENOTREG', message: /a FIFO/ });
    await expect(readInputFile(dir)).rejects.toMatchObject({ code: 'ENOTREG' });
  });

  it('refuses a file over the cap', async () => {
    const big = path.join(dir, 'big');
    await writeFile(big, '');
    await truncate(big, INPUT_FILE_MAX_BYTES + 1);
    await expect(readInputFile(big)).rejects.toMatchObject({ code: 'EFBIG', message: /more than 16 MB/ });
    await expect(readInputFile(big, INPUT_FILE_MAX_BYTES + 1)).resolves.toHaveLength(
      INPUT_FILE_MAX_BYTES + 1,
    );
  });
});
