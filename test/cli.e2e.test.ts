// The installed command as a user's shell runs it: a separate process, real exit codes.
import { execa } from 'execa';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JRE, ROOT } from './helpers/paths.js';
import { RAW_CONTROL } from './helpers/terminal.js';

const BIN = path.join(ROOT, 'bin', 'run.js');
const run = (args: string[], env: Record<string, string | undefined> = {}) =>
  execa(BIN, args, { reject: false, env: { JAVA_HOME: undefined, NO_COLOR: '1', ...env }, extendEnv: true });

describe('siem-doctor as a process', () => {
  it('--version prints name/version/platform', async () => {
    const { stdout, exitCode } = await run(['--version']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^siem-doctor\/\d+\.\d+\.\d+ \w+-\w+ node-v\d+/);
  });

  it('check exits 0 with the real Java and plain text on a pipe', async () => {
    const { stdout, exitCode } = await run(['check', '--only', 'java-runtime,lifecycle']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('java-runtime');
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('check exits 1 on a failing check', async () => {
    const { exitCode } = await run(['check', '--only', 'java-runtime', '--java-home', JRE('jre7u80')]);
    expect(exitCode).toBe(1);
  });

  it('bad input exits 2 with one line and no stack trace', async () => {
    const { stderr, stdout, exitCode } = await run(['check', '--syslog-port', '0']);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'Error: --syslog-port "0" must be a whole number from 1 to 65535',
    ]);
  });

  // Values a shell passes as they are (runCommand in-process would split or drop them).
  it.each([
    [['check', '--only', 'lifecycle', '--output', ''], 'Error: --output "" names no file'],
    [['check', '--only', 'lifecycle', '--output', ' '], 'Error: --output " " names no file'],
    [['bundle', '--output', ''], 'Error: --output "" names no file'],
    // today it would listen on every interface
    [['syslog', 'listen', '--port', '5514', '--host', ''], 'Error: --host "" is not an address or host name'],
    [
      ['syslog', 'send-test', '--syslog-host', '127.0.0.1', '--syslog-port', '9', '--system-name', 'a\nb'],
      'Error: --system-name "a\\u000ab" holds control characters',
    ],
    // the URL parser would drop the line feed and probe another host
    [
      ['check', '--portal-url', 'https://contoso.por\ntal.cloudappsecurity.com'],
      'Error: --portal-url "https://contoso.por\\u000atal.cloudappsecurity.com" holds control characters',
    ],
    [['check', '--syslog-host', '\u001b[31mX'], 'Error: --syslog-host "\\u001b[31mX" is not a host name'],
  ])('%j exits 2 with one line, bad input quoted escaped', async (args, expected) => {
    const { stderr, stdout, exitCode } = await run(args, { LANG: 'C', LC_ALL: 'C' });
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toEqual([expect.stringContaining(expected)]);
    expect(stderr.trimEnd()).not.toMatch(RAW_CONTROL);
  });

  it('an unwritable --output exits 2 and says why', async () => {
    const { stderr, exitCode } = await run([
      'check',
      '--only',
      'lifecycle',
      '--output',
      '/proc/nope/report.txt',
    ]);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--output:');
  });
});
