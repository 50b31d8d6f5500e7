// Opening and safely rewriting a trust store file. A keystore is never left half written: the
// new bytes go to a temporary file beside it, are flushed to disk, take the original's mode and
// owner, and replace it by rename (atomic on one file system); a backup is taken first, and the
// result is read back and compared before anyone is told it worked.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, chown, copyFile, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFileError, UsageError } from '../errors.js';
import { parseJks, serializeJks } from './jks.js';
import {
  detectFormat,
  KeystoreError,
  type Keystore,
  type KeystoreEntry,
  type TrustedCertEntry,
} from './model.js';
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
  if (format === 'jceks')
    throw new KeystoreError(
      'a JCEKS keystore: siem-doctor reads JKS and PKCS#12 only; use --keytool',
      'unsupported',
    );
  throw new KeystoreError('not a keystore: neither JKS nor PKCS#12', 'not-a-keystore');
}

export interface OpenedKeystore extends Keystore {
  /** The file itself, links followed: what a rewrite replaces. */
  file: string;
}

/** Reads a keystore file; bad input (missing, unreadable, damaged, wrong password) is a UsageError. */
export async function openKeystore(file: string, password: string | undefined): Promise<OpenedKeystore> {
  let real: string;
  let bytes: Buffer;
  try {
    real = await realpath(file);
    bytes = await readFile(real);
  } catch (error) {
    throw new UsageError(`--keystore: ${describeFileError(error, file)}`);
  }
  try {
    return { ...(await parseKeystore(bytes, password)), file: real };
  } catch (error) {
    if (error instanceof KeystoreError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

export async function serializeKeystore(keystore: Keystore, password: string): Promise<Buffer> {
  if (keystore.format === 'jks') return serializeJks(keystore.entries, password);
  if (keystore.passwordProtected) {
    throw new UsageError(
      'this PKCS#12 keystore is protected by a password: siem-doctor writes only password-less PKCS#12 (as JDK 18+ cacerts); use --keytool',
    );
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
 * Replaces `target` (already resolved through links) with `keystore`, keeping a backup. On any
 * failure the original is untouched and the temporary file removed. Permission problems say what
 * to do (run as Administrator/root).
 */
export async function writeKeystoreAtomically(
  target: string,
  keystore: Keystore,
  password: string,
  now = new Date(),
): Promise<WriteResult> {
  const bytes = await serializeKeystore(keystore, password);
  const dir = path.dirname(target);
  const base = path.basename(target);
  const backup = path.join(dir, `${base}.siem-doctor-${stamp(now)}.bak`);
  const temp = path.join(dir, `.${base}.siem-doctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const original = await stat(target);
  const permission = (error: unknown, file: string) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return new UsageError(
        `cannot write ${file}: permission denied; run as Administrator/root (nothing was changed)`,
      );
    }
    return new UsageError(`cannot write ${file}: ${describeFileError(error, file)} (nothing was changed)`);
  };
  try {
    await copyFile(target, backup, constants.COPYFILE_EXCL);
    await chmod(backup, original.mode & 0o777);
  } catch (error) {
    throw permission(error, backup);
  }
  try {
    const handle = await open(temp, 'wx', original.mode & 0o777);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, original.mode & 0o777);
    if (process.getuid?.() === 0) await chown(temp, original.uid, original.gid);
    // Read back before the swap: what replaces the original must be exactly what we meant.
    verifySame(
      await parseKeystore(await readFile(temp), keystore.format === 'jks' ? password : undefined),
      keystore,
    );
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof UsageError || error instanceof KeystoreError) throw error;
    throw permission(error, target);
  }
  // The rename itself must reach the disk too.
  const folder = await open(dir, 'r').catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close();
  verifySame(
    await parseKeystore(await readFile(target), keystore.format === 'jks' ? password : undefined),
    keystore,
  );
  return { backup };
}

function verifySame(written: Keystore, intended: Keystore): void {
  const key = (e: KeystoreEntry) =>
    e.kind === 'trusted'
      ? `t:${e.alias}:${e.der.toString('base64')}`
      : `o:${e.alias}:${e.raw.toString('base64')}`;
  const a = written.entries.map(key);
  const b = intended.entries.map(key);
  if (a.length !== b.length || a.some((k, i) => k !== b[i])) {
    throw new KeystoreError(
      'the keystore read back differs from what was written; the original was kept',
      'damaged',
    );
  }
}

export function trustedEntries(keystore: Keystore): TrustedCertEntry[] {
  return keystore.entries.filter((e): e is TrustedCertEntry => e.kind === 'trusted');
}
