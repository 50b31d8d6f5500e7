// The result document of SPEC.md and the exit code it implies.
import { hostname } from 'node:os';
import type { CheckResult, Status } from './checks/types.js';
import { STATUSES } from './checks/types.js';
import type { Projection } from './watch/projection.js';

export interface Report {
  schemaVersion: 1;
  tool: { name: 'siem-doctor'; version: string };
  /** The machine the checks ran on: fifty agent servers report into one place. */
  host: string;
  startedAt: string;
  durationMs: number;
  summary: Record<Status, number>;
  checks: CheckResult[];
  /**
   * Checks skipped for lack of input and the flags that would let them run, so that "0 failed" is
   * not read as healthy when little was checked. Absent when every check had what it needed.
   */
  notRun?: { count: number; checks: string[]; flags: string[] };
  /** Under --fix only: what was offered and done. */
  fixes?: { id: string; applied: boolean; message: string }[];
  /** Under `watch` only: what the portal shows of this agent, projected from the kept state. */
  projection?: Projection;
}

export function buildReport(
  checks: CheckResult[],
  {
    version,
    startedAt,
    durationMs,
    host = hostname(),
  }: { version: string; startedAt: Date; durationMs: number; host?: string },
): Report {
  const summary = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const check of checks) summary[check.status]++;
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'siem-doctor', version },
    host,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(durationMs),
    summary,
    checks,
  };
  const notRun = checks.filter((c) => c.needs?.length);
  if (notRun.length > 0) {
    report.notRun = {
      count: notRun.length,
      checks: notRun.map((c) => c.id),
      flags: [...new Set(notRun.flatMap((c) => c.needs!))],
    };
  }
  return report;
}

/** 1 when anything failed or crashed (or, under --strict, warned); else 0. */
export function exitCodeFor(report: Report, strict: boolean): 0 | 1 {
  const { fail, error, warn } = report.summary;
  return fail > 0 || error > 0 || (strict && warn > 0) ? 1 : 0;
}
