// `check --fix`: for every check that failed and has a fix, describe it, ask (or take --yes),
// apply it, and run the check again, so the report shows the state after the fix. Like a check,
// each step has a time budget and an abort signal; every line it reports is the catalog's.
import type { MessageFile } from '../catalog/en.js';
import { translate, type Text } from '../catalog/index.js';
import type { DoctorConfig } from '../config/resolve.js';
import type { Facts } from './facts.js';
import { runChecks, withBudget } from './run.js';
import type { Check, CheckContext, CheckResult } from './types.js';

export interface FixRecord {
  id: string;
  applied: boolean;
  /** What happened, in the user's language. */
  message: string;
}

export interface FixOptions {
  config: DoctorConfig;
  facts: Facts;
  catalog: MessageFile;
  toolVersion: string;
  env?: NodeJS.ProcessEnv;
  /** Asked with the fix's description (in the user's language); true to apply it. */
  confirm: (question: string) => Promise<boolean>;
}

/**
 * A fix may open the keystore, write it and read it back, and a JVM start may come with it: more
 * than a probe's budget, never unbounded.
 */
export function defaultFixBudgetMs(config: DoctorConfig): number {
  return Math.max(2 * config.timeoutMs, 30_000) + 1000;
}

/** A fix step that overran its budget: its signal was aborted; the answer is the catalog's line. */
class FixOverrun extends Error {
  constructor(readonly seconds: number) {
    super('overrun');
  }
}

export async function applyFixes(
  checks: readonly Check[],
  results: CheckResult[],
  options: FixOptions,
): Promise<{ results: CheckResult[]; fixes: FixRecord[] }> {
  const { catalog } = options;
  const say = (text: Text) => translate(catalog, text);
  const fixes: FixRecord[] = [];
  const out = [...results];
  for (const [i, check] of checks.entries()) {
    const fix = check.fix;
    if (!fix || out[i]!.status !== 'fail') continue;
    const now = new Date();
    const budget = (fix.budgetMs ?? defaultFixBudgetMs)(options.config);
    /** One step of the fix within its budget, with a context of its own. */
    const step = async <T>(work: (ctx: CheckContext) => Promise<T>): Promise<T> => {
      const outcome = await withBudget(budget, (signal) =>
        work({
          config: options.config,
          facts: options.facts,
          env: options.env ?? process.env,
          now,
          toolVersion: options.toolVersion,
          signal,
        }),
      );
      if (outcome === 'overrun') throw new FixOverrun(Math.round(budget / 100) / 10);
      return outcome;
    };
    const record = (applied: boolean, text: Text) =>
      fixes.push({ id: check.id, applied, message: say(text) });
    let applying = false;
    try {
      const question = await step((ctx) => fix.describe(ctx));
      if (!question) {
        record(false, { key: 'fix.none' });
        continue;
      }
      if (!(await options.confirm(say(question)))) {
        record(false, { key: 'fix.declined', params: { fix: say(question) } });
        continue;
      }
      applying = true;
      const done = await step((ctx) => fix.apply(ctx));
      record(true, done);
      // The JVM read the store before the fix: ask it again, so the verdict is the JVM's own.
      options.facts.forgetJvm();
      const [again] = await runChecks([check], { ...options, now });
      out[i] = again!;
    } catch (error) {
      if (error instanceof FixOverrun) {
        // Stopped in the middle of applying, the change may or may not have been made.
        const key = applying ? 'fix.applyTimedOut' : 'fix.describeTimedOut';
        record(false, { key, params: { seconds: error.seconds } });
      } else {
        const detail = error instanceof Error ? error.message : String(error);
        record(false, { key: 'fix.failed', params: { detail: detail.split('\n')[0] ?? '' } });
      }
    }
  }
  return { results: out, fixes };
}
