// What `watch` remembers between rounds and restarts: per check, its last status, when it last
// passed and since when it fails. The file is small (one entry per check id) and rewritten
// atomically after every round; a damaged one is reported and replaced, never fatal.
import { randomBytes } from 'node:crypto';
import { link, readFile, unlink } from 'node:fs/promises';
import type { Text } from '../catalog/index.js';
import { fileProblem } from '../errors.js';
import { jsonSyntaxWhere } from '../files.js';
import { writeFileAtomically } from '../atomic-write.js';
import { CHECK_IDS, type CheckId } from '../checks/ids.js';
import { STATUSES, type CheckResult, type Status } from '../checks/types.js';

export interface CheckState {
  status: Status;
  /** When the check last passed (ISO time). */
  lastPass?: string;
  /** When the check was first seen failing since it last passed; absent while it does not fail. */
  failingSince?: string;
  /** When the check last ran (ISO time). */
  lastRun: string;
}

export interface WatchState {
  version: 1;
  checks: Partial<Record<CheckId, CheckState>>;
}

/** A check whose status differs from the one kept: one line on stdout. */
export interface StateChange {
  id: CheckId;
  from?: Status;
  to: Status;
  message: string;
}

export const emptyState = (): WatchState => ({ version: 1, checks: {} });

/**
 * The state kept in `file`: a missing file is a first start; an unreadable or damaged one is
 * named in `problem` and the watch starts afresh.
 */
export async function readState(file: string): Promise<{ state: WatchState; problem?: Text }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState() };
    return { state: emptyState(), problem: fileProblem(error, file) };
  }
  let why: Text;
  try {
    return { state: parseState(JSON.parse(text)) };
  } catch (error) {
    // never V8's message: it would quote the start of the file, whatever it holds
    if (error instanceof NotAState) why = error.why;
    else if (error instanceof SyntaxError)
      why = { key: 'watch.state.notJson', parts: { where: jsonSyntaxWhere(error, text) } };
    else throw error;
  }
  // Not a state file this run can read: maybe not one at all (a --state that names another
  // file). It is moved aside, never overwritten, and the watch starts afresh.
  // a name no other file has: link() never replaces one, then the damaged name goes
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.siem-doctor-${stamp}-${randomBytes(3).toString('hex')}.damaged`;
  try {
    await link(file, aside);
    await unlink(file);
    return {
      state: emptyState(),
      problem: { key: 'watch.state.keptAs', params: { aside }, parts: { reason: why } },
    };
  } catch {
    return { state: emptyState(), problem: why };
  }
}

/** Why a file that is JSON is not a state file (parseState). */
class NotAState {
  constructor(readonly why: Text) {}
}

const isTime = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Takes only what is well formed: an unknown check id or a bad field makes the file damaged. */
function parseState(value: unknown): WatchState {
  const doc = value as { version?: unknown; checks?: unknown };
  if (!doc || typeof doc !== 'object' || doc.version !== 1 || !doc.checks || typeof doc.checks !== 'object')
    throw new NotAState({ key: 'watch.state.notState' });
  const checks: WatchState['checks'] = {};
  for (const [id, entry] of Object.entries(doc.checks as Record<string, unknown>)) {
    const e = entry as Partial<CheckState>;
    const ok =
      (CHECK_IDS as readonly string[]).includes(id) &&
      e &&
      typeof e === 'object' &&
      STATUSES.includes(e.status as Status) &&
      isTime(e.lastRun) &&
      (e.lastPass === undefined || isTime(e.lastPass)) &&
      (e.failingSince === undefined || isTime(e.failingSince));
    if (!ok) throw new NotAState({ key: 'watch.state.badEntry', params: { id: JSON.stringify(id) } });
    checks[id as CheckId] = {
      status: e.status!,
      lastRun: e.lastRun!,
      ...(e.lastPass && { lastPass: e.lastPass }),
      ...(e.failingSince && { failingSince: e.failingSince }),
    };
  }
  return { version: 1, checks };
}

/**
 * The state after a round that ended at `now`. A pass or a warning ends a failure; a fail starts
 * one (or continues it); skip and error say nothing about the thing checked, so they keep what was
 * known. A check no longer run (another --only) is forgotten: the state is about what is watched.
 */
export function updateState(
  state: WatchState,
  results: readonly CheckResult[],
  now: Date,
): { state: WatchState; changes: StateChange[] } {
  const at = now.toISOString();
  const checks: WatchState['checks'] = {};
  const changes: StateChange[] = [];
  for (const result of results) {
    const before = state.checks[result.id];
    const next: CheckState = { status: result.status, lastRun: at };
    const lastPass = result.status === 'pass' ? at : before?.lastPass;
    if (lastPass) next.lastPass = lastPass;
    if (result.status === 'fail') next.failingSince = before?.failingSince ?? at;
    else if (result.status !== 'pass' && result.status !== 'warn' && before?.failingSince)
      next.failingSince = before.failingSince;
    checks[result.id] = next;
    if (before?.status !== result.status)
      changes.push({
        id: result.id,
        ...(before && { from: before.status }),
        to: result.status,
        message: result.message,
      });
  }
  return { state: { version: 1, checks }, changes };
}

export function writeState(file: string, state: WatchState): Promise<void> {
  return writeFileAtomically(file, `${JSON.stringify(state, null, 2)}\n`);
}
