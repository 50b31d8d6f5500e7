// java-tls: TLS 1.2 must be on for the agent's JRE: not in jdk.tls.disabledAlgorithms, and not left
// out by -Djdk.tls.client.protocols / -Dhttps.protocols in the launcher's variables.
import { fail, pass, skip, warn, type Check, type Finding } from './types.js';

export const javaTls = {
  id: 'java-tls',
  documentedError: 'TLS 1.2 required',
  requires: ['java-runtime'],
  async run(ctx): Promise<Finding> {
    const java = await ctx.facts.java();
    if (!java.found) return skip('tls.noJava', undefined, { needs: ['--java-home'] });
    const { findJavaSecurity, parseProperties, listTokens, protocolOptions } =
      await import('../trust/java-security.js');
    const { readFile } = await import('node:fs/promises');
    const options = protocolOptions(ctx.env, java.version.major, ctx.config.agentJavaOptions);
    const evidence: Record<string, unknown> = { home: java.home, version: java.version.raw };
    if (options.length > 0)
      evidence.options = options.map((o) => `${o.variable}: -D${o.property}=${o.protocols.join(',')}`);
    const excluding = options.find((o) => !o.protocols.includes('TLSv1.2'));
    if (excluding) {
      return fail(
        'tls.optionExcludes',
        {
          variable: excluding.variable,
          property: excluding.property,
          protocols: excluding.protocols.join(',') || '""',
        },
        {
          evidence,
          reproduce: `echo "$${excluding.variable}"`,
        },
      );
    }
    const file = await findJavaSecurity(java.home, java.version.major);
    if (!file) return warn('tls.noSecurityFile', { home: java.home }, { evidence });
    const disabled = listTokens(
      parseProperties(await readFile(file, 'utf8')).get('jdk.tls.disabledAlgorithms'),
    );
    evidence.file = file;
    evidence.disabledProtocols = disabled.filter((t) => /^(SSLv|TLSv|DTLSv)/.test(t));
    const reproduce = `grep -A3 '^jdk.tls.disabledAlgorithms' "${file}"`;
    if (disabled.includes('TLSv1.2')) return fail('tls.disabled', { file }, { evidence, reproduce });
    return pass('tls.ok', { file }, { evidence, reproduce });
  },
} as const satisfies Check;
