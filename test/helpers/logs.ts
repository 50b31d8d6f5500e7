// Log lines as the agent's log4j writes them, and temporary log folders, for tests that build them.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A time as log4j writes it, in local time (the agent server's, where siem-doctor runs). */
export function stamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())},${pad(d.getMilliseconds(), 3)}`;
}

/** The log folders the test made (tempDir): removed after it, afterEach(removeTempDirs). */
const made: string[] = [];
export const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-logs-'));
  made.push(dir);
  return dir;
};
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
