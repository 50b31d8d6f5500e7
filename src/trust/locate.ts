// Which keystore the certs commands and `check --fix` work on, and which keytool: --keystore, else
// the store the agent's Java reads, as Java picks it (javax.net.ssl.trustStore, jssecacerts,
// cacerts). The Java install comes from the run's facts (facts.java(), and the JVM's own answer
// when it was asked): this file never looks Java up again.
import path from 'node:path';
import type { Facts } from '../checks/facts.js';
import type { DoctorConfig } from '../config/resolve.js';
import { ConfigError, DoctorError, FileError } from '../errors.js';
import { agentTrustStore, describeChoice } from './truststore.js';

export interface LocatedKeystore {
  keystore: string;
  javaHome?: string;
  /** How the store was chosen, as Java chooses it (for the user). */
  chosenBy: string;
}

export async function locateKeystore(
  facts: Pick<Facts, 'java' | 'jvm'>,
  config: Pick<DoctorConfig, 'keystore' | 'agentJavaOptions'>,
  env: NodeJS.ProcessEnv,
  /** Take the JVM's own answer (check --fix, where it was asked already); else resolve as Java would. */
  { askJvm = false }: { askJvm?: boolean } = {},
): Promise<LocatedKeystore> {
  const [java, jvm] = await Promise.all([facts.java(), askJvm ? facts.jvm() : undefined]);
  const javaHome = java.found ? java.home : undefined;
  const store = await agentTrustStore({
    keystore: config.keystore,
    java,
    ...(jvm && { jvm }),
    env,
    agentOptions: config.agentJavaOptions,
  });
  if (!store) {
    throw new ConfigError({ key: 'trust.error.noJava' });
  }
  if (!store.file) {
    // about the store Java chose, not about an input the user gave: no input role
    throw new DoctorError('keystore', {
      key: 'trust.error.notAFile',
      params: { type: String(store.type ?? store.special), how: describeChoice(store) },
    });
  }
  return { keystore: store.file, chosenBy: describeChoice(store), ...(javaHome && { javaHome }) };
}

export async function keytoolOf(javaHome: string | undefined): Promise<string> {
  if (!javaHome) throw new ConfigError({ key: 'trust.error.keytoolNeedsHome' }, 'keytool');
  const keytool = path.join(javaHome, 'bin', process.platform === 'win32' ? 'keytool.exe' : 'keytool');
  const { access } = await import('node:fs/promises');
  await access(keytool).catch(() => {
    throw new FileError({ key: 'trust.error.noKeytool', params: { keytool } }, 'keytool');
  });
  return keytool;
}
