// Builds what a check needs without the command line: a real config, real facts.
import { en, type MessageFile } from '../../src/catalog/en.js';
import type { DoctorConfig } from '../../src/config/resolve.js';
import { gatherFacts } from '../../src/checks/facts.js';
import type { Check, CheckResult } from '../../src/checks/types.js';
import { runChecks } from '../../src/checks/run.js';

export function config(overrides: Partial<DoctorConfig> = {}): DoctorConfig {
  return {
    protocol: 'tcp',
    storepass: 'changeit',
    timeoutMs: 2000,
    sendTestEvent: true,
    extraCAs: [],
    ...overrides,
  };
}

export async function runOne(
  check: Check,
  overrides: Partial<DoctorConfig> = {},
  env = process.env,
  /** The check's clock, for verdicts that depend on certificates' dates. */
  now?: Date,
  /** The report's language. */
  catalog: MessageFile = en,
): Promise<CheckResult> {
  const cfg = config(overrides);
  const [result] = await runChecks([check], {
    config: cfg,
    facts: gatherFacts(cfg, env),
    catalog,
    env,
    ...(now ? { now } : {}),
  });
  return result!;
}
