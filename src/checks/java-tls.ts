// java-tls: TLS 1.2 must be on for the agent's JRE. The agent's own JVM is the judge when it can
// run here (facts.jvm()): its handshake with the portal, else its default client protocols. Without
// it, the model: jdk.tls.disabledAlgorithms of the effective security properties (java.security,
// crypto-policies, -Djava.security.properties), and -Djdk.tls.client.protocols / -Dhttps.protocols
// in the launcher's variables and the agent's command line, and, for a Java 8 agent (TLS 1.2 at
// most unless told otherwise), whether the portal accepts TLS 1.2 (the portal probe asks it so).
import type { JvmProbe } from '../probes/jvm.js';
import { fail, pass, said, skip, text, warn, type Check, type CheckContext, type Finding } from './types.js';
import { modelSecurity } from './java-certs.js';

export const javaTls = {
  id: 'java-tls',
  documentedError: 'TLS 1.2 required',
  requires: ['java-runtime'],
  budgetMs: (config) => config.timeoutMs * 2 + 11_000,
  async run(ctx): Promise<Finding> {
    const java = await ctx.facts.java();
    if (!java.found) return skip('tls.noJava', undefined, { needs: ['--java-home'] });
    const { protocolOptions, listTokens } = await import('../trust/java-security.js');
    const options = protocolOptions(ctx.env, java.version.major, ctx.config.agentJavaOptions);
    const evidence: Record<string, unknown> = { home: java.home, version: java.version.raw };
    if (options.length > 0)
      evidence.options = options.map((o) => `${o.variable}: -D${o.property}=${o.protocols.join(',')}`);
    // https.protocols binds HttpsURLConnection only, which the probe's own socket does not use:
    // an option that leaves TLS 1.2 out is a finding whoever judges.
    const excluding = options.find((o) => !o.protocols.includes('TLSv1.2'));
    if (excluding) {
      return fail(
        'tls.optionExcludes',
        {
          variable: excluding.variable,
          property: excluding.property,
          protocols: excluding.protocols.join(',') || '""',
        },
        { evidence, reproduce: `echo "$${excluding.variable}"` },
      );
    }
    const jvm = await ctx.facts.jvm();
    if (jvm.ran) return judgedByJvm(jvm, evidence);
    evidence.judgedBy = said('evidence.judgedBy.notAsked');
    const effective = await modelSecurity(ctx);
    if (!effective) return warn('tls.noSecurityFile', { home: java.home }, { evidence });
    const disabled = listTokens(effective.properties.get('jdk.tls.disabledAlgorithms'));
    const file = effective.files.at(-1)!;
    evidence.file = file;
    if (effective.files.length > 1) evidence.files = effective.files;
    evidence.disabledProtocols = disabled.filter((t) => /^(SSLv|TLSv|DTLSv)/.test(t));
    const reproduce = `grep -A3 '^jdk.tls.disabledAlgorithms' ${effective.files.map((f) => `"${f}"`).join(' ')}`;
    if (disabled.includes('TLSv1.2')) return fail('tls.disabled', { file }, { evidence, reproduce });
    const tls12 = java.version.major === 8 ? await portalTls12(ctx) : undefined;
    const refused = tls12?.refused ? tls12 : undefined;
    // a handshake that ended otherwise (a timeout, a reset) is kept as evidence, not judged
    if (tls12 && !tls12.refused)
      evidence.portalTls12 = {
        ...tls12,
        unconfirmed: said('evidence.tls12Unconfirmed', { code: tls12.code }),
      };
    if (refused) {
      evidence.portalTls12 = refused;
      return fail(
        'tls.portalRefusesTls12',
        { host: refused.host, code: refused.code, version: java.version.raw },
        {
          evidence,
          resolution: [text('portal.fix.java8Tls13')],
          reproduce: `openssl s_client -connect ${refused.host}:${refused.port} -servername ${refused.host} -tls1_2 </dev/null`,
        },
      );
    }
    return pass('tls.ok', { file }, { evidence, reproduce });
  },
} as const satisfies Check;

/**
 * The portal's answer to a handshake with TLS 1.2 at most, when it failed (portal probe):
 * `refused` when the server said so with an alert.
 */
async function portalTls12(ctx: CheckContext) {
  const probe = await ctx.facts.portal();
  if (!probe?.tls12 || probe.tls12.ok) return undefined;
  const { refused, code, detail } = probe.tls12;
  return { host: probe.host, port: probe.port, refused, code, detail };
}

async function judgedByJvm(jvm: Extract<JvmProbe, { ran: true }>, evidence: Record<string, unknown>) {
  const { classifyJavaErrors, describeJavaErrors } = await import('../probes/jvm.js');
  const { answer } = jvm;
  const java = `Java ${answer.javaVersion} (${answer.javaHome})`;
  Object.assign(evidence, {
    judgedBy: said('evidence.judgedBy.jvm', {
      home: answer.javaHome,
      version: answer.javaVersion,
      ms: jvm.ms,
    }),
    jvmProtocols: answer.protocols ?? [],
    'jdk.tls.disabledAlgorithms': answer.security['jdk.tls.disabledAlgorithms'],
  });
  const reproduce = `"${jvm.javaBin}" -XshowSettings:security:tls -version`;
  const hs = answer.handshake;
  if (hs?.ok) {
    evidence.jvmHandshake = `${hs.protocol} ${hs.cipherSuite}`;
    return pass('tls.jvmOk', { java, host: hs.host, protocol: hs.protocol ?? '?' }, { evidence, reproduce });
  }
  if (hs && classifyJavaErrors(hs.errors) === 'protocol') {
    const error = describeJavaErrors(hs.errors);
    evidence.javaErrors = (hs.errors ?? []).map((e) => `${e.class}: ${e.message ?? ''}`);
    return fail('tls.jvmRefused', { java, host: hs.host, error }, { evidence, reproduce });
  }
  if (answer.defaultsError) {
    return warn(
      'tls.jvmNoDefaults',
      { java, error: describeJavaErrors(answer.defaultsError) },
      { evidence, reproduce },
    );
  }
  const protocols = (answer.protocols ?? []).join(', ');
  if (!protocols) return fail('tls.jvmNoProtocols', { java }, { evidence, reproduce });
  if (!answer.protocols?.includes('TLSv1.2'))
    return fail('tls.jvmNoTls12', { java, protocols }, { evidence, reproduce });
  return pass('tls.jvmDefaults', { java, protocols }, { evidence, reproduce });
}
