// The offline model's answer to "which store does Java read, with which security properties" when
// the JVM cannot be asked (a JRE copied from another host: its java does not run here). The fake
// JREs of fixtures/jre have a java that must not run, so every verdict here is the model's.
import { X509Certificate } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { javaCerts } from '../../src/checks/java-certs.js';
import { javaTls } from '../../src/checks/java-tls.js';
import { resolveTrustStore, splitOptions, systemProperties } from '../../src/trust/truststore.js';
import { effectiveSecurity } from '../../src/trust/java-security.js';
import { runOne } from '../helpers/context.js';
import { CACERTS, FIXTURES, JRE } from '../helpers/paths.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function fakeJre(): Promise<string> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'sd-model-jre-'));
  dirs.push(home);
  await cp(JRE('jre8u291'), home, { recursive: true });
  return home;
}

describe('the trust store Java reads', () => {
  it('takes -Djavax.net.ssl.trustStore, the last launcher source winning (_JAVA_OPTIONS over the command line)', () => {
    const props = systemProperties(
      { JAVA_TOOL_OPTIONS: '-Djavax.net.ssl.trustStore=/a', _JAVA_OPTIONS: '-Djavax.net.ssl.trustStore=/c' },
      8,
      ['-Djavax.net.ssl.trustStore=/b'],
    );
    expect(props.get('javax.net.ssl.trustStore')).toEqual({ value: '/c', from: '_JAVA_OPTIONS' });
    expect(splitOptions('-Xmx1g "-Dx=a b" -Dy=1')).toEqual(['-Xmx1g', '-Dx=a b', '-Dy=1']);
  });

  it('prefers jssecacerts to cacerts, and finds a JDK 8 root’s JRE in jre/', async () => {
    const home = await fakeJre();
    await writeFile(path.join(home, 'lib', 'security', 'jssecacerts'), await readFile(CACERTS));
    expect(await resolveTrustStore(home, new Map())).toEqual({
      file: path.join(home, 'lib', 'security', 'jssecacerts'),
      chosenBy: 'jssecacerts',
    });
    const root = await mkdtemp(path.join(os.tmpdir(), 'sd-model-jdk8-'));
    dirs.push(root);
    await mkdir(path.join(root, 'jre', 'lib', 'security'), { recursive: true });
    expect((await resolveTrustStore(root, new Map())).file).toBe(
      path.join(root, 'jre', 'lib', 'security', 'cacerts'),
    );
  });

  it('names the Windows-ROOT and NONE stores, which are no file', async () => {
    const props = systemProperties({ JAVA_TOOL_OPTIONS: '-Djavax.net.ssl.trustStoreType=Windows-ROOT' }, 8);
    expect(await resolveTrustStore('/nowhere', props)).toMatchObject({ special: 'Windows-ROOT' });
  });
});

describe('the security properties Java applies', () => {
  it('adds -Djava.security.properties=FILE, replaces with ==FILE, and follows include lines', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-model-sec-'));
    dirs.push(dir);
    const main = path.join(dir, 'java.security');
    await writeFile(main, 'jdk.tls.disabledAlgorithms=SSLv3\nkeep=1\ninclude extra.security\n');
    await writeFile(path.join(dir, 'extra.security'), 'included=yes\n');
    await writeFile(path.join(dir, 'over.security'), 'jdk.tls.disabledAlgorithms=TLSv1.2\n');
    const add = await effectiveSecurity(
      main,
      systemProperties({ JAVA_TOOL_OPTIONS: `-Djava.security.properties=${dir}/over.security` }, 8),
    );
    expect(Object.fromEntries(add.properties)).toMatchObject({
      'jdk.tls.disabledAlgorithms': 'TLSv1.2',
      keep: '1',
      included: 'yes',
    });
    const replace = await effectiveSecurity(
      main,
      systemProperties({ JAVA_TOOL_OPTIONS: `-Djava.security.properties==${dir}/over.security` }, 8),
    );
    expect(replace.properties.has('keep')).toBe(false);
  });
});

describe('the model’s verdicts when the JVM cannot run', () => {
  it('java-tls fails TLS 1.2 off through -Djava.security.properties, and says it is the model', async () => {
    const home = await fakeJre();
    const over = path.join(home, 'over.security');
    await writeFile(over, 'jdk.tls.disabledAlgorithms=SSLv3, TLSv1.2\n');
    const result = await runOne(
      javaTls,
      { javaHome: home },
      { JAVA_TOOL_OPTIONS: `-Djava.security.properties=${over}` },
    );
    expect(result).toMatchObject({ status: 'fail', documentedError: 'TLS 1.2 required' });
    expect(String(result.evidence?.judgedBy)).toMatch(/^the offline model/);
  });

  it('java-certs reads jssecacerts, and refuses the RSA-2048 DigiCert G2 anchor under RSA keySize < 4096', async () => {
    const home = await fakeJre();
    await writeFile(path.join(home, 'lib', 'security', 'jssecacerts'), await readFile(CACERTS));
    const security = path.join(home, 'lib', 'security', 'java.security');
    await writeFile(
      security,
      `${await readFile(security, 'utf8')}\njdk.certpath.disabledAlgorithms=MD5, RSA keySize < 4096\n`,
    );
    const chain = [
      new X509Certificate(
        await readFile(path.join(FIXTURES, 'azure-cas', 'microsoft-tls-rsa-root-g2-xsign.pem')),
      ).raw,
    ];
    const result = await runOne(javaCerts, { javaHome: home, servedChain: chain });
    expect(result.status).toBe('fail');
    expect(result.message).toContain('RSA keySize < 4096');
    expect(result.evidence).toMatchObject({ chosenBy: expect.stringContaining('jssecacerts') });
    expect(String(result.evidence?.judgedBy)).toMatch(/^the offline model \(the JVM could not run here/);
  });
});
