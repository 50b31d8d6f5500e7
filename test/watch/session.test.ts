import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { runRound } from '../../src/checks/round.js';
import { selectChecks } from '../../src/checks/select.js';
import { renderReport } from '../../src/render/index.js';
import { openSession, TEXTFILE_NAME, type SessionOptions } from '../../src/watch/session.js';
import { runLoop } from '../../src/watch/loop.js';
import { config } from '../helpers/context.js';
import { JRE } from '../helpers/paths.js';
import { failingReport } from '../helpers/reports.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The real round of `check`, with only the local checks.
const localChecks = selectChecks({ only: 'lifecycle,java-runtime' });
const cfg = config({ javaHome: JRE('jre8u291'), javaHomeSource: '--java-home', sendTestEvent: false });

function options(overrides: Partial<SessionOptions> = {}): SessionOptions {
  return {
    runReport: (startedAt) =>
      runRound(localChecks, { config: cfg, catalog: en, toolVersion: '1.2.3', startedAt }),
    render: (report, format) => renderReport(report, format, { catalog: en, color: false, secrets: [] }),
    safeLine: (line) => line,
    catalog: en,
    statePath: path.join(dir, 'state.json'),
    warnShare: 0.5,
    textfileDir: dir,
    ...overrides,
  };
}

describe('a watch session', () => {
  it('warns from a kept state that the portal has failed for 1 h 50 min (injected clock)', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-session-'));
    const now = new Date('2026-11-22T12:00:00Z');
    const since = new Date(now.getTime() - 110 * 60_000).toISOString();
    await writeFile(
      path.join(dir, 'state.json'),
      JSON.stringify({
        version: 1,
        checks: { portal: { status: 'fail', lastRun: since, failingSince: since } },
      }),
    );
    const session = await openSession(
      options({
        now: () => now,
        // the portal still fails this round
        runReport: async () => {
          const report = failingReport('agent-01');
          report.checks = report.checks.filter((c) => c.id === 'portal');
          return report;
        },
        output: { file: path.join(dir, 'out.ndjson'), format: 'ndjson', append: true },
      }),
    );
    expect(session.problems).toEqual([]);
    const lines = await session.round();
    expect(lines.join('\n')).toContain(
      'the portal will show “Connection error” at 2026-11-22T12:10:00.000Z (in 10 min)',
    );
    const prom = await readFile(path.join(dir, TEXTFILE_NAME), 'utf8');
    expect(prom).toContain('siem_doctor_portal_seconds_until{mark="connection_error"} 600');
    const line = JSON.parse((await readFile(path.join(dir, 'out.ndjson'), 'utf8')).split('\n')[0]!);
    expect(line.projection.marks[0]).toMatchObject({
      state: 'connection_error',
      secondsUntil: 600,
      warning: true,
    });
    // the failure still counts from the kept time, not from this round
    const kept = JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8'));
    expect(kept.checks.portal.failingSince).toBe(since);
  });

  it('reports a damaged state file and starts afresh', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-session-'));
    await writeFile(path.join(dir, 'state.json'), '{"version": 1, "checks": ');
    const session = await openSession(options());
    expect(session.problems).toHaveLength(1);
    expect(session.problems[0]).toContain('could not be used');
    expect(await session.round()).toHaveLength(3);
    expect(JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8')).checks.lifecycle.status).toBe(
      'warn',
    );
  });

  it('keeps its memory flat over 300 rounds', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-session-'));
    const session = await openSession(options());
    const rss: Record<number, number> = {};
    const ran = await runLoop({
      intervalMs: 0,
      maxRounds: 300,
      signal: new AbortController().signal,
      sleep: () => new Promise((resolve) => setImmediate(resolve)),
      round: async (index) => {
        await session.round();
        if (index === 50 || index === 300) {
          globalThis.gc?.();
          rss[index] = process.memoryUsage().rss;
        }
      },
      onCrash: (index, error) => {
        throw new Error(`round ${index} crashed: ${String(error)}`);
      },
    });
    expect(ran).toBe(300);
    if (process.env.SIEM_DOCTOR_SHOW_RSS)
      process.stderr.write(`RSS after round 50: ${rss[50]}, after 300: ${rss[300]}\n`);
    // A leak of a report per round would be tens of MB by now; the margin is generous.
    expect(rss[300]! - rss[50]!).toBeLessThan(40 * 1024 * 1024);
    expect(await readFile(path.join(dir, TEXTFILE_NAME), 'utf8')).toContain('siem_doctor_check_status');
  });
});
