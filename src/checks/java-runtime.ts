// java-runtime: the agent needs Java 8 or newer; the update also tells whether TLS 1.0/1.1 are off.
import { disablesLegacyTls } from '../probes/java.js';
import { fail, pass, text, warn, type Check } from './types.js';

async function sameHome(a: string, b: string): Promise<boolean> {
  const { realpath } = await import('node:fs/promises');
  const real = (dir: string) => realpath(dir).catch(() => dir);
  return (await real(a)) === (await real(b));
}

export const javaRuntime = {
  id: 'java-runtime',
  documentedError: 'General error during bootstrap',
  // Reading the release file takes milliseconds; `java -version` may start a cold JVM.
  budgetMs: (config) => Math.max(config.timeoutMs, 15_000) + 1000,
  async run(ctx) {
    const java = await ctx.facts.java();
    if (!java.found) {
      if (java.reason === 'not-found') {
        return fail('java.notFound', undefined, {
          evidence: { PATH: ctx.env.PATH ?? '' },
          resolution: [text('java.fix.install'), text('java.fix.point')],
          reproduce: 'java -version',
        });
      }
      const evidence = { home: java.home, source: java.source };
      if (java.reason === 'no-java-binary') {
        return fail(
          'java.homeMissing',
          { home: java.home, source: java.source },
          {
            evidence,
            resolution: [text('java.fix.homeMissing'), text('java.fix.install')],
            reproduce: `ls -l "${java.home}/bin/java"`,
          },
        );
      }
      return fail(
        'java.versionUnknown',
        { home: java.home, detail: java.detail },
        {
          evidence: { ...evidence, detail: java.detail },
          resolution: [text('java.fix.reinstall')],
          reproduce: `"${java.home}/bin/java" -version`,
        },
      );
    }
    const tlsLegacyDisabled = disablesLegacyTls(java.version);
    const evidence = {
      vendor: java.vendor,
      version: java.version.raw,
      major: java.version.major,
      update: java.version.update,
      home: java.home,
      source: java.source,
      versionFrom: java.versionFrom,
      tlsLegacyDisabled,
    };
    const params = { vendor: java.vendor, version: java.version.raw, home: java.home, source: java.source };
    const reproduce = `"${java.javaBin}" -version`;
    if (java.version.major < 8) {
      return fail('java.tooOld', params, {
        evidence,
        resolution: [text('java.fix.upgrade'), text('java.fix.point')],
        reproduce,
      });
    }
    // An update can leave the agent on another folder (jre1.8.0_NNN, jre-1.8): with --from-process
    // the running agent's JRE is the one judged, and a --java-home that names another is said to be
    // judged in vain.
    const named = ctx.config.namedJavaHome;
    if (named && !(await sameHome(named.home, java.home))) {
      return warn(
        'java.namedNotAgentJava',
        { ...params, agentHome: java.home, home: named.home, source: named.source },
        { evidence: { ...evidence, namedJavaHome: named.home, namedBy: named.source }, reproduce },
      );
    }
    return pass(tlsLegacyDisabled ? 'java.foundModern' : 'java.found', params, { evidence, reproduce });
  },
} as const satisfies Check;
