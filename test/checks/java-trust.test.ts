// java-tls and java-certs against fake JRE homes, the real JRE, and keystores made by keytool.
import { X509Certificate } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { javaCerts } from '../../src/checks/java-certs.js';
import { javaTls } from '../../src/checks/java-tls.js';
import { runOne } from '../helpers/context.js';
import { keytool } from '../helpers/keytool.js';
import { keystoreCopy } from '../helpers/keystores.js';
import { CACERTS, FIXTURES, JRE } from '../helpers/paths.js';

const pemDer = async (name: string) =>
  new X509Certificate(await readFile(path.join(FIXTURES, 'azure-cas', name))).raw;

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

describe('java-certs', () => {
  it('passes when the served chain reaches an anchor of the keystore', async () => {
    const served = await pemDer('azure-rsa-tls-issuing-ca-03-msroot2017.pem');
    // A day the certificate is valid (it expires in 2028), whatever day the test runs on.
    const { validFrom } = new X509Certificate(served);
    const result = await runOne(
      javaCerts,
      { keystore: CACERTS, servedChain: [served] },
      process.env,
      new Date(Date.parse(validFrom) + 86_400_000),
    );
    expect(result.status).toBe('pass');
    expect(result.message).toContain('“Microsoft RSA Root Certificate Authority 2017”');
  });

  it('fails "Issue with new versions of Java" when nothing anchors the chain, and points at certs import', async () => {
    const result = await runOne(javaCerts, {
      keystore: CACERTS,
      servedChain: [await pemDer('microsoft-tls-g2-rsa-ca-ocsp-02.pem')],
    });
    expect(result).toMatchObject({
      status: 'fail',
      documentedError: 'Issue with new versions of Java',
      evidence: { missingIssuer: 'Microsoft TLS RSA Root G2' },
    });
    expect(result.resolution![0]).toContain('siem-doctor certs import');
  });

  it('names the cure when the served chain omits the G2 cross-sign: the self-signed Microsoft TLS RSA Root G2', async () => {
    const result = await runOne(javaCerts, {
      keystore: CACERTS,
      servedChain: [await pemDer('microsoft-tls-g2-rsa-ca-ocsp-02.pem')],
    });
    expect(result.resolution![0]).toContain('without the DigiCert cross-sign of “Microsoft TLS RSA Root G2”');
    expect(result.resolution![0]).toContain('self-signed');
  });

  it('lists the expired documented CAs a keystore holds as no cure', async () => {
    const { file } = await keystoreCopy();
    await keytool([
      '-importcert',
      '-noprompt',
      '-alias',
      'azuretls01crt',
      '-file',
      path.join(FIXTURES, 'azure-cas', 'azure-tls-issuing-ca-01.pem'),
      '-keystore',
      file,
      '-storepass',
      'changeit',
    ]);
    const result = await runOne(javaCerts, { keystore: file });
    expect(result.status).toBe('pass'); // DigiCert G2 is there
    // Debian's cacerts also still holds the Baltimore root, expired in 2025
    expect(result.evidence?.expiredKnownCas).toEqual(expect.arrayContaining(['azuretls01crt']));
  }, 20_000);

  it('reads the entries with a wrong password, and warns that integrity was not checked', async () => {
    const result = await runOne(javaCerts, { keystore: CACERTS, storepass: 'wrong' });
    expect(result.status).toBe('warn');
    expect(result.message).toContain('does not match');
    expect(result.evidence).toMatchObject({ integrityChecked: false, entries: 140 });
  });

  it('fails a damaged keystore, and skips without Java or --keystore', async () => {
    const damaged = await runOne(javaCerts, { keystore: path.join(FIXTURES, 'cef-samples.txt') });
    expect(damaged).toMatchObject({ status: 'fail' });
    expect(damaged.message).toContain('not a keystore');
    expect((await runOne(javaCerts, {}, { PATH: '' })).status).toBe('skip');
  });

  it('judges the real JRE’s cacerts', async () => {
    const result = await runOne(javaCerts, {}, { PATH: process.env.PATH });
    expect(['pass', 'warn']).toContain(result.status);
    expect(result.evidence?.entries).toBeGreaterThan(50);
  });
});
