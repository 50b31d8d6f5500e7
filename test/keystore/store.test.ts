import { X509Certificate } from 'node:crypto';
import { chmod, copyFile, mkdtemp, readdir, readFile, stat, symlink, lstat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKeystore, writeKeystoreAtomically } from '../../src/keystore/store.js';
import { UsageError } from '../../src/errors.js';
import { FIXTURES } from '../helpers/paths.js';
import { keytoolList } from '../helpers/keytool.js';

const CACERTS = path.join(FIXTURES, 'keystores', 'cacerts-140.jks');

async function copy() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-store-'));
  const file = path.join(dir, 'cacerts');
  await copyFile(CACERTS, file);
  await chmod(file, 0o640);
  return { dir, file };
}
const extra = async () => ({
  kind: 'trusted' as const,
  alias: 'azuretls03crt',
  created: new Date(),
  der: new X509Certificate(
    await readFile(path.join(FIXTURES, 'azure-cas', 'azure-rsa-tls-issuing-ca-03.pem')),
  ).raw,
});

describe('writeKeystoreAtomically', () => {
  it('backs up, swaps in the new file with the same mode, and keytool reads the result', async () => {
    const { dir, file } = await copy();
    const store = await openKeystore(file, 'changeit');
    const { backup } = await writeKeystoreAtomically(
      store.file,
      { ...store, entries: [...store.entries, await extra()] },
      'changeit',
    );
    expect((await readFile(backup)).equals(await readFile(CACERTS))).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    expect((await stat(backup)).mode & 0o777).toBe(0o640);
    const listed = await keytoolList(file);
    expect(listed).toHaveLength(141);
    expect(listed.find((l) => l.alias === 'azuretls03crt')?.type).toBe('trustedCertEntry');
    // nothing else is left beside it
    expect((await readdir(dir)).sort()).toEqual(['cacerts', path.basename(backup)].sort());
  });

  it('replaces the file behind a link, and the link stays a link', async () => {
    const { dir, file } = await copy();
    const link = path.join(dir, 'cacerts-link');
    await symlink(file, link);
    const store = await openKeystore(link, 'changeit');
    expect(store.file).toBe(file);
    await writeKeystoreAtomically(
      store.file,
      { ...store, entries: [...store.entries, await extra()] },
      'changeit',
    );
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await keytoolList(link)).toHaveLength(141);
  });

  it('refuses a wrong password or a damaged file with a one-line UsageError', async () => {
    const { file } = await copy();
    await expect(openKeystore(file, 'nope')).rejects.toThrow(UsageError);
    await expect(openKeystore(file, 'nope')).rejects.toThrow(/wrong keystore password/);
    await expect(openKeystore(path.join(FIXTURES, 'cef-samples.txt'), 'changeit')).rejects.toThrow(
      /not a keystore/,
    );
    await expect(openKeystore('/nonexistent/cacerts', 'changeit')).rejects.toThrow(/does not exist/);
  });
});
