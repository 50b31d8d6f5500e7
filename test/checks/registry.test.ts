import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { CHECK_IDS } from '../../src/checks/ids.js';

describe('the registry', () => {
  it('runs every check id of SPEC.md, once each, in its order', () => {
    expect(CHECKS.map((c) => c.id)).toEqual([...CHECK_IDS]);
  });
});
