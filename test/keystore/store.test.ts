import { chmod, readdir, readFile, stat, symlink, lstat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openKeystore, writeKeystoreAtomically } from '../../src/keystore/store.js';
import { UsageError } from '../../src/errors.js';
import { CACERTS, FIXTURES } from '../helpers/paths.js';
import { keytoolList } from '../helpers/keytool.js';
import { azureCa03Entry, keystoreCopy } from '../helpers/keystores.js';

/** A copy of cacerts with a mode that is not the default, to see that a write keeps it. */
async function copy() {
  const copied = await keystoreCopy();
  await chmod(copied.file, 0o640);
  return copied;
}

describe('writeKeystoreAtomically', () => {
  it('backs up, swaps in the new file with the same mode, and keytool reads the result', async () => {
    const { dir, file } = await copy();
    const store = await openKeystore(file, 'changeit');
    const { backup } = await writeKeystoreAtomically(
      store.file,
      { ...store, entries: [...store.entries, await azureCa03Entry()] },
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
      { ...store, entries: [...store.entries, await azureCa03Entry()] },
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
