// --json is the same contract for every command that has it: stdout holds only the document, and
// bad input yields `{"error": {"code", "message"}}` on stdout with exit 2 (SPEC.md).
import { execa } from 'execa';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const BIN = path.join(ROOT, 'bin', 'run.js');
const run = (args: string[]) =>
  execa(BIN, args, { reject: false, env: { JAVA_HOME: undefined, NO_COLOR: '1' }, extendEnv: true });

/** One bad input per command: each must come back as a JSON error, not as text. */
const BAD_INPUT: Array<[string, string[], RegExp]> = [
  ['check', ['check', '--syslog-port', '0'], /--syslog-port "0" must be a whole number/],
  [
    'certs list',
    ['certs', 'list', '--keystore', '/nonexistent/cacerts'],
    /\/nonexistent\/cacerts does not exist/,
  ],
  ['certs import', ['certs', 'import', '--keystore', '/nonexistent/cacerts', '--dry-run'], /does not exist/],
  ['logs', ['logs', '/nonexistent/logs'], /\/nonexistent\/logs/],
  [
    'syslog send-test',
    ['syslog', 'send-test', '--syslog-host', '127.0.0.1', '--syslog-port', 'x'],
    /--syslog-port/,
  ],
  ['syslog listen', ['syslog', 'listen', '--port', '70000'], /--port "70000"/],
  ['bundle', ['bundle', '--output', ''], /--output/],
  ['a flag oclif refuses', ['check', '--format', 'yaml'], /yaml/],
];

describe('--json, the same for every command', () => {
  it.each(BAD_INPUT)(
    '%s: bad input is a JSON error object on stdout, exit 2',
    async (_name, args, message) => {
      const { stdout, stderr, exitCode } = await run([...args, '--json']);
      expect(exitCode).toBe(2);
      const document = JSON.parse(stdout) as { error: { code: string; message: string } };
      expect(Object.keys(document)).toEqual(['error']);
      expect(document.error.code).toMatch(/^[a-z]+$/);
      expect(document.error.message).toMatch(message);
      expect(document.error.message).not.toContain('\n');
      // nothing else: no text error line beside the document, no stack
      expect(stderr).not.toMatch(/Error:|\bat \S+ \(/);
    },
  );

  it('without --json the same input is one text line on stderr and nothing on stdout', async () => {
    const { stdout, stderr, exitCode } = await run(['certs', 'list', '--keystore', '/nonexistent/cacerts']);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Error: .*\/nonexistent\/cacerts does not exist/);
  });

  it('a success under --json is the document alone, and the verdict still sets the exit code', async () => {
    const { stdout, exitCode } = await run([
      'check',
      '--only',
      'java-runtime',
      '--java-home',
      '/nonexistent',
      '--json',
    ]);
    const report = JSON.parse(stdout) as { checks: Array<{ id: string; status: string }> };
    // a Java home that does not exist: a failed check, so exit 1
    expect(report.checks.map((r) => [r.id, r.status])).toEqual([['java-runtime', 'fail']]);
    expect(exitCode).toBe(1);
  });
});
