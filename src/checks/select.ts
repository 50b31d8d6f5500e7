// --only / --skip: ids are validated against SPEC.md's list (the registry runs every one of them).
// Bad input is a ConfigError with a text of the catalog (the command says it in the user's
// language); the ids in it are SPEC.md's.
import { ConfigError } from '../errors.js';
import { CHECK_IDS, type CheckId } from './ids.js';
import { CHECKS } from './registry.js';
import type { Check } from './types.js';

function parseIds(flag: '--only' | '--skip', value: string | undefined): Set<CheckId> | undefined {
  if (value === undefined) return undefined;
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  if (ids.length === 0) throw new ConfigError({ key: 'select.empty', params: { flag } }, role(flag));
  for (const id of ids) {
    if (!(CHECK_IDS as readonly string[]).includes(id)) {
      const params = { flag, id, ids: CHECK_IDS.join(', ') };
      throw new ConfigError({ key: 'select.unknown', params }, role(flag));
    }
  }
  return new Set(ids as CheckId[]);
}

/** The input a list flag is, for the command's wording of the error. */
function role(flag: '--only' | '--skip'): 'only' | 'skip' {
  return flag === '--only' ? 'only' : 'skip';
}

/** The checks --only and --skip leave. */
export function selectChecks(options: { only?: string; skip?: string }): Check[] {
  const only = parseIds('--only', options.only);
  const skip = parseIds('--skip', options.skip);
  const chosen = CHECKS.filter((check) => (!only || only.has(check.id)) && !skip?.has(check.id));
  if (chosen.length === 0) throw new ConfigError({ key: 'select.none' });
  return chosen;
}
