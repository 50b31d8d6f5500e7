// java-tls against fake JRE homes (their java.security), JAVA_TOOL_OPTIONS, and the real JDK 17.
// Against a portal that refuses TLS 1.2 (the offline model for a Java 8 agent), java-tls is also
// asserted in portal.test.ts ('portal and java-tls for a Java 8 agent'), beside portal's finding.
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { javaTls } from '../../src/checks/java-tls.js';
import { runOne } from '../helpers/context.js';
import { JRE } from '../helpers/paths.js';

async function jreWith(disabled: string) {
  const home = await mkdtemp(path.join(os.tmpdir(), 'sd-jre-'));
  await cp(JRE('jre8u291'), home, { recursive: true });
  await writeFile(
    path.join(home, 'lib', 'security', 'java.security'),
    `# test\nsecurity.provider.1=SUN\njdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, \\\n    ${disabled}RC4, DES, MD5withRSA\n`,
  );
  return home;
}

describe('java-tls', () => {
  it('passes a JRE 8 whose java.security leaves TLS 1.2 on', async () => {
    const result = await runOne(javaTls, { javaHome: JRE('jre8u291') });
    expect(result.status).toBe('pass');
    expect(result.evidence).toMatchObject({
      file: path.join(JRE('jre8u291'), 'lib', 'security', 'java.security'),
    });
  });

  it('fails when jdk.tls.disabledAlgorithms lists TLSv1.2 (on a continuation line)', async () => {
    const result = await runOne(javaTls, { javaHome: await jreWith('TLSv1.2, ') });
    expect(result).toMatchObject({ status: 'fail', documentedError: 'TLS 1.2 required' });
    expect(result.message).toContain('lists TLSv1.2');
    expect(result.evidence).toMatchObject({ disabledProtocols: ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'] });
  });

  it('fails when a -D option in JAVA_TOOL_OPTIONS leaves TLS 1.2 out', async () => {
    const env = { ...process.env, JAVA_TOOL_OPTIONS: '-Xmx512m -Djdk.tls.client.protocols=TLSv1,TLSv1.1' };
    const result = await runOne(javaTls, { javaHome: JRE('jre8u291') }, env);
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      'JAVA_TOOL_OPTIONS sets -Djdk.tls.client.protocols=TLSv1,TLSv1.1, which leaves TLS 1.2 out',
    );
  });

  it('passes the real JDK 17, judged by the JVM itself (its default client protocols)', async () => {
    const result = await runOne(javaTls, {}, { PATH: process.env.PATH });
    expect(result.status).toBe('pass');
    expect(String(result.evidence?.judgedBy)).toMatch(/^the JVM at .*Java 17/);
    expect(result.evidence?.jvmProtocols).toContain('TLSv1.2');
  });

  it('warns, never passes, when there is no java.security to read', async () => {
    const result = await runOne(javaTls, { javaHome: JRE('jre8u281') });
    expect(result.status).toBe('warn');
  });
});
