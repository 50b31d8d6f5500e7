// Which keystore the certs commands work on, and which keytool: --keystore, else the cacerts of
// the agent's JRE (--java-home, JAVA_HOME, java on PATH).
import path from 'node:path';
import type { DoctorConfig } from '../config/resolve.js';
import { UsageError } from '../errors.js';
import { locateJava } from '../probes/java.js';
import { cacertsOf } from './cacerts.js';

export async function locateKeystore(
  config: DoctorConfig,
  env: NodeJS.ProcessEnv,
): Promise<{ keystore: string; javaHome?: string }> {
  const java = await locateJava({ javaHome: config.javaHome, javaHomeSource: config.javaHomeSource, env });
  const javaHome = java.found ? java.home : undefined;
  if (config.keystore) return { keystore: config.keystore, ...(javaHome && { javaHome }) };
  if (!javaHome) {
    throw new UsageError(
      'no Java runtime found to take cacerts from: give --java-home DIR (or JAVA_HOME), or --keystore FILE',
    );
  }
  return { keystore: cacertsOf(javaHome), javaHome };
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
