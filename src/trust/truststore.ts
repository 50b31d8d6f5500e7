// Where Java's trust really lives, resolved as OpenJDK's TrustStoreManager resolves it, for when the
// JVM itself cannot be asked (the JVM probe, src/probes/jvm.ts, is the judge when it can run):
// -Djavax.net.ssl.trustStore (from the launcher variables and the agent's command line), else
// <jre>/lib/security/jssecacerts when it exists, else <jre>/lib/security/cacerts. A JDK 8 root
// keeps its JRE in jre/.
import { stat } from 'node:fs/promises';
import path from 'node:path';

export interface SystemProperty {
  value: string;
  /** Where it was set: a launcher variable, or "the agent's command line". */
  from: string;
}

export type TrustStoreChoice = 'javax.net.ssl.trustStore' | 'jssecacerts' | 'cacerts' | '--keystore';

export interface ResolvedTrustStore {
  /** The file Java reads; absent for the NONE and Windows-ROOT types (no file). */
  file?: string;
  type?: string;
  chosenBy: TrustStoreChoice;
  /** Where the -D option came from, for javax.net.ssl.trustStore. */
  from?: string;
  /** A store that is not a file: certs import cannot write it. */
  special?: 'NONE' | 'Windows-ROOT';
}

const isDirectory = async (dir: string) => (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() ?? false;

/** The JRE of a Java home: a JDK 8 root holds it in jre/ (jre/lib/security/cacerts). */
export async function jreOf(home: string): Promise<string> {
  return (await isDirectory(path.join(home, 'jre', 'lib', 'security'))) ? path.join(home, 'jre') : home;
}

/**
 * The -D system properties the JVM ends up with, in the order the launcher applies them (a later
 * one wins): JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS (9+), the agent's command line, _JAVA_OPTIONS.
 */
export function systemProperties(
  env: NodeJS.ProcessEnv,
  javaMajor: number,
  agentOptions: readonly string[] = [],
): Map<string, SystemProperty> {
  const sources: [string, string[]][] = [];
  const fromVariable = (name: string) => {
    if (env[name]) sources.push([name, splitOptions(env[name]!)]);
  };
  fromVariable('JAVA_TOOL_OPTIONS');
  if (javaMajor >= 9) fromVariable('JDK_JAVA_OPTIONS');
  if (agentOptions.length > 0) sources.push(["the agent's command line", [...agentOptions]]);
  fromVariable('_JAVA_OPTIONS');
  const properties = new Map<string, SystemProperty>();
  for (const [from, options] of sources) {
    for (const option of options) {
      const match = /^-D([^=]+)(?:=(.*))?$/s.exec(option);
      if (match) properties.set(match[1]!, { value: match[2] ?? '', from });
    }
  }
  return properties;
}

/** A launcher variable's options: split on spaces, quotes keep spaces (as the launcher does). */
export function splitOptions(value: string): string[] {
  return [...value.matchAll(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)].map((m) => m[0].replace(/["']/g, ''));
}

/** Only the -D options of the agent's JVM options reach the probe (no -cp, -jar, agents). */
export function propertyOptions(options: readonly string[] = []): string[] {
  return options.filter((o) => o.startsWith('-D'));
}

export async function resolveTrustStore(
  javaHome: string,
  properties: Map<string, SystemProperty>,
): Promise<ResolvedTrustStore> {
  const option = properties.get('javax.net.ssl.trustStore');
  const type = properties.get('javax.net.ssl.trustStoreType')?.value;
  if (type === 'Windows-ROOT' || type === 'Windows-MY')
    return { chosenBy: 'javax.net.ssl.trustStore', type, special: 'Windows-ROOT', from: option?.from };
  if (option) {
    if (option.value === 'NONE')
      return { chosenBy: 'javax.net.ssl.trustStore', special: 'NONE', from: option.from };
    return {
      file: path.resolve(option.value),
      chosenBy: 'javax.net.ssl.trustStore',
      from: option.from,
      ...(type && { type }),
    };
  }
  const security = path.join(await jreOf(javaHome), 'lib', 'security');
  const jssecacerts = path.join(security, 'jssecacerts');
  if (await isFile(jssecacerts)) return { file: jssecacerts, chosenBy: 'jssecacerts' };
  return { file: path.join(security, 'cacerts'), chosenBy: 'cacerts' };
}

/**
 * The trust store the agent's Java uses, the one java-certs judges and `certs list`/`certs import`
 * work on: --keystore when given; else what the JVM itself reported (the probe); else resolved
 * here as Java would (for a JRE that cannot run on this host).
 */
export async function agentTrustStore(options: {
  keystore?: string;
  java: { found: boolean; home?: string; version?: { major: number } };
  jvm?: { ran: boolean; answer?: { trustStore: { path: string; type: string; chosenBy: TrustStoreChoice } } };
  env: NodeJS.ProcessEnv;
  agentOptions?: readonly string[];
}): Promise<ResolvedTrustStore | undefined> {
  if (options.keystore) return { file: options.keystore, chosenBy: '--keystore' };
  const reported = options.jvm?.ran ? options.jvm.answer?.trustStore : undefined;
  if (reported) {
    if (/^Windows-(ROOT|MY)$/i.test(reported.type))
      return { chosenBy: reported.chosenBy, type: reported.type, special: 'Windows-ROOT' };
    if (reported.path === 'NONE')
      return { chosenBy: reported.chosenBy, type: reported.type, special: 'NONE' };
    return { file: reported.path, chosenBy: reported.chosenBy, type: reported.type };
  }
  if (!options.java.found || !options.java.home) return undefined;
  const major = options.java.version?.major ?? 8;
  return resolveTrustStore(options.java.home, systemProperties(options.env, major, options.agentOptions));
}

/** How the store was chosen, in a few words for evidence and the certs commands. */
export function describeChoice(store: ResolvedTrustStore): string {
  switch (store.chosenBy) {
    case '--keystore':
      return '--keystore';
    case 'javax.net.ssl.trustStore':
      return `-Djavax.net.ssl.trustStore${store.from ? ` in ${store.from}` : ''}`;
    case 'jssecacerts':
      return 'jssecacerts exists, so Java reads it instead of cacerts';
    default:
      return "the JRE's cacerts (no javax.net.ssl.trustStore option, no jssecacerts)";
  }
}
