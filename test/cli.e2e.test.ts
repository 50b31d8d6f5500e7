// The installed command as a user's shell runs it: a separate process, real exit codes.
import { execa } from 'execa';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JRE, ROOT } from './helpers/paths.js';

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
