// Reading a file given on the command line without trusting what it is: only a regular file, and
// only up to a size cap. /dev/zero would otherwise be read until memory runs out, and a FIFO
// would make the read wait forever for a writer.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Keystores and certificate bundles: the JDK's cacerts is about 200 kB; 16 MB is far past any real one. */
export const INPUT_FILE_MAX_BYTES = 16 * 1024 * 1024;

/** Why a file was refused, worded to follow its name: "FILE: <message>". */
export class InputFileError extends Error {
  constructor(
    message: string,
    readonly code: 'ENOTREG' | 'EFBIG',
  ) {
    super(message);
  }
}

function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
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
    if (!stats.isFile()) throw new InputFileError(`${kindOf(stats)}, not a file to read`, 'ENOTREG');
    const tooBig = () =>
      new InputFileError(
        `more than ${maxBytes / 1024 / 1024} MB, far larger than any keystore or certificate file`,
        'EFBIG',
      );
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
