// Where a JRE keeps its trust store: lib/security/cacerts, for JRE 8 and JDK 9+ alike.
import path from 'node:path';

export function cacertsOf(javaHome: string): string {
  return path.join(javaHome, 'lib', 'security', 'cacerts');
}

/** The keystore a check looks at: --keystore, else the cacerts of the agent's JRE when one was found. */
export function keystoreToCheck(
  keystore: string | undefined,
  java: { found: boolean; home?: string },
): string | undefined {
  return keystore ?? (java.found && java.home ? cacertsOf(java.home) : undefined);
}
