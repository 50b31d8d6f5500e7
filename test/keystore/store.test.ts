import { chmod, copyFile, lstat, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { openKeystore, writeError, writeKeystoreAtomically } from '../../src/keystore/store.js';
import { KeystoreFileError } from '../../src/errors.js';
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

  it('refuses a wrong password or a damaged file with a KeystoreFileError that names the file and its input role, no flag', async () => {
    const { file } = await copy();
    await expect(openKeystore(file, 'nope')).rejects.toThrow(KeystoreFileError);
    // a wrong password is about the password (--storepass), a file that is no keystore about the file
    await expect(openKeystore(file, 'nope')).rejects.toMatchObject({ code: 'keystore', input: 'storepass' });
    await expect(openKeystore(path.join(FIXTURES, 'cef-samples.txt'), 'changeit')).rejects.toMatchObject({
      code: 'keystore',
      input: 'keystore',
    });
    await expect(openKeystore('/nonexistent/cacerts', 'changeit')).rejects.toThrow(
      /^\/nonexistent\/cacerts does not exist$/,
    );
    await expect(openKeystore(file, 'nope')).rejects.toThrow(/wrong keystore password/);
    await expect(openKeystore(path.join(FIXTURES, 'cef-samples.txt'), 'changeit')).rejects.toThrow(
      /not a keystore/,
    );
    await expect(openKeystore('/nonexistent/cacerts', 'changeit')).rejects.toThrow(/does not exist/);
  });
});

// Writes that cannot happen, made real: an immutable file, a read-only mount, a full file system.
// chattr and mount need root (the test machine runs as root); elsewhere these cases are skipped.
describe.runIf(process.getuid?.() === 0)(
  'a write that cannot happen leaves nothing behind and says why',
  () => {
    const undo: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const step of undo.reverse()) await step().catch(() => undefined);
      undo.length = 0;
    });
    /** A copy of cacerts in `dir` (its own folder unless told) and the entry to add to it. */
    async function attempt(dir?: string) {
      const copied = await keystoreCopy();
      undo.push(() => rm(copied.dir, { recursive: true, force: true }));
      const file = dir ? path.join(dir, 'cacerts') : copied.file;
      if (dir) await copyFile(copied.file, file);
      const store = await openKeystore(file, 'changeit');
      const before = await readFile(file);
      const entry = await azureCa03Entry();
      const write = () =>
        writeKeystoreAtomically(store.file, { ...store, entries: [...store.entries, entry] }, 'changeit');
      return { file, before, folder: path.dirname(file), write };
    }

    it('an immutable keystore (chattr +i): named as such, no backup left', async () => {
      const copied = await keystoreCopy();
      undo.push(() => rm(copied.dir, { recursive: true, force: true }));
      await execa('chattr', ['+i', copied.file]);
      undo.unshift(() => execa('chattr', ['-i', copied.file])); // before the folder is removed
      const store = await openKeystore(copied.file, 'changeit');
      const before = await readFile(copied.file);
      await expect(
        writeKeystoreAtomically(
          copied.file,
          { ...store, entries: [...store.entries, await azureCa03Entry()] },
          'changeit',
        ),
      ).rejects.toThrow(
        /^cannot write .*cacerts: the file or its folder is marked immutable or append-only .*\(nothing was changed\)$/,
      );
      expect(await readdir(copied.dir)).toEqual(['cacerts']);
      expect((await readFile(copied.file)).equals(before)).toBe(true);
      expect(await keytoolList(copied.file)).toHaveLength(140);
    });

    it('a read-only mount: named as such, nothing made', async () => {
      const { file, before, folder, write } = await attempt();
      await execa('mount', ['--bind', '-o', 'ro', folder, folder]);
      undo.push(() => execa('umount', [folder]));
      await expect(write()).rejects.toThrow(
        /^cannot write .*: the file system is mounted read-only \(nothing was changed\)$/,
      );
      expect(await readdir(folder)).toEqual(['cacerts']);
      expect((await readFile(file)).equals(before)).toBe(true);
    });

    it('a full file system: no space named, the backup of the write that never happened removed', async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-full-'));
      undo.push(() => rm(dir, { recursive: true, force: true }));
      const size = (await stat(CACERTS)).size;
      // room for the backup, not for the new file as well
      await execa('mount', [
        '-t',
        'tmpfs',
        '-o',
        `size=${Math.ceil((size * 1.5) / 4096) * 4}k`,
        'tmpfs',
        dir,
      ]);
      undo.push(() => execa('umount', [dir]));
      const { file, before, write } = await attempt(dir);
      await expect(write()).rejects.toThrow(
        /^cannot write .*: no space left on the device \(nothing was changed\)$/,
      );
      expect(await readdir(dir)).toEqual(['cacerts']);
      expect((await readFile(file)).equals(before)).toBe(true);
      expect(await keytoolList(file)).toHaveLength(140);
    });
  },
);

describe('writeError', () => {
  it('names EROFS, EPERM (as root: immutable), EACCES and ENOSPC', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    expect(writeError(error('EROFS'), '/x').message).toContain('mounted read-only');
    expect(writeError(error('EACCES'), '/x').message).toContain(
      'permission denied; run as Administrator/root',
    );
    expect(writeError(error('ENOSPC'), '/x').message).toContain('no space left');
    expect(writeError(error('EPERM'), '/x').message).toContain(
      process.getuid?.() === 0 ? 'immutable' : 'permission denied',
    );
  });
});
