import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentLogs } from '../src/checks/agent-logs.js';
import { scanLogs } from '../src/logs/scan.js';
import { runOne } from './helpers/context.js';
import { doctor } from './helpers/cli.js';
import { brokenAgentLogs, FIXTURES } from './helpers/paths.js';

let BROKEN: string;
beforeAll(async () => {
  BROKEN = await brokenAgentLogs();
});
const CLEAN = path.join(FIXTURES, 'agent-logs', 'clean');
const TOKEN = 'QTFiMkMzZDRBMWIyQzNkNEExYjJDM2Q0QTFiMkMzZDRBMWIyQzNkNEExYjJDM2Q0QTFiMkMzZDQ=';

describe('scanLogs', () => {
  it('maps Java exceptions and error names to documented errors, most recent first', async () => {
    const scan = await scanLogs(BROKEN);
    expect(scan.files).toBe(2);
    expect(scan.matches.map((m) => [m.error, m.count])).toEqual([
      ['Data server connection error', 2], // "Connection refused", then the name itself
      ['Issue with new versions of Java', 2], // PKIX path building failed
    ]);
    expect(scan.matches[0]!.last).toMatchObject({ file: 'siem-agent.log', line: 5 });
  });

  it('finds nothing in a healthy log', async () => {
    expect((await scanLogs(CLEAN)).matches).toEqual([]);
  });
});

describe('agent-logs', () => {
  it('fails with the documented error it found, and its steps', async () => {
    const result = await runOne(agentLogs, { logsDirectory: BROKEN });
    expect(result).toMatchObject({
      status: 'fail',
      documentedError: 'Data server connection error',
      evidence: { alsoFound: ['Issue with new versions of Java'] },
    });
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

describe('siem-doctor logs', () => {
  it('reports in JSON and exits 1 when a documented error is found', async () => {
    const { stdout, exitCode } = await doctor(['logs', BROKEN, '--json']);
    expect(exitCode).toBe(1);
    expect(JSON.parse(stdout).matches.map((m: { error: string }) => m.error)).toEqual([
      'Data server connection error',
      'Issue with new versions of Java',
    ]);
  });

  it('exits 0 on a clean log and 2 on a folder it cannot read', async () => {
    expect((await doctor(['logs', CLEAN])).exitCode).toBe(0);
    const missing = await doctor(['logs', '/nonexistent/logs']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.trim()).toBe('Error: cannot read the logs directory /nonexistent/logs (ENOENT)');
  });

  it('never prints the token, even when the agent logged it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-logs-'));
    await writeFile(path.join(dir, 'agent.log'), `2026-11-21 10:00:00 ERROR Invalid token ${TOKEN}\n`);
    const runs = [
      await doctor(['logs', dir], { SIEM_DOCTOR_TOKEN: TOKEN }),
      await doctor(['logs', dir, '--json'], { SIEM_DOCTOR_TOKEN: TOKEN }),
      await doctor(['check', '--only', 'agent-logs', '--logs-directory', dir, '--token', TOKEN, '--json']),
    ];
    for (const { stdout, stderr } of runs) {
      expect(stdout + stderr).not.toContain(TOKEN);
      expect(stdout).toContain('Invalid token');
      expect(stdout).toContain('<redacted>');
    }
  });
});

describe('siem-doctor logs: secrets it learnt or only sees the shape of', () => {
  const dirs: string[] = [];
  const logDir = async (lines: string[]) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-logs-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'agent.log'), `${lines.join('\n')}\n`);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('redacts the token of the --config file wherever a log line holds it', async () => {
    // not next to the word token: only knowing the file's token catches it
    const dir = await logDir([`2026-11-21 10:00:00 ERROR Invalid token; the agent sent ${TOKEN} (rejected)`]);
    const file = path.join(dir, 'siem-doctor.json');
    await writeFile(file, JSON.stringify({ token: TOKEN, logsDirectory: dir }));
    for (const args of [[], ['--json']]) {
      const { stdout, stderr, exitCode } = await doctor(['logs', '--config', file, ...args]);
      expect(exitCode).toBe(1);
      expect(stdout + stderr).not.toContain(TOKEN);
      expect(stdout).toContain('the agent sent <redacted> (rejected)');
    }
  });

  it('redacts secrets it was never told by their shape, and nothing around them', async () => {
    const dir = await logDir([
      'ERROR Invalid token, request had token=Zm9vYmFyU2VjcmV0MQ',
      'ERROR Too many critical errors; Authorization: Token QXV0aFNlY3JldA==',
      'ERROR General error during bootstrap: keystore password=Hunter2!x',
      'ERROR Invalid proxy address bob:Pr0xyPw@proxy.contoso.local:3128',
      'ERROR Internal error {"password": "SnNvblNlY3JldA", "user": "bob"}',
    ]);
    for (const args of [[], ['--json']]) {
      const { stdout } = await doctor(['logs', dir, ...args]);
      for (const secret of [
        'Zm9vYmFyU2VjcmV0MQ',
        'QXV0aFNlY3JldA==',
        'Hunter2!x',
        'Pr0xyPw',
        'SnNvblNlY3JldA',
      ])
        expect(stdout).not.toContain(secret);
      const lines = args.length
        ? JSON.parse(stdout).matches.map((m: { last: { text: string } }) => m.last.text)
        : stdout.split('\n').map((line) => line.trim());
      expect(lines).toEqual(
        expect.arrayContaining([
          'ERROR Invalid token, request had token=<redacted>',
          'ERROR Too many critical errors; Authorization: Token <redacted>',
          'ERROR General error during bootstrap: keystore password=<redacted>',
          'ERROR Invalid proxy address <redacted>@proxy.contoso.local:3128',
          'ERROR Internal error {"password": "<redacted>", "user": "bob"}',
        ]),
      );
    }
  });
});
