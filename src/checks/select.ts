// --only / --skip: ids are validated against SPEC.md's list (the registry runs every one of them).
// Bad input is a ConfigError with the role of its list; the command names the flag.
import { ConfigError } from '../errors.js';
import { CHECK_IDS, type CheckId } from './ids.js';
import { CHECKS } from './registry.js';
import type { Check } from './types.js';

function parseIds(input: 'only' | 'skip', value: string | undefined): Set<CheckId> | undefined {
  if (value === undefined) return undefined;
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  if (ids.length === 0)
    throw new ConfigError(`"${value}" names no check id; give at least one, e.g. java-runtime`, input);
  for (const id of ids) {
    if (!(CHECK_IDS as readonly string[]).includes(id))
      throw new ConfigError(`unknown check id "${id}"; known ids: ${CHECK_IDS.join(', ')}`, input);
  }
  return new Set(ids as CheckId[]);
}

export function selectChecks(options: { only?: string; skip?: string }): Check[] {
  const only = parseIds('only', options.only);
  const skip = parseIds('skip', options.skip);
  const chosen = CHECKS.filter((check) => (!only || only.has(check.id)) && !skip?.has(check.id));
  if (chosen.length === 0)
    // only --skip can leave none: --only names at least one known id
    throw new ConfigError(`"${options.skip}" leaves no check to run`, 'skip');
  return chosen;
}
