// A file that others read while we write it (node_exporter's textfile collector, a watch state)
// must never be seen half written: the bytes go to a temporary file in the same folder (so that
// the rename stays on one file system), reach the disk, and replace the target by rename.
import { randomBytes } from 'node:crypto';
import { appendFile, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomically(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  // A leading dot and a .tmp suffix: the textfile collectors read only *.prom files.
  const temp = path.join(
    dir,
    `.${path.basename(target)}.siem-doctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  // The rename itself must reach the disk too (not possible on every platform: best effort).
  const folder = await open(dir, 'r').catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close();
}

/** A report file: replaced atomically, or added to (NDJSON's --append: one line per check). */
export async function writeOrAppend(file: string, data: string, append: boolean): Promise<void> {
  if (append) await appendFile(file, data);
  else await writeFileAtomically(file, data);
}
