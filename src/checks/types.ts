// The shapes every check shares. A check decides and reports; it never prints and never changes
// the machine (fixes live apart, in the commands that make them).
import type { DocumentedError } from '../catalog/documented-errors.js';
import type { Text, Params } from '../catalog/index.js';
import type { MessageKey } from '../catalog/en.js';
import type { DoctorConfig } from '../config/resolve.js';
import type { Facts } from './facts.js';
import type { CheckId } from './ids.js';

export type Status = 'pass' | 'warn' | 'fail' | 'skip' | 'error';
export const STATUSES: readonly Status[] = ['pass', 'warn', 'fail', 'skip', 'error'];

/**
 * An evidence value that is a sentence, not data: said in the report's language when the finding
 * becomes a result (run.ts), like the message. Evidence that is data (paths, counts, ids) stays as is.
 */
export class EvidenceText {
  constructor(readonly text: Text) {}
}

/** A sentence for the evidence: `evidence.judgedBy = said('evidence.judgedBy.model', …)`. */
export function said(key: MessageKey, params?: Params): EvidenceText {
  return new EvidenceText({ key, ...(params && { params }) });
}

/** What a check found, before it is put into the user's language. */
export interface Finding {
  status: Exclude<Status, 'error'>;
  message: Text;
  evidence?: Record<string, unknown>;
  /** Steps for this finding; when absent, a fail shows its documented error's steps. */
  resolution?: Text[];
  /** Why what was found is that documented error (agent-logs): shown before its documented steps. */
  explanation?: Text;
  /** A command that shows the same thing by hand. */
  reproduce?: string;
  /** Whether the check's documented error applies: by default for `fail` only. */
  documented?: boolean;
  /** For a check whose documented error depends on what it found (agent-logs): that error. */
  documentedError?: DocumentedError;
  /** For a skip for lack of input: the flags that would let the check run. */
  needs?: readonly string[];
}

export interface CheckContext {
  config: DoctorConfig;
  facts: Facts;
  env: NodeJS.ProcessEnv;
  now: Date;
  /** siem-doctor's own version, for what it writes to other systems. */
  toolVersion: string;
  /** Aborted when the check's budget runs out: probes close their sockets and stop. */
  signal: AbortSignal;
}

export interface Check {
  id: CheckId;
  documentedError?: DocumentedError;
  /** Checks whose failure makes this one meaningless: it is then skipped with that reason. */
  requires?: readonly CheckId[];
  /** Hard limit for the whole check; the runner turns an overrun into status `error`. */
  budgetMs?: (config: DoctorConfig) => number;
  run(ctx: CheckContext): Promise<Finding>;
  /**
   * Mends what a failed run found, where that can be done safely; only ever called under
   * `check --fix`, after the user agreed. Never called by run().
   */
  fix?: {
    /** One line for the confirmation question; undefined when this finding has no automatic fix. */
    describe(ctx: CheckContext): Promise<Text | undefined>;
    /** What was done, in the catalog's words. */
    apply(ctx: CheckContext): Promise<Text>;
    /** Hard limit for describe, and again for apply (the user's answer is not counted). */
    budgetMs?: (config: DoctorConfig) => number;
  };
}

/** One check's verdict as reported: the JSON shape of SPEC.md. */
export interface CheckResult {
  id: CheckId;
  title: string;
  status: Status;
  documentedError?: DocumentedError;
  message: string;
  evidence?: Record<string, unknown>;
  resolution?: string[];
  reproduce?: string;
  /** Skipped for lack of input: the flags that would let it run (not in SPEC's example; added). */
  needs?: string[];
  durationMs: number;
}

const text = (key: MessageKey, params?: Params): Text => (params ? { key, params } : { key });

type Extra = Omit<Finding, 'status' | 'message'>;
export const pass = (key: MessageKey, params?: Params, extra: Extra = {}): Finding => ({
  status: 'pass',
  message: text(key, params),
  ...extra,
});
export const warn = (key: MessageKey, params?: Params, extra: Extra = {}): Finding => ({
  status: 'warn',
  message: text(key, params),
  ...extra,
});
export const fail = (key: MessageKey, params?: Params, extra: Extra = {}): Finding => ({
  status: 'fail',
  message: text(key, params),
  ...extra,
});
export const skip = (key: MessageKey, params?: Params, extra: Extra = {}): Finding => ({
  status: 'skip',
  message: text(key, params),
  ...extra,
});
export { text };
