// Opening and safely rewriting a trust store file. A keystore is never left half written: the
// new bytes go to a temporary file beside it, are flushed to disk, take the original's mode and
// owner, and replace it by rename (atomic on one file system); a backup is taken first, and the
// result is read back and compared before anyone is told it worked.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  chmod,
  chown,
  copyFile,
  open,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import type { Text } from '../catalog/index.js';
import { fileProblem, DoctorError, KeystoreFileError } from '../errors.js';
import { readInputFile } from '../files.js';
import { parseJks, serializeJks } from './jks.js';
import {
  detectFormat,
  KeystoreError,
  type Keystore,
  type KeystoreEntry,
  type TrustedCertEntry,
} from './model.js';
/**
 * A change to a store that cannot be made (no rights, a read-only mount, keytool refusing, another
 * program's write in between): about the store itself, named in the message, not about an input
 * the user gave, so no flag is put before it.
 */
export class KeystoreWriteError extends DoctorError {
  constructor(message: Text) {
    super('keystore', message);
  }
}

/**
 * Reads a keystore of either format, told apart by its bytes. PKCS#12 support (node-forge) loads
 * only when the bytes are PKCS#12: a JKS run never pays for it.
 */
export async function parseKeystore(bytes: Buffer, password: string | undefined): Promise<Keystore> {
  const format = detectFormat(bytes);
  if (format === 'jks') return parseJks(bytes, password);
  if (format === 'pkcs12') {
    const { parsePkcs12 } = await import('./pkcs12.js');
    return parsePkcs12(bytes, password === '' ? undefined : password);
  }
  if (format === 'jceks') throw new KeystoreError({ key: 'keystore.error.jceks' }, 'unsupported');
  throw new KeystoreError({ key: 'keystore.error.notKeystore' }, 'not-a-keystore');
}

export interface OpenedKeystore extends Keystore {
  /** The file itself, links followed: what a rewrite replaces. */
  file: string;
  /** The bytes read: a rewrite checks that the file still holds them just before it swaps. */
  bytes: Buffer;
}

/**
 * Reads a keystore file; bad input (missing, unreadable, damaged, wrong password) is a
 * KeystoreFileError naming the file as given: the command says which input it was (`--keystore`
 * when typed, `--storepass` for a wrong password; under `check --fix`, the store Java reads).
 */
export async function openKeystore(file: string, password: string | undefined): Promise<OpenedKeystore> {
  let real: string;
  let bytes: Buffer;
  try {
    real = await realpath(file);
    bytes = await readInputFile(real);
  } catch (error) {
    throw new KeystoreFileError(fileProblem(error, file));
  }
  try {
    return { ...(await parseKeystore(bytes, password)), file: real, bytes };
  } catch (error) {
    // a wrong password is about the password given (`--storepass`), not the file
    if (error instanceof KeystoreError)
      throw new KeystoreFileError(
        { key: 'keystore.error.inFile', params: { file }, parts: { problem: error.text } },
        error.reason === 'wrong-password' ? 'storepass' : 'keystore',
      );
    throw error;
  }
}

export async function serializeKeystore(keystore: Keystore, password: string): Promise<Buffer> {
  if (keystore.format === 'jks') return serializeJks(keystore.entries, password);
  if (keystore.passwordProtected) {
    throw new KeystoreFileError({ key: 'keystore.error.protectedPkcs12' });
  }
  const { serializePkcs12 } = await import('./pkcs12.js');
  return serializePkcs12(keystore.entries);
}

export interface WriteResult {
  backup: string;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Why a file could not be written, named as the system said it: a read-only mount, an immutable
 * file (root gets EPERM only for that), missing rights, a full disk.
 */
export function writeError(error: unknown, file: string): KeystoreWriteError {
  const code = (error as NodeJS.ErrnoException).code;
  const why: Text =
    code === 'EROFS'
      ? { key: 'keystore.error.why.readOnly' }
      : code === 'EPERM' && process.getuid?.() === 0
        ? { key: 'keystore.error.why.immutable' }
        : code === 'EACCES' || code === 'EPERM'
          ? { key: 'keystore.error.why.denied' }
          : code === 'ENOSPC' || code === 'EDQUOT'
            ? { key: 'keystore.error.why.full' }
            : fileProblem(error, file);
  return new KeystoreWriteError({ key: 'keystore.error.cannotWrite', params: { file }, parts: { why } });
}

/** A copy of `target` beside it, under a name no other run is using. */
async function takeBackup(target: string, now: Date, mode: number): Promise<string> {
  const base = `${target}.siem-doctor-${stamp(now)}`;
  for (let n = 1; n <= 100; n++) {
    const backup = n === 1 ? `${base}.bak` : `${base}-${n}.bak`;
    try {
      await copyFile(target, backup, constants.COPYFILE_EXCL);
      await chmod(backup, mode);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        await rm(backup, { force: true }).catch(() => undefined);
        throw writeError(error, backup);
      }
    }
  }
  throw new KeystoreWriteError({ key: 'keystore.error.backups', params: { file: target } });
}

