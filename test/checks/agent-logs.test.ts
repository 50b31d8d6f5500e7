// agent-logs on the agent's log folders of fixtures/agent-logs (a broken one, copied with the file
// times a real agent leaves, and a clean one), an empty, a missing and an all-binary one. The scan
// library and the logs command (which also compare their findings with the check's) are tested in
// test/logs.test.ts.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { agentLogs, shellWord } from '../../src/checks/agent-logs.js';
import { runOne } from '../helpers/context.js';
import { removeTempDirs, tempDir } from '../helpers/logs.js';
import { brokenAgentLogs, FIXTURES } from '../helpers/paths.js';

let BROKEN: string;
beforeAll(async () => {
  BROKEN = await brokenAgentLogs();
});
const CLEAN = path.join(FIXTURES, 'agent-logs', 'clean');

describe('agent-logs', () => {
  it('fails with the documented error it found, and its steps', async () => {
    const result = await runOne(agentLogs, { logsDirectory: BROKEN });
    expect(result).toMatchObject({
      status: 'fail',
      documentedError: 'Data server connection error',
    });
    expect((result.evidence!.findings as { error: string }[]).map((f) => f.error)).toEqual([
      'Data server connection error',
      'Data server connection error',
      'Issue with new versions of Java',
    ]);
    expect(result.resolution![0]).toContain('check the server name and port');
  });

  it('passes a clean log, skips without a directory or without log files, fails an unreadable one', async () => {
    expect((await runOne(agentLogs, { logsDirectory: CLEAN })).status).toBe('pass');
    expect((await runOne(agentLogs, {})).status).toBe('skip');
    expect(
      (await runOne(agentLogs, { logsDirectory: await mkdtemp(path.join(os.tmpdir(), 'sd-logs-')) })).status,
    ).toBe('skip');
    const missing = await runOne(agentLogs, { logsDirectory: '/nonexistent/logs' });
    expect(missing).toMatchObject({
      status: 'fail',
      message: 'the logs directory /nonexistent/logs cannot be read (ENOENT)',
    });
    expect(missing.documentedError).toBeUndefined();
  });
});

// From test/logs.test.ts, under its describe's name: of the tests there, the one on the check alone.
describe('logs that are not plain text from their first byte', () => {
  afterEach(removeTempDirs);

  it('says it could not confirm anything when every file was skipped', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'only.bin.log'), randomBytes(4096));
    const result = await runOne(agentLogs, { logsDirectory: dir });
    expect(result).toMatchObject({
      status: 'warn',
      evidence: { files: 0, skipped: ['only.bin.log: binary'] },
    });
    expect(result.message).toContain('could not confirm');
  });
});

describe('the command that reproduces a finding', () => {
  afterEach(removeTempDirs);

  it('pasted into sh, finds the line in a folder whose name holds quotes, $( ) and backticks, and runs nothing', async () => {
    const root = await tempDir();
    const dir = path.join(root, `it's "logs" $(touch pwned-dollar) \`touch pwned-tick\``);
    await mkdir(dir);
    await writeFile(
      path.join(dir, 'agent.log'),
      '2026-11-21 10:00:00 WARN Could not send events to siem.contoso.local:514\njava.net.ConnectException: Connection refused\n',
    );
    const result = await runOne(agentLogs, { logsDirectory: dir, syslogHost: 'siem.contoso.local' });
    expect(result.status).toBe('fail');
    const run = await execa('sh', ['-c', result.reproduce!], { cwd: root, reject: false, timeout: 10_000 });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Connection refused');
    expect((await readdir(root)).sort()).toEqual([path.basename(dir)]);
  });

  it('quotes a word for sh, its single quotes included', () => {
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWord('$(x) `y` "z"')).toBe(`'$(x) \`y\` "z"'`);
  });
});
