// The runner: every selected check starts at once, waits only for the checks it requires (by id,
// wherever they are in the list), and has a hard time budget. A throw or an overrun becomes status `error`; the others still report.
// Results come back in registry order whatever order they finished in.
import type { MessageFile } from '../catalog/en.js';
import { translate, type Text } from '../catalog/index.js';
import { DOCUMENTED_ERRORS, localizedName, type DocumentedError } from '../catalog/documented-errors.js';
import type { DoctorConfig } from '../config/resolve.js';
import { EvidenceText, type Check, type CheckResult, type Finding } from './types.js';
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

/**
 * A dependency cycle among the checks' `requires` (each waits for the next, none would start),
 * as the ids around it; undefined when there is none. test/checks/registry.test.ts holds the
 * registry to none; the runner refuses one rather than hang.
 */
export function findCycle(checks: readonly Pick<Check, 'id' | 'requires'>[]): CheckId[] | undefined {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const done = new Set<CheckId>();
  const visit = (id: CheckId, path: CheckId[]): CheckId[] | undefined => {
    if (path.includes(id)) return [...path.slice(path.indexOf(id)), id];
    if (done.has(id)) return undefined;
    for (const dependency of byId.get(id)?.requires ?? []) {
      const cycle = visit(dependency, [...path, id]);
      if (cycle) return cycle;
    }
    done.add(id);
    return undefined;
  };
  for (const check of checks) {
    const cycle = visit(check.id, []);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Runs `work` within `budgetMs`: its signal is aborted when the budget runs out (probes close
 * their sockets and stop) and the answer is then 'overrun'; aborted in any case once it ends.
 */
export async function withBudget<T>(
  budgetMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T | 'overrun'> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<'overrun'>((resolve) => {
    timer = setTimeout(() => resolve('overrun'), budgetMs);
  });
  try {
    return await Promise.race([work(controller.signal), overrun]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

export async function runChecks(checks: readonly Check[], options: RunOptions): Promise<CheckResult[]> {
  const { config, facts, catalog } = options;
  const cycle = findCycle(checks);
  if (cycle) throw new Error(`the checks require each other in a circle: ${cycle.join(' → ')}`);
  const selected = new Map<CheckId, Check>(checks.map((c) => [c.id, c]));
  // Each check's result, started on first demand: by the loop below or by a check that requires
  // it, whichever comes first, so that a dependency is waited for wherever it is in the list.
  const results = new Map<CheckId, Promise<CheckResult>>();
  const resultOf = (check: Check): Promise<CheckResult> => {
    let result = results.get(check.id);
    if (!result) {
      result = runOne(check).then((settled) => {
        options.onSettled?.(settled);
        return settled;
      });
      results.set(check.id, result);
    }
    return result;
  };

  const runOne = async (check: Check): Promise<CheckResult> => {
    // A dependency that is not selected is not waited for: the check decides for itself.
    const dependencies = (check.requires ?? []).flatMap((id) => {
      const dependency = selected.get(id);
      return dependency ? [dependency] : [];
    });
    for (const dependency of dependencies) {
      const outcome = await resultOf(dependency);
      if (BLOCKING.has(outcome.status)) {
        return toResult(check, catalog, 0, {
          status: 'skip',
          message: {
            key: 'run.skippedDependency',
            params: { dependency: dependency.id, status: outcome.status },
          },
        });
      }
    }
    const started = performance.now();
    const budget = (check.budgetMs ?? defaultBudgetMs)(config);
    try {
      const outcome = await withBudget(budget, (signal) =>
        check.run({
          config,
          facts,
          env: options.env ?? process.env,
          now: options.now ?? new Date(),
          toolVersion: options.toolVersion ?? '0.0.0',
          signal,
        }),
      );
      const elapsed = performance.now() - started;
      if (outcome === 'overrun') {
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
    }
  };

  return Promise.all(checks.map(resultOf));
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
    const steps = finding.resolution?.map((step) => say(catalog, step)) ?? [];
    const fallback = documentedError ? catalog.documentedErrors[documentedError].resolution : [];
    const why = finding.explanation ? [say(catalog, finding.explanation)] : [];
    resolution = steps.length > 0 ? steps : [...why, ...fallback];
  }
  // Keys in the order of SPEC.md's example, absent rather than empty.
  const result: CheckResult = {
    id: check.id,
    title: catalog.checkTitles[check.id],
    status: finding.status,
    ...(documentedError && { documentedError }),
    message: say(catalog, finding.message),
    ...(finding.evidence &&
      Object.keys(finding.evidence).length > 0 && { evidence: sayEvidence(finding.evidence, catalog) }),
    ...(resolution && resolution.length > 0 && { resolution }),
    ...(finding.reproduce && finding.status !== 'skip' && { reproduce: finding.reproduce }),
    ...(finding.status === 'skip' && finding.needs?.length && { needs: [...finding.needs] }),
    durationMs: Math.round(elapsed),
  };
  return result;
}

/** The evidence with its sentences (EvidenceText, also inside lists) in the report's language. */
function sayEvidence(evidence: Record<string, unknown>, catalog: MessageFile): Record<string, unknown> {
  const sayValue = (value: unknown): unknown =>
    value instanceof EvidenceText
      ? say(catalog, value.text)
      : Array.isArray(value)
        ? value.map(sayValue)
        : value;
  return Object.fromEntries(Object.entries(evidence).map(([key, value]) => [key, sayValue(value)]));
}

/**
 * A check's text in the report's language. The `error` parameter, a documented error's English name
 * (agent-logs names the one it found), is named as the localized portal shows it, the English
 * identifier after it (documented-errors.ts). No other parameter is: a label or a file name that
 * reads like an error's name is someone else's words.
 */
function say(catalog: MessageFile, text: Text): string {
  const error = text.params?.error;
  if (
    catalog.lang === 'en' ||
    typeof error !== 'string' ||
    !(DOCUMENTED_ERRORS as readonly string[]).includes(error)
  )
    return translate(catalog, text);
  const params = { ...text.params, error: localizedName(error as DocumentedError, catalog.lang) };
  return translate(catalog, { ...text, params });
}
