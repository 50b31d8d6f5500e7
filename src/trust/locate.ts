// Which keystore the certs commands work on, and which keytool: --keystore, else the store the
// agent's JRE (--java-home, JAVA_HOME, the running agent, java on PATH) reads, as Java picks it.
import path from 'node:path';
import type { DoctorConfig } from '../config/resolve.js';
import { UsageError } from '../errors.js';
import { locateJava } from '../probes/java.js';
import { agentTrustStore, describeChoice } from './truststore.js';

export interface LocatedKeystore {
  keystore: string;
  javaHome?: string;
  /** How the store was chosen, as Java chooses it (for the user). */
  chosenBy: string;
}

export async function locateKeystore(config: DoctorConfig, env: NodeJS.ProcessEnv): Promise<LocatedKeystore> {
  const java = await locateJava({ javaHome: config.javaHome, javaHomeSource: config.javaHomeSource, env });
  const javaHome = java.found ? java.home : undefined;
  // The store the agent's Java reads: javax.net.ssl.trustStore, else jssecacerts, else cacerts
  // (jre/ of a JDK 8 root), the same resolution java-certs judges.
  const store = await agentTrustStore({
    keystore: config.keystore,
    java: java.found ? { found: true, home: java.home, version: java.version } : { found: false },
    env,
    agentOptions: config.agentJavaOptions,
  });
  if (!store) {
    throw new UsageError(
      'no Java runtime found to take cacerts from: give --java-home DIR (or JAVA_HOME), or --keystore FILE',
    );
  }
  if (!store.file) {
    throw new UsageError(
      `Java's trust store is ${store.type ?? store.special} (${describeChoice(store)}), not a file: it cannot be read or written here; on Windows, add the CA certificates to the machine's certificate store (certlm.msc, or certutil -addstore Root FILE), or give --keystore FILE`,
    );
  }
  return { keystore: store.file, chosenBy: describeChoice(store), ...(javaHome && { javaHome }) };
}

export async function keytoolOf(javaHome: string | undefined): Promise<string> {
  if (!javaHome) throw new UsageError('--keytool needs the JRE: give --java-home DIR (or JAVA_HOME)');
  const keytool = path.join(javaHome, 'bin', process.platform === 'win32' ? 'keytool.exe' : 'keytool');
  const { access } = await import('node:fs/promises');
  await access(keytool).catch(() => {
    throw new UsageError(`--keytool: this JRE has no ${keytool}; use a full JDK/JRE, or leave out --keytool`);
  });
  return keytool;
}
