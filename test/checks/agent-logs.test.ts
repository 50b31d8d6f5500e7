// agent-logs on the agent's log folders of fixtures/agent-logs: a broken one (copied with the file
// times a real agent leaves), a clean one, an empty one and a missing one. The scan library and the
// logs command are tested in test/logs.test.ts.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { agentLogs } from '../../src/checks/agent-logs.js';
import { runOne } from '../helpers/context.js';
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
