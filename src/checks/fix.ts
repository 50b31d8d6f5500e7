// `check --fix`: for every check that failed and has a fix, describe it, ask (or take --yes),
// apply it, and run the check again, so the report shows the state after the fix.
import type { MessageFile } from '../catalog/en.js';
import type { DoctorConfig } from '../config/resolve.js';
import type { Facts } from './facts.js';
import { runChecks } from './run.js';
import type { Check, CheckContext, CheckResult } from './types.js';

export interface FixRecord {
  id: string;
  applied: boolean;
  message: string;
}

export interface FixOptions {
  config: DoctorConfig;
  facts: Facts;
  catalog: MessageFile;
  toolVersion: string;
  env?: NodeJS.ProcessEnv;
  confirm: (question: string) => Promise<boolean>;
}

export async function applyFixes(
  checks: readonly Check[],
  results: CheckResult[],
  options: FixOptions,
): Promise<{ results: CheckResult[]; fixes: FixRecord[] }> {
  const fixes: FixRecord[] = [];
  const out = [...results];
  for (const [i, check] of checks.entries()) {
    if (!check.fix || out[i]!.status !== 'fail') continue;
    const ctx: CheckContext = {
      config: options.config,
      facts: options.facts,
      env: options.env ?? process.env,
      now: new Date(),
      toolVersion: options.toolVersion,
      signal: new AbortController().signal,
    };
    try {
      const question = await check.fix.describe(ctx);
      if (!question) {
        fixes.push({
          id: check.id,
          applied: false,
          message: 'no automatic fix for this finding: follow the resolution steps',
        });
        continue;
      }
      if (!(await options.confirm(question))) {
        fixes.push({ id: check.id, applied: false, message: `not applied: ${question}` });
        continue;
      }
      const message = await check.fix.apply(ctx);
      fixes.push({ id: check.id, applied: true, message });
      // The JVM read the store before the fix: ask it again, so the verdict is the JVM's own.
      options.facts.forgetJvm();
      const [again] = await runChecks([check], { ...options, now: ctx.now });
      out[i] = again!;
    } catch (error) {
      fixes.push({
        id: check.id,
        applied: false,
        message: `failed, nothing changed: ${(error as Error).message.split('\n')[0]}`,
      });
    }
  }
  return { results: out, fixes };
}
