// The runner: every selected check starts at once, waits only for the checks it requires, and
// has a hard time budget. A throw or an overrun becomes status `error`; the others still report.
// Results come back in registry order whatever order they finished in.
import type { MessageFile } from '../catalog/en.js';
import { translate, type Text } from '../catalog/index.js';
import type { DoctorConfig } from '../config/resolve.js';
import type { Check, CheckContext, CheckResult, Finding } from './types.js';
import type { Facts } from './facts.js';
import type { CheckId } from './ids.js';

export interface RunOptions {
  config: DoctorConfig;
  facts: Facts;
  catalog: MessageFile;
  env?: NodeJS.ProcessEnv;
  now?: Date;
  toolVersion?: string;
  /** Told as each check settles (for a progress display). */
  onSettled?: (result: CheckResult) => void;
}

// A prerequisite that failed makes a check meaningless; one that was skipped (say, no proxy is
// configured) does not: the check decides for itself whether it has what it needs.
const BLOCKING: ReadonlySet<string> = new Set(['fail', 'error']);

export function defaultBudgetMs(config: DoctorConfig): number {
  return config.timeoutMs + 1000;
}

export async function runChecks(checks: readonly Check[], options: RunOptions): Promise<CheckResult[]> {
  const { config, facts, catalog } = options;
  const selected = new Set(checks.map((c) => c.id));
  const pending = new Map<CheckId, Promise<CheckResult>>();

  const runOne = async (check: Check): Promise<CheckResult> => {
    for (const dependency of check.requires ?? []) {
      const before = pending.get(dependency);
      if (!selected.has(dependency) || !before) continue;
      const outcome = await before;
      if (BLOCKING.has(outcome.status)) {
        return toResult(check, catalog, 0, {
          status: 'skip',
          message: { key: 'run.skippedDependency', params: { dependency, status: outcome.status } },
        });
      }
    }
    const started = performance.now();
    const budget = (check.budgetMs ?? defaultBudgetMs)(config);
    const controller = new AbortController();
    const ctx: CheckContext = {
      config,
      facts,
      env: options.env ?? process.env,
      now: options.now ?? new Date(),
      toolVersion: options.toolVersion ?? '0.0.0',
      signal: controller.signal,
    };
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<'overrun'>((resolve) => {
      timer = setTimeout(() => resolve('overrun'), budget);
    });
    try {
      const outcome = await Promise.race([check.run(ctx), overrun]);
      const elapsed = performance.now() - started;
      if (outcome === 'overrun') {
        controller.abort();
        return crashed(check, catalog, elapsed, {
          key: 'run.timedOut',
          params: { seconds: Math.round(budget / 100) / 10 },
        });
      }
      return toResult(check, catalog, elapsed, outcome);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return crashed(check, catalog, performance.now() - started, {
        key: 'run.crashed',
        params: { detail: detail.split('\n')[0] ?? '' },
      });
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  };

  for (const check of checks) {
    const promise = runOne(check).then((result) => {
      options.onSettled?.(result);
      return result;
    });
    pending.set(check.id, promise);
  }
  return Promise.all(checks.map((check) => pending.get(check.id)!));
}

function crashed(check: Check, catalog: MessageFile, elapsed: number, message: Text): CheckResult {
  return {
    id: check.id,
    title: catalog.checkTitles[check.id],
    status: 'error',
    message: translate(catalog, message),
    durationMs: Math.round(elapsed),
  };
}

function toResult(check: Check, catalog: MessageFile, elapsed: number, finding: Finding): CheckResult {
  const documented = finding.documented ?? finding.status === 'fail';
  const documentedError = documented ? (finding.documentedError ?? check.documentedError) : undefined;
  let resolution: string[] | undefined;
  if (finding.status === 'warn' || finding.status === 'fail') {
    const steps = finding.resolution?.map((step) => translate(catalog, step)) ?? [];
    const fallback = documentedError ? catalog.documentedErrors[documentedError].resolution : [];
    const why = finding.explanation ? [translate(catalog, finding.explanation)] : [];
    resolution = steps.length > 0 ? steps : [...why, ...fallback];
  }
  // Keys in the order of SPEC.md's example, absent rather than empty.
  const result: CheckResult = {
    id: check.id,
    title: catalog.checkTitles[check.id],
    status: finding.status,
    ...(documentedError && { documentedError }),
    message: translate(catalog, finding.message),
    ...(finding.evidence && Object.keys(finding.evidence).length > 0 && { evidence: finding.evidence }),
    ...(resolution && resolution.length > 0 && { resolution }),
    ...(finding.reproduce && finding.status !== 'skip' && { reproduce: finding.reproduce }),
    ...(finding.status === 'skip' && finding.needs?.length && { needs: [...finding.needs] }),
    durationMs: Math.round(elapsed),
  };
  return result;
}
