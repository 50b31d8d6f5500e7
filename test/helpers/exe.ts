// The single-file executables `npm run dist` builds (npm test builds them first), and how the
// tests run them: in a PATH that holds no node, so nothing can quietly fall back to it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.js';

export const LINUX_EXE = path.join(ROOT, 'dist', 'siem-doctor-linux-x64');
export const WINDOWS_EXE = path.join(ROOT, 'dist', 'siem-doctor-win-x64.exe');

export function requireBuilt(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run dist\` first (npm test does)`);
  return file;
}

/** A bin folder with only the tools named (e.g. java, keytool), and no node. */
export async function pathWithout(tools: string[]): Promise<{ dir: string; PATH: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-nonode-'));
  const bin = path.join(dir, 'bin');
  await mkdir(bin);
  for (const tool of tools) await symlink(path.join('/usr/bin', tool), path.join(bin, tool));
  return { dir, PATH: bin };
}

/** What a run reports that differs between two runs of the same inputs: times and durations. */
export function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !/^(startedAt|finishedAt|durationMs|ms)$/.test(key))
        .map(([key, v]) => [key, withoutTimes(v)]),
    );
  }
  return value;
}