export interface ReplaceSteps {
  /** Writes the new keystore into `temp`, a fresh empty file beside the target. */
  fill(temp: string): Promise<void>;
  /** Throws unless `temp` holds exactly what was meant. */
  verify(temp: string): Promise<void>;
  /** The target's bytes when the change was planned: it must still hold them just before the swap. */
  expected?: Buffer;
  now?: Date;
}

/**
 * The one way a keystore is replaced, natively or through keytool. A backup is taken; the new
 * file is made beside the target, flushed to disk, given the original's mode and owner, checked,
 * and renamed over the target (atomic on one file system), then the folder is flushed too. On
 * any failure before the rename the target is untouched and neither the temporary file nor the
 * backup (of a write that never happened) is left behind.
 */
export async function replaceKeystoreFile(target: string, steps: ReplaceSteps): Promise<WriteResult> {
  const dir = path.dirname(target);
  const temp = path.join(
    dir,
    `.${path.basename(target)}.siem-doctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  const original = await stat(target);
  const mode = original.mode & 0o777;
  const backup = await takeBackup(target, steps.now ?? new Date(), mode);
  try {
    await (await open(temp, 'wx', mode)).close();
    await steps.fill(temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, mode);
    if (process.getuid?.() === 0) await chown(temp, original.uid, original.gid);
    await steps.verify(temp);
    if (steps.expected && !(await readFile(target)).equals(steps.expected)) {
      throw new KeystoreWriteError({ key: 'keystore.error.changedMeanwhile', params: { file: target } });
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    await rm(backup, { force: true });
    if (error instanceof DoctorError || error instanceof KeystoreError) throw error;
    throw writeError(error, target);
  }
  // The rename itself must reach the disk too.
  const folder = await open(dir, 'r').catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close();
  return { backup };
}

/**
 * Replaces `target` (already resolved through links) with `keystore`, keeping a backup, and reads
 * the result back: what it returns is the keystore as the file now holds it.
 */
export async function writeKeystoreAtomically(
  target: string,
  keystore: Keystore,
  password: string,
  { now = new Date(), expected }: { now?: Date; expected?: Buffer } = {},
): Promise<WriteResult & { written: Keystore }> {
  const bytes = await serializeKeystore(keystore, password);
  const readBack = async (file: string) =>
    parseKeystore(await readInputFile(file), keystore.format === 'jks' ? password : undefined);
  const { backup } = await replaceKeystoreFile(target, {
    fill: (temp) => writeFile(temp, bytes),
    // Read back before the swap: what replaces the original must be exactly what we meant.
    verify: async (temp) =>
      verifySame(await readBack(temp), keystore, { key: 'keystore.error.outcome.kept' }),
    now,
    ...(expected && { expected }),
  });
  const written = await readBack(target);
  verifySame(written, keystore, { key: 'keystore.error.outcome.replaced', params: { backup } });
  return { backup, written };
}

function verifySame(written: Keystore, intended: Keystore, outcome: Text): void {
  const key = (e: KeystoreEntry) =>
    e.kind === 'trusted'
      ? `t:${e.alias}:${e.der.toString('base64')}`
      : `o:${e.alias}:${e.raw.toString('base64')}`;
  const a = written.entries.map(key);
  const b = intended.entries.map(key);
  if (a.length !== b.length || a.some((k, i) => k !== b[i])) {
    throw new KeystoreError({ key: 'keystore.error.readBack', parts: { outcome } }, 'damaged');
  }
}

export function trustedEntries(keystore: Keystore): TrustedCertEntry[] {
  return keystore.entries.filter((e): e is TrustedCertEntry => e.kind === 'trusted');
}
