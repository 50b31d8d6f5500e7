import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { renderReport } from '../../src/render/index.js';
import { failingReport } from '../helpers/reports.js';

describe('the NDJSON renderer', () => {
  it('writes one standalone JSON object per check, each with runId, startedAt, host and tool', async () => {
    const out = await renderReport(failingReport('agent-07'), 'ndjson', {
      catalog: en,
      color: false,
      secrets: [],
      runId: 'run-1',
    });
    expect(out.endsWith('\n')).toBe(true);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['portal', 'syslog-connection', 'syslog-send', 'agent-logs']);
    for (const line of lines) {
      expect(line).toMatchObject({
        runId: 'run-1',
        startedAt: '2026-11-22T10:00:00.000Z',
        host: 'agent-07',
        tool: { name: 'siem-doctor', version: '1.2.3' },
      });
    }
    expect(lines[0]).toMatchObject({ status: 'fail', documentedError: 'SIEM agent error', durationMs: 1500 });
  });

  it('gives each run its own runId when none is given', async () => {
    const options = { catalog: en, color: false, secrets: [] };
    const a = JSON.parse((await renderReport(failingReport(), 'ndjson', options)).split('\n')[0]!);
    const b = JSON.parse((await renderReport(failingReport(), 'ndjson', options)).split('\n')[0]!);
    expect(a.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.runId).not.toBe(b.runId);
  });
});
