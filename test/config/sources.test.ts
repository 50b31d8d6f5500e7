// The files the settings name (--config, --ca-file) are read as regular files only: a FIFO or a
// device is refused at once, as a separate process with a bound shows (a hang would be killed).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

let dir: string;
let fifo: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sd-sources-'));
  fifo = path.join(dir, 'siem-doctor.json');
  await execa('mkfifo', [fifo]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** siem-doctor as a separate process, ended after 20 s whatever happens. */
function spawnDoctor(args: string[]) {
  return execa(process.execPath, [path.join(ROOT, 'bin', 'run.js'), ...args], {
    reject: false,
    timeout: 20_000,
    env: { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', PATH: process.env.PATH },
    extendEnv: false,
  });
}

describe('files named by the settings that are no files', () => {
  it.each([
    ['--config', 'FIFO', 'a FIFO (named pipe), not a file to read'],
    ['--config', '/dev/zero', 'a device, not a file to read'],
    ['--ca-file', 'FIFO', 'a FIFO (named pipe), not a file to read'],
    ['--ca-file', '/dev/zero', 'a device, not a file to read'],
  ])(
    '%s %s: exit 2 with one line, nothing waited on or read without end',
    async (flag, given, expected) => {
      const file = given === 'FIFO' ? fifo : given;
      const run = await spawnDoctor(['check', '--only', 'token', flag, file]);
      expect(run.timedOut).toBe(false);
      expect(run.exitCode).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([`Error: ${flag}: ${file}: ${expected}`]);
    },
    30_000,
  );

  it.each([
    [
      'fr_FR.UTF-8',
      '--config',
      'FIFO',
      'Erreur : --config : FILE : une FIFO (tube nommé), pas un fichier à lire',
    ],
    [
      'nl_NL.UTF-8',
      '--ca-file',
      '/dev/zero',
      'Fout: --ca-file: FILE: een apparaat, geen bestand om te lezen',
    ],
  ])(
    '%s %s %s: the same line in the user’s language',
    async (lang, flag, given, expected) => {
      const file = given === 'FIFO' ? fifo : given;
      const run = await execa(
        process.execPath,
        [path.join(ROOT, 'bin', 'run.js'), 'check', '--only', 'token', flag, file],
        {
          reject: false,
          timeout: 20_000,
          env: { LC_ALL: lang, LANG: lang, PATH: process.env.PATH },
          extendEnv: false,
        },
      );
      expect(run.exitCode).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([expected.replace('FILE', file)]);
    },
    30_000,
  );
});
