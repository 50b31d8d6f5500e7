import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { CHECK_IDS } from '../../src/checks/ids.js';
import { findCycle } from '../../src/checks/run.js';
import type { Check } from '../../src/checks/types.js';
import { ROOT } from '../helpers/paths.js';

describe('the registry', () => {
  it('runs every check id of SPEC.md, once each, in its order', () => {
    expect(CHECKS.map((c) => c.id)).toEqual([...CHECK_IDS]);
  });

  it('every `requires` names a registered check other than itself', () => {
    const registered = new Set<string>(CHECKS.map((c) => c.id));
    for (const check of CHECKS as readonly Check[]) {
      for (const dependency of check.requires ?? []) {
        expect(registered.has(dependency), `${check.id} requires ${dependency}`).toBe(true);
        expect(dependency).not.toBe(check.id);
      }
    }
    // the one dependency today, so that this test is known to look at something
    expect((CHECKS as readonly Check[]).find((c) => c.id === 'syslog-send')?.requires).toEqual([
      'syslog-connection',
    ]);
  });

  it('has the unit tests of each check id in test/checks/<id>.test.ts, so they are found by its name', () => {
    const file = (id: string) => path.join(ROOT, 'test', 'checks', `${id}.test.ts`);
    expect(CHECKS.map((c) => c.id).filter((id) => !existsSync(file(id)))).toEqual([]);
    // the test looks at the real folder: a name that is no check has no file there
    expect(existsSync(file('java-trust'))).toBe(false);
  });

  it('has no cycle of requires (the runner would refuse to start)', () => {
    expect(findCycle(CHECKS)).toBeUndefined();
  });

  it('findCycle finds one, however long', () => {
    expect(findCycle([{ id: 'token', requires: ['token'] }])).toEqual(['token', 'token']);
    expect(
      findCycle([
        { id: 'token', requires: ['proxy'] },
        { id: 'proxy', requires: ['portal'] },
        { id: 'portal', requires: ['token'] },
        { id: 'lifecycle' },
      ]),
    ).toEqual(['token', 'proxy', 'portal', 'token']);
    expect(findCycle([{ id: 'token', requires: ['proxy'] }, { id: 'proxy' }])).toBeUndefined();
  });
});
