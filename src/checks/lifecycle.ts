// lifecycle: the agent is on its way out; every run says so once, with where to go instead.
import { text, warn, type Check } from './types.js';

const NO_NEW_AGENTS = '2025-06-19';
const DEPRECATED_FROM = '2025-11';

export const lifecycle = {
  id: 'lifecycle',
  async run() {
    return warn('lifecycle.deprecated', undefined, {
      evidence: { noNewAgentsSince: NO_NEW_AGENTS, deprecatedFrom: DEPRECATED_FROM },
      resolution: [
        text('lifecycle.fix.activities'),
        text('lifecycle.fix.alerts'),
        text('lifecycle.fix.sentinel'),
      ],
    });
  },
} as const satisfies Check;
