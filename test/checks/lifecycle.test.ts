import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { lifecycle } from '../../src/checks/lifecycle.js';
import { runOne } from '../helpers/context.js';

describe('lifecycle', () => {
  it('warns, whatever the settings, with the dates and where to go instead; no documented error', async () => {
    const result = await runOne(lifecycle);
    expect(result).toMatchObject({
      id: 'lifecycle',
      status: 'warn',
      message: en.messages['lifecycle.deprecated'],
      evidence: { noNewAgentsSince: '2025-06-19', deprecatedFrom: '2025-11' },
      resolution: [
        en.messages['lifecycle.fix.activities'],
        en.messages['lifecycle.fix.alerts'],
        en.messages['lifecycle.fix.sentinel'],
      ],
    });
    expect(result.documentedError).toBeUndefined();
  });
});
