// check --fix's loop: each step within its budget, with an abort signal; every line from the catalog.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import type { MessageFile } from '../../src/catalog/en.js';
import { gatherFacts } from '../../src/checks/facts.js';
import { applyFixes } from '../../src/checks/fix.js';
import { runChecks } from '../../src/checks/run.js';
import { fail, pass, type Check } from '../../src/checks/types.js';
import { config } from '../helpers/context.js';

const cfg = config({ timeoutMs: 200 });

async function fixAll(check: Check, answer: boolean, catalog: MessageFile = en) {
  const facts = gatherFacts(cfg, {});
  try {
    const results = await runChecks([check], { config: cfg, facts, catalog });
    const asked: string[] = [];
    const fixed = await applyFixes([check], results, {
      config: cfg,
      facts,
      catalog,
      toolVersion: '0.0.0',
      env: {},
      confirm: async (question) => {
        asked.push(question);
        return answer;
      },
    });
    return { ...fixed, asked };
  } finally {
    facts.dispose();
  }
}

/** A check that fails until its fix has run. */
function mendable(fix: Check['fix']): Check & { mended: boolean } {
  const check = {
    id: 'java-certs' as const,
    mended: false,
    run: async () => (check.mended ? pass('java.notFound') : fail('java.notFound')),
    fix,
  };
  return check;
}

describe('applyFixes', () => {
  it('asks in the user’s language, applies, runs the check again and words what was done', async () => {
    const check = mendable({
      describe: async () => ({
        key: 'fix.certs.import',
        params: { count: 1, names: 'CA 1', file: 'cacerts' },
      }),
      apply: async () => {
        check.mended = true;
        return { key: 'fix.certs.held', params: { file: 'cacerts' } };
      },
    });
    const { results, fixes, asked } = await fixAll(check, true, fr);
    expect(asked).toEqual(['importer 1 certificat d’autorité de la chaîne du portail (CA 1) dans cacerts']);
    expect(fixes).toEqual([
      { id: 'java-certs', applied: true, message: 'rien à importer : cacerts les contient déjà' },
    ]);
    expect(results[0]!.status).toBe('pass');
  });

  it('says so, from the catalog, when declined, when there is no fix, and when it fails', async () => {
    const question = { key: 'fix.certs.nothing' } as const;
    const declined = await fixAll(
      mendable({ describe: async () => question, apply: async () => question }),
      false,
    );
    expect(declined.fixes[0]).toEqual({
      id: 'java-certs',
      applied: false,
      message: 'not applied: nothing to import',
    });
    const none = await fixAll(
      mendable({ describe: async () => undefined, apply: async () => question }),
      true,
    );
    expect(none.fixes[0]!.message).toBe(en.messages['fix.none']);
    const broken = await fixAll(
      mendable({
        describe: async () => question,
        apply: async () => {
          throw new Error('disk full\n  at somewhere');
        },
      }),
      true,
    );
    expect(broken.fixes[0]).toMatchObject({ applied: false, message: 'failed, nothing changed: disk full' });
    expect(broken.results[0]!.status).toBe('fail');
  });

  it('stops a fix step that overruns its budget, aborting its signal', async () => {
    let aborted = false;
    const hang = (signal: AbortSignal) =>
      new Promise<never>(() => signal.addEventListener('abort', () => (aborted = true)));
    const slowDescribe = await fixAll(
      mendable({
        describe: (ctx) => hang(ctx.signal),
        apply: async () => ({ key: 'fix.certs.nothing' }),
        budgetMs: () => 100,
      }),
      true,
    );
    expect(slowDescribe.fixes[0]).toEqual({
      id: 'java-certs',
      applied: false,
      message: 'not applied: preparing the fix took longer than 0.1 s and was stopped',
    });
    expect(aborted).toBe(true);
    aborted = false;
    const slowApply = await fixAll(
      mendable({
        describe: async () => ({ key: 'fix.certs.nothing' }),
        apply: (ctx) => hang(ctx.signal),
        budgetMs: () => 100,
      }),
      true,
    );
    expect(slowApply.fixes[0]!.message).toBe(
      'stopped after 0.1 s while being applied: it may be done or not; run the check again to see',
    );
    expect(aborted).toBe(true);
  });
});

describe('the java-certs fix’s budget', () => {
  it('outlasts the wait for another run’s keystore lock, so that a held lock is said as busy', async () => {
    const { importPortalChain } = await import('../../src/checks/java-certs-fix.js');
    const { defaultFixBudgetMs } = await import('../../src/checks/fix.js');
    const { LOCK_WAIT_MS } = await import('../../src/keystore/lock.js');
    for (const timeoutMs of [1000, 5000, 60_000]) {
      const budget = importPortalChain.budgetMs(config({ timeoutMs }));
      // the whole lock wait, and then as long as any other fix step gets
      expect(budget).toBeGreaterThanOrEqual(LOCK_WAIT_MS + defaultFixBudgetMs(config({ timeoutMs })));
    }
  });
});
