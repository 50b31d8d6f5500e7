// The fix for java-certs: import the CA certificates of the portal's served chain, when that chain
// is trusted by this machine (never from an intercepted handshake), with the same safe write as
// `certs import`.
import type { Text } from '../catalog/index.js';
import type { CheckContext } from './types.js';

async function prepare(ctx: CheckContext) {
  const [java, jvm, { agentTrustStore }] = await Promise.all([
    ctx.facts.java(),
    ctx.facts.jvm(),
    import('../trust/truststore.js'),
  ]);
  // The store the agent's Java reads (the JVM's own answer when it ran), not a file it never opens.
  const store = await agentTrustStore({
    keystore: ctx.config.keystore,
    java,
    jvm,
    env: ctx.env,
    agentOptions: ctx.config.agentJavaOptions,
  });
  const file = store?.file;
  const probe = await ctx.facts.portal();
  const tls = probe?.tls;
  if (!file || !tls || tls.trustError || tls.hostnameError) return undefined;
  const [{ openKeystore }, { planImport }] = await Promise.all([
    import('../keystore/store.js'),
    import('../trust/import.js'),
  ]);
  const keystore = await openKeystore(file, ctx.config.storepass);
  const candidates = tls.chain.slice(1).map((c) => ({ der: c.der, source: `https://${probe!.host}` }));
  const plan = planImport(keystore, candidates, { includeExpired: false, now: ctx.now });
  return plan.add.length > 0 ? { keystore, candidates, plan } : undefined;
}

export const importPortalChain = {
  async describe(ctx: CheckContext): Promise<Text | undefined> {
    const prepared = await prepare(ctx);
    if (!prepared) return undefined;
    const names = prepared.plan.add.map((p) => p.name).join(', ');
    const { add } = prepared.plan;
    return {
      key: 'fix.javaCerts.question',
      params: { count: add.length, names, file: prepared.keystore.file },
    };
  },
  async apply(ctx: CheckContext): Promise<Text> {
    const prepared = await prepare(ctx);
    if (!prepared) return { key: 'fix.javaCerts.nothing' };
    const { importCandidates } = await import('../trust/import.js');
    // The same locked read-plan-write as `certs import`: a run at the same time loses nothing.
    const { plan, backup } = await importCandidates({
      file: prepared.keystore.file,
      password: ctx.config.storepass,
      candidates: prepared.candidates,
      includeExpired: false,
      now: ctx.now,
    });
    const file = prepared.keystore.file;
    if (plan.add.length === 0) return { key: 'fix.javaCerts.already', params: { file } };
    const aliases = plan.add.map((p) => p.alias).join(', ');
    return { key: 'fix.javaCerts.imported', params: { aliases, file, backup: String(backup) } };
  },
};
