// The fix for java-certs: import the CA certificates of the portal's served chain, when this
// machine trusts that chain (never from an intercepted handshake), through the trust service
// (src/trust/service.ts) that `certs import` uses: the store Java reads, as the facts found it; a
// backup, a locked atomic write, read back; and for a store the distribution rebuilds, never a
// direct write: its own way (the PEM files and its tool), offered in the question.
import type { Text } from '../catalog/index.js';
import type { DoctorConfig } from '../config/resolve.js';
import { DoctorError } from '../errors.js';
import { LOCK_WAIT_MS } from '../keystore/lock.js';
import { defaultFixBudgetMs } from './fix.js';
import type { CheckContext } from './types.js';

async function prepare(ctx: CheckContext) {
  const url = ctx.config.portalUrl;
  if (!url) return undefined;
  const [service, { locateKeystore }] = await Promise.all([
    import('../trust/service.js'),
    import('../trust/locate.js'),
  ]);
  // The store the agent's Java reads (the JVM's own answer when it ran), not a file it never
  // opens; none found, or not a file (NONE, Windows-ROOT): nothing this fix can do.
  const located = await locateKeystore(ctx.facts, ctx.config, ctx.env, { askJvm: true }).catch(
    (error: unknown) => {
      if (error instanceof DoctorError) return undefined; // no store to name: nothing to offer
      throw error; // a defect of ours is not "nothing to fix"
    },
  );
  if (!located) return undefined;
  const chain = await service.portalChain(ctx.facts, url);
  if (chain.kind !== 'chain') return undefined;
  // A store that cannot be opened (damaged, wrong password) is said as the store's path, no flag.
  const target = await service.openTarget(ctx.facts, ctx.config, ctx.env, { located });
  const gathered = { candidates: chain.candidates, failures: [], sources: [] };
  const planned = await service.planTrust(target, gathered, { includeExpired: false, now: ctx.now });
  return planned.plan.add.length > 0 ? { planned, applyTrust: service.applyTrust } : undefined;
}

export const importPortalChain = {
  /**
   * Longer than the wait for another run's lock on the store: a held lock is then said as busy,
   * never as a step that ran out of time while the write may still go on.
   */
  budgetMs: (config: DoctorConfig) => LOCK_WAIT_MS + defaultFixBudgetMs(config),
  async describe(ctx: CheckContext): Promise<Text | undefined> {
    const prepared = await prepare(ctx);
    if (!prepared) return undefined;
    const { plan, target, managedFiles } = prepared.planned;
    const params = { count: plan.add.length, names: plan.add.map((p) => p.name).join(', ') };
    if (!target.managed)
      return { key: 'fix.certs.import', params: { ...params, file: target.keystore.file } };
    return {
      key: 'fix.certs.managed',
      params: {
        ...params,
        file: target.file,
        files: managedFiles.map((f) => f.file).join(', '),
        command: target.managed.command.join(' '),
        resolved: target.managed.resolved,
      },
    };
  },
  async apply(ctx: CheckContext): Promise<Text> {
    const prepared = await prepare(ctx);
    if (!prepared) return { key: 'fix.certs.nothing' };
    const { target } = prepared.planned;
    // The same locked read-plan-write as `certs import`: a run at the same time loses nothing. The
    // runner asks the JVM again afterwards (the check runs again).
    const applied = await prepared.applyTrust(prepared.planned, { password: ctx.config.storepass });
    if (applied.kind === 'busy') throw applied.error;
    if (applied.kind === 'managed') {
      const tool = target.managed!.command[0]!;
      const aliases = prepared.planned.plan.add.map((p) => p.alias).join(', ');
      if (applied.ok && applied.missing.length === 0)
        return { key: 'fix.certs.managedDone', params: { aliases, tool, file: target.file } };
      return {
        key: 'fix.certs.managedIncomplete',
        params: {
          tool,
          file: target.file,
          aliases: applied.missing.join(', ') || aliases,
          output: applied.output.split('\n')[0] ?? '',
        },
      };
    }
    const file = target.keystore.file;
    if (applied.plan.add.length === 0) return { key: 'fix.certs.held', params: { file } };
    return {
      key: 'fix.certs.imported',
      params: {
        aliases: applied.plan.add.map((p) => p.alias).join(', '),
        file,
        backup: applied.backup ?? '',
      },
    };
  },
};
