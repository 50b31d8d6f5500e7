// Is TLS 1.2 on for a JRE? jdk.tls.disabledAlgorithms in its java.security (JRE 8: lib/security,
// JDK 9+: conf/security), and -D options in the variables the java launcher reads.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { jreOf, type SystemProperty } from './truststore.js';

/** java.security is a Java properties file: `key=value`, `\` continues a line, # and ! comment. */
export function parseProperties(content: string): Map<string, string> {
  const properties = new Map<string, string>();
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trimStart();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length)
      line = line.slice(0, -1) + lines[++i]!.trimStart();
    const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (match) properties.set(match[1]!, match[2]!.trim());
  }
  return properties;
}

export function listTokens(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

export async function findJavaSecurity(javaHome: string, major: number): Promise<string | undefined> {
  // A JDK 8 root keeps the JRE's files in jre/lib/security.
  const home = await jreOf(javaHome);
  const candidates =
    major >= 9
      ? ['conf/security/java.security', 'lib/security/java.security']
      : ['lib/security/java.security', 'conf/security/java.security'];
  for (const candidate of candidates) {
    const file = path.join(home, candidate);
    try {
      await readFile(file);
      return file;
    } catch {
      // try the next layout
    }
  }
  return undefined;
}

export interface ProtocolOption {
  variable: string;
  property: 'jdk.tls.client.protocols' | 'https.protocols';
  protocols: string[];
}

/**
 * -Djdk.tls.client.protocols / -Dhttps.protocols in the launcher's variables, and in the agent's
 * own command line when it was read (--from-process).
 */
export function protocolOptions(
  env: NodeJS.ProcessEnv,
  javaMajor: number,
  agentOptions: string[] = [],
): ProtocolOption[] {
  const sources: [string, string][] = [
    'JAVA_TOOL_OPTIONS',
    '_JAVA_OPTIONS',
    ...(javaMajor >= 9 ? ['JDK_JAVA_OPTIONS'] : []),
  ]
    .filter((name) => env[name])
    .map((name) => [name, env[name]!]);
  if (agentOptions.length > 0) sources.push(["the agent's command line", agentOptions.join(' ')]);
  const found: ProtocolOption[] = [];
  for (const [variable, value] of sources) {
    for (const match of value.matchAll(
      /-D(jdk\.tls\.client\.protocols|https\.protocols)=("([^"]*)"|'([^']*)'|(\S*))/g,
    )) {
      const raw = match[3] ?? match[4] ?? match[5] ?? '';
      found.push({ variable, property: match[1] as ProtocolOption['property'], protocols: listTokens(raw) });
    }
  }
  return found;
}

/** RHEL/Fedora crypto-policies: the file `security.useSystemPropertiesFile=true` pulls in. */
export const CRYPTO_POLICIES_JAVA = '/etc/crypto-policies/back-ends/java.config';

export interface EffectiveSecurity {
  properties: Map<string, string>;
  /** The files read, in the order they were applied. */
  files: string[];
}

async function readPropertiesWithIncludes(file: string, depth = 0): Promise<Map<string, string> | undefined> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const merged = new Map<string, string>();
  // JDK 24+: `include FILE` lines pull another file in at that place.
  for (const [key, value] of parseProperties(content)) {
    if (key === 'include' && depth < 5) {
      const included = await readPropertiesWithIncludes(path.resolve(path.dirname(file), value), depth + 1);
      for (const [k, v] of included ?? []) merged.set(k, v);
    } else merged.set(key, value);
  }
  return merged;
}

/**
 * The security properties as the JVM assembles them: java.security, then the crypto-policies file
 * when it asks for it, then -Djava.security.properties=FILE (adds and overrides; `==FILE` replaces
 * everything) unless security.overridePropertiesFile=false forbids it.
 */
export async function effectiveSecurity(
  javaSecurity: string,
  properties: Map<string, SystemProperty>,
): Promise<EffectiveSecurity> {
  const files = [javaSecurity];
  let effective = (await readPropertiesWithIncludes(javaSecurity)) ?? new Map<string, string>();
  const overlay = async (file: string, replace: boolean) => {
    const extra = await readPropertiesWithIncludes(file);
    if (!extra) return;
    files.push(file);
    effective = replace ? extra : new Map([...effective, ...extra]);
  };
  if (effective.get('security.useSystemPropertiesFile') === 'true')
    await overlay(CRYPTO_POLICIES_JAVA, false);
  const option = properties.get('java.security.properties')?.value;
  if (option && effective.get('security.overridePropertiesFile') !== 'false') {
    const replace = option.startsWith('=');
    await overlay(path.resolve(replace ? option.slice(1) : option), replace);
  }
  return { properties: effective, files };
}

export interface KeySizeRule {
  algorithm: 'RSA' | 'EC' | 'DSA';
  minBits: number;
  rule: string;
}

/** The `RSA keySize < 4096` kind of entries of jdk.certpath.disabledAlgorithms. */
export function keySizeRules(value: string | undefined): KeySizeRule[] {
  const rules: KeySizeRule[] = [];
  for (const token of listTokens(value)) {
    const match = /^(RSA|EC|DSA)\s+keySize\s*(<|<=)\s*(\d+)$/.exec(token);
    if (match)
      rules.push({
        algorithm: match[1] as KeySizeRule['algorithm'],
        minBits: Number(match[3]) + (match[2] === '<=' ? 1 : 0),
        rule: token,
      });
  }
  return rules;
}
