// Is TLS 1.2 on for a JRE? jdk.tls.disabledAlgorithms in its java.security (JRE 8: lib/security,
// JDK 9+: conf/security), and -D options in the variables the java launcher reads.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

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

export async function findJavaSecurity(home: string, major: number): Promise<string | undefined> {
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
