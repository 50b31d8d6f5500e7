// The npm form as a user gets it: the packed tarball installed into an empty folder, offline.
// Everything it runs is bundled into dist/, so it installs siem-doctor and nothing else.
import { execa } from 'execa';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACERTS, ROOT } from '../helpers/paths.js';

let dir: string;
let files: string[];
let installed: string;
const env = { ...process.env, LANG: 'C', LC_ALL: 'C', NO_COLOR: '1', JAVA_HOME: '' };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sd-npm-'));
  const packed = await execa('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT });
  const [info] = JSON.parse(packed.stdout);
  files = info.files.map((f: { path: string }) => f.path);
  installed = path.join(dir, 'app');
  await execa('npm', [
    'install',
    '--offline',
    '--no-audit',
    '--no-fund',
    '--prefix',
    installed,
    path.join(dir, info.filename),
  ]);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) =>
  execa(path.join(installed, 'node_modules', '.bin', 'siem-doctor'), args, { env, reject: false, cwd: dir });

describe('the packed npm package', () => {
  it('carries the bundle, the manifest, the licence and the entry, and nothing for development', () => {
    expect(files).toEqual(
      expect.arrayContaining(['bin/run.js', 'dist/main.js', 'oclif.manifest.json', 'LICENSE']),
    );
    expect(
      files.filter((f) => /^(test|fixtures|bench|src|scripts)\/|^bin\/dev\.js$|^dist\/siem-doctor-/.test(f)),
    ).toEqual([]);
  });

  it('installs siem-doctor and nothing else', async () => {
    const modules = (await readdir(path.join(installed, 'node_modules'))).filter(
      (name) => !name.startsWith('.'),
    );
    expect(modules).toEqual(['siem-doctor']);
  });

  it('runs --version, check and certs list from the installed package', async () => {
    const version = await run(['--version']);
    expect(version.stdout).toMatch(/^siem-doctor\/\d+\.\d+\.\d+ linux-x64 node-v\d+/);
    const check = await run(['check', '--only', 'java-runtime,lifecycle']);
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toMatch(/PASS\s+java-runtime/);
    const certs = await run(['certs', 'list', '--keystore', CACERTS]);
    expect(certs.exitCode).toBe(0);
    expect(certs.stdout).toContain('(JKS, 140 entries)');
  });

  // @oclif/plugin-autocomplete declares node >= 22, yet is bundled into a package that supports
  // Node 20: what we bundle of it must work on this machine's node, whatever that is.
  it(`writes working shell completion for bash, zsh and PowerShell on node ${process.version}`, async () => {
    const home = path.join(dir, 'home');
    const created = await execa(
      path.join(installed, 'node_modules', '.bin', 'siem-doctor'),
      ['autocomplete', 'create'],
      { env: { ...env, HOME: home, XDG_CACHE_HOME: '' }, reject: false, cwd: dir },
    );
    expect(created.exitCode, created.stderr).toBe(0);
    const cache = path.join(home, '.cache', 'siem-doctor', 'autocomplete');
    const zsh = await readFile(path.join(cache, 'functions', 'zsh', '_siem-doctor'), 'utf8');
    expect(zsh).toMatch(/^#compdef siem-doctor/);
    expect(zsh).toContain('send-test');
    const ps1 = await readFile(path.join(cache, 'functions', 'powershell', 'siem-doctor.ps1'), 'utf8');
    expect(ps1).toContain('Register-ArgumentCompleter');
    expect(ps1).toContain('send-test');
    // bash: the setup line sourced into a real bash, then its completion function asked
    const complete = (words: string[]) =>
      execa(
        'bash',
        [
          '-c',
          `source "$1"; COMP_WORDS=(\${@:2}); COMP_CWORD=$(($# - 2)); $(complete -p siem-doctor | sed -E 's/.* -F ([^ ]+) .*/\\1/'); echo "\${COMPREPLY[*]}"`,
          'bash',
          path.join(cache, 'bash_setup'),
          ...words,
        ],
        { env: { PATH: process.env.PATH! }, extendEnv: false },
      );
    expect((await complete(['siem-doctor', 'syslog', 'li'])).stdout).toBe('listen');
    expect((await complete(['siem-doctor', 'logs', '--l'])).stdout.split(' ').sort()).toEqual([
      '--lang',
      '--logs-directory',
    ]);
  });
});
