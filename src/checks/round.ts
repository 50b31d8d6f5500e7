// One round of checks, as `check` runs it once and `watch` every interval: facts gathered for the
// round, the checks run, whatever the caller does with the results while the facts are still
// open (check --fix), the facts closed, the report built.
import type { MessageFile } from '../catalog/en.js';
import type { DoctorConfig } from '../config/resolve.js';
import { buildReport, type Report } from '../report.js';
import { gatherFacts } from './facts.js';
import { runChecks, type RunOptions } from './run.js';
import type { Check, CheckResult } from './types.js';

export interface RoundOptions {
  config: DoctorConfig;
  catalog: MessageFile;
  toolVersion: string;
  env?: NodeJS.ProcessEnv;
  /** When the round starts (watch's injected clock); now by default. */
  startedAt?: Date;
  /** Runs after the checks, before the facts close: may replace the results (check --fix). */
  afterChecks?: (
    results: CheckResult[],
    options: RunOptions & { toolVersion: string },
  ) => Promise<{ results: CheckResult[]; fixes?: Report['fixes'] }>;
}

export async function runRound(checks: readonly Check[], options: RoundOptions): Promise<Report> {
  const startedAt = options.startedAt ?? new Date();
  const clock = performance.now();
  const env = options.env ?? process.env;
  const facts = gatherFacts(options.config, env, options.toolVersion);
  const runOptions: RunOptions & { toolVersion: string } = {
    config: options.config,
    facts,
    catalog: options.catalog,
    env,
    now: startedAt,
    toolVersion: options.toolVersion,
  };
  let results: CheckResult[];
  let fixes: Report['fixes'];
  try {
    results = await runChecks(checks, runOptions);
    if (options.afterChecks) ({ results, fixes } = await options.afterChecks(results, runOptions));
  } finally {
    facts.dispose();
  }
  const report = buildReport(results, {
    version: options.toolVersion,
    startedAt,
    durationMs: performance.now() - clock,
  });
  if (fixes) report.fixes = fixes;
  return report;
}
