import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { KeystoreBusyError, lockFileOf, withKeystoreLock } from '../../src/keystore/lock.js';
import { keystoreCopy } from '../helpers/keystores.js';

let dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});
async function keystore() {
  const copy = await keystoreCopy();
  dirs.push(copy.dir);
  return copy;
}
/** The pid of a process that has ended: nothing runs under it any more. */
function deadPid(): number {
  return spawnSync('true').pid; // spawnSync has waited for it: the pid is free
}

describe('withKeystoreLock', () => {
  it('holds a lock file beside the keystore while it works, and removes it afterwards', async () => {
    const { dir, file } = await keystore();
    const seen = await withKeystoreLock(file, async () =>
      JSON.parse(await readFile(lockFileOf(file), 'utf8')),
    );
    expect(seen).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(await readdir(dir)).toEqual(['cacerts']);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const { dir, file } = await keystore();
    const pid = deadPid();
    await writeFile(
      lockFileOf(file),
      JSON.stringify({ pid, host: os.hostname(), since: Date.now(), token: 'x' }),
    );
    expect(await withKeystoreLock(file, async () => 'ran', { waitMs: 500 })).toBe('ran');
    expect(await readdir(dir)).toEqual(['cacerts']);
  });

  it('takes over a lock older than any write, even of a live process', async () => {
    const { file } = await keystore();
    const lock = lockFileOf(file);
    const since = Date.now() - 3_600_000;
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: os.hostname(), since, token: 'x' }));
    await utimes(lock, new Date(since), new Date(since));
    expect(await withKeystoreLock(file, async () => 'ran', { waitMs: 500 })).toBe('ran');
  });

  it('fails clearly, changing nothing, while a live process holds the lock', async () => {
    const { file } = await keystore();
    const held = JSON.stringify({ pid: process.ppid, host: os.hostname(), since: Date.now(), token: 'y' });
    await writeFile(lockFileOf(file), held);
    let ran = false;
    const attempt = withKeystoreLock(file, async () => (ran = true), { waitMs: 300 });
    await expect(attempt).rejects.toThrow(KeystoreBusyError);
    await expect(attempt).rejects.toMatchObject({ code: 'busy' }); // a domain error: {"error": {"code": "busy"}}
    await expect(attempt).rejects.toThrow(`another siem-doctor is changing ${file} (pid ${process.ppid}`);
    expect(ran).toBe(false);
    expect(await readFile(lockFileOf(file), 'utf8')).toBe(held); // someone else's lock is left alone
  });

  it('says the lock is held, not "Invalid time value", when the lock file names no time or host', async () => {
    const { file } = await keystore();
    await writeFile(lockFileOf(file), JSON.stringify({ pid: process.ppid, token: 'z' }));
    const attempt = withKeystoreLock(file, async () => undefined, { waitMs: 300 });
    await expect(attempt).rejects.toThrow(KeystoreBusyError);
    await expect(attempt).rejects.toThrow(`another siem-doctor is changing ${file}; nothing was changed`);
  });

  it('lets one holder at a time work: overlapping callers run one after the other', async () => {
    const { file } = await keystore();
    let inside = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++inside);
      await new Promise((r) => setTimeout(r, 50));
      inside--;
    };
    await Promise.all([1, 2, 3].map(() => withKeystoreLock(file, work, { waitMs: 5_000 })));
    expect(most).toBe(1);
  });
});
