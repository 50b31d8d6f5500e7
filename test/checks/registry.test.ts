import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { CHECK_IDS } from '../../src/checks/ids.js';

describe('the registry', () => {
  it('lists checks in the order of SPEC.md, each once', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(CHECK_IDS.filter((id) => (ids as string[]).includes(id)));
  });

  it('runs the checks of the issues delivered so far', () => {
    expect(CHECKS.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'java-runtime',
        'token',
        'proxy',
        'portal',
        'syslog-connection',
        'syslog-send',
        'lifecycle',
      ]),
    );
  });
});
