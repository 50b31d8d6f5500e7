// One writer at a time per keystore. Two `certs import` runs that each read the store, add their
// certificates and rename their copy in would otherwise lose the first run's additions. The lock
// is a file beside the keystore, created whole in one step (written under a private name, then
// hard-linked to the lock's name, which fails if it exists), holding who took it and when. A lock
// whose process is gone (same machine, pid not alive) or that is older than any write can take is
// stale and taken over; one that stays held past the wait is a clear failure, not a silent write.
import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Text } from '../catalog/index.js';
import { DoctorError } from '../errors.js';
import { writeError } from './store.js';

/** A write (even keytool's, certificate by certificate) takes seconds; a lock this old is left over. */
const STALE_AFTER_MS = 10 * 60_000;
const POLL_MS = 100;

interface Holder {
  pid: number;
  host: string;
  since: number;
  token: string;
}

/** The lock stayed held by a live process for the whole wait: nothing was changed (code 'busy'). */
export class KeystoreBusyError extends DoctorError {
  constructor(message: Text) {
    super('busy', message);
  }
}

export function lockFileOf(keystore: string): string {
  return `${keystore}.siem-doctor.lock`;
}

function parseHolder(text: string): Holder | undefined {
  try {
    const holder = JSON.parse(text) as Holder;
    // a lock file of another make (or damaged) is a held lock without a name to give
    return typeof holder.pid === 'number' &&
      typeof holder.token === 'string' &&
      typeof holder.host === 'string' &&
      Number.isFinite(holder.since)
      ? holder
      : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, only not ours to signal
  }
}

async function isStale(lock: string, text: string): Promise<boolean> {
  const holder = parseHolder(text);
  const since = holder?.since ?? (await stat(lock).catch(() => undefined))?.mtimeMs ?? 0;
  if (Date.now() - since > STALE_AFTER_MS) return true;
  return holder !== undefined && holder.host === os.hostname() && !alive(holder.pid);
}

/** Creates the lock whole; false when another holds it. */
async function tryCreate(lock: string, content: string): Promise<boolean> {
  const draft = `${lock}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(draft, content, { flag: 'wx', mode: 0o644 });
    await link(draft, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw writeError(error, lock); // the folder takes no new file: neither would the keystore's
  } finally {
    await rm(draft, { force: true });
  }
}

/**
 * Moves a stale lock out of the way, only if it is still the one judged stale: two runs taking
 * over at once must not remove each other's fresh lock.
 */
async function takeOver(lock: string, judged: string): Promise<void> {
  const aside = `${lock}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(lock, aside);
  } catch {
    return; // already gone: someone else took it over
  }
  const moved = await readFile(aside, 'utf8').catch(() => '');
  // Someone's fresh lock was moved instead: put it back (link fails if yet another exists).
  if (moved !== judged) await link(aside, lock).catch(() => undefined);
  await rm(aside, { force: true });
}

/** How long a run waits for another run's lock on the keystore before it says busy. */
export const LOCK_WAIT_MS = 30_000;

/**
 * Runs `work` holding the keystore's lock. Waits up to `waitMs` for another holder; takes over a
 * stale lock. The lock is removed afterwards only if it is still ours.
 */
export async function withKeystoreLock<T>(
  keystore: string,
  work: () => Promise<T>,
  { waitMs = LOCK_WAIT_MS }: { waitMs?: number } = {},
): Promise<T> {
  const lock = lockFileOf(keystore);
  const token = randomBytes(8).toString('hex');
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: Date.now(), token });
  const rounds = Math.max(1, Math.ceil(waitMs / POLL_MS));
  let held = '';
  let acquired = false;
  for (let round = 0; round < rounds && !acquired; round++) {
    if (await tryCreate(lock, content)) {
      acquired = true;
      break;
    }
    held = await readFile(lock, 'utf8').catch(() => '');
    if (held && (await isStale(lock, held))) {
      await takeOver(lock, held);
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (!acquired) {
    const holder = parseHolder(held);
    throw new KeystoreBusyError(
      holder
        ? {
            key: 'keystore.error.busyBy',
            params: {
              file: keystore,
              pid: holder.pid,
              host: holder.host,
              since: new Date(holder.since).toISOString(),
              lock,
            },
          }
        : { key: 'keystore.error.busy', params: { file: keystore, lock } },
    );
  }
  try {
    return await work();
  } finally {
    const now = await readFile(lock, 'utf8').catch(() => '');
    if (parseHolder(now)?.token === token) await rm(lock, { force: true });
  }
}
