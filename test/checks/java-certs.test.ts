// java-certs against keystores made by keytool and the real JRE's cacerts; then what issue #11 adds
// to the verdict: the CA table's SHA-1-pinned rows, RSA and ECC roots alike, Oracle JRE 8 before
// 8u381 without the Microsoft 2017 roots (offline model, keystores made by keytool), and a damaged
// trust store under the JVM probe (the real JVM, a test JRE home).
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { javaCerts } from '../../src/checks/java-certs.js';
import { runOne } from '../helpers/context.js';
import { compileJudge, judge, testJre } from '../helpers/jre.js';
import { keystoreCopy } from '../helpers/keystores.js';
import { jksOf, keytool } from '../helpers/keytool.js';
import { CACERTS, FIXTURES, JRE } from '../helpers/paths.js';
import { makePki } from '../helpers/pki.js';
import { portalServer } from '../helpers/portal.js';

const DAY = 86_400_000;
const azure = (name: string) => path.join(FIXTURES, 'azure-cas', name);
const der = async (name: string) => new X509Certificate(await readFile(azure(name))).raw;

/** A JKS made by keytool holding these certificate files (aliases a0, a1, …), in a folder of its own. */
async function storeOf(files: string[]): Promise<string> {
  return jksOf(path.join(await mkdtemp(path.join(os.tmpdir(), 'sd-store-')), 'store.jks'), files);
}

const JAVA8_281 = { javaHome: JRE('jre8u291'), javaHomeSource: '--java-home' as const };

describe('java-certs', () => {
  it('passes when the served chain reaches an anchor of the keystore', async () => {
    const served = await der('azure-rsa-tls-issuing-ca-03-msroot2017.pem');
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
      servedChain: [await der('microsoft-tls-g2-rsa-ca-ocsp-02.pem')],
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
      servedChain: [await der('microsoft-tls-g2-rsa-ca-ocsp-02.pem')],
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

  it("says why a store cannot be used in the report's language, whatever made it unusable", async () => {
    const notAStore = path.join(FIXTURES, 'cef-samples.txt');
    const fr = await runOne(
      javaCerts,
      { keystore: notAStore },
      process.env,
      undefined,
      await loadCatalog('fr'),
    );
    expect(fr).toMatchObject({ status: 'fail', evidence: { reason: 'not-a-keystore' } });
    expect(fr.message).toBe(
      `le magasin de clés ${notAStore} est inutilisable : pas un keystore : ni JKS ni PKCS#12`,
    );
    // a folder where the store should be, in Dutch
    const folder = await mkdtemp(path.join(os.tmpdir(), 'sd-store-'));
    const nl = await runOne(javaCerts, { keystore: folder }, process.env, undefined, await loadCatalog('nl'));
    expect(nl.message).toBe(`de keystore ${folder} is onbruikbaar: een map, geen bestand om te lezen`);
  });

  it('judges the real JRE’s cacerts', async () => {
    const result = await runOne(javaCerts, {}, { PATH: process.env.PATH });
    expect(['pass', 'warn']).toContain(result.status);
    expect(result.evidence?.entries).toBeGreaterThan(50);
  });
});

describe('java-certs, the offline model', () => {
  it('names the Microsoft ECC root and DigiCert Global Root CA, pinned by SHA-1, in a store', async () => {
    const result = await runOne(javaCerts, { keystore: CACERTS });
    const known = result.evidence?.knownCas as string[];
    expect(known).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/: Microsoft ECC Root Certificate Authority 2017 \(until 2042-07-18\)$/),
        expect.stringMatching(/: DigiCert Global Root CA \(until 2031-11-10\)$/),
      ]),
    );
  });

  it('warns when a store holds a root of Azure’s RSA chains but none of its ECC chains', async () => {
    const g2 = azure('digicert-global-root-g2.pem');
    const now = new Date(Date.parse(new X509Certificate(await readFile(g2)).validFrom) + DAY);
    const rsaOnly = await runOne(javaCerts, { keystore: await storeOf([g2]) }, process.env, now);
    expect(rsaOnly.status).toBe('warn');
    expect(rsaOnly.message).toMatch(
      /holds “DigiCert Global Root G2” for Azure’s RSA chains but no root of its ECC/,
    );
    const both = await runOne(
      javaCerts,
      { keystore: await storeOf([g2, azure('digicert-global-root-g3.pem')]) },
      process.env,
      now,
    );
    expect(both.status).toBe('pass');
  }, 30_000);

  it('judges an ECC chain as it judges an RSA one: the ECC issuing CA reaches DigiCert Global Root G3', async () => {
    const served = await der('azure-ecc-tls-issuing-ca-03.pem');
    const now = new Date(Date.parse(new X509Certificate(served).validFrom) + DAY);
    const g3 = await storeOf([azure('digicert-global-root-g3.pem')]);
    const result = await runOne(javaCerts, { keystore: g3, servedChain: [served] }, process.env, now);
    expect(result.status).toBe('pass');
    expect(result.message).toContain('“DigiCert Global Root G3”');
  }, 20_000);

  it('names Oracle JRE 8 before 8u381 as why the Microsoft RSA Root 2017 is missing, and its cure', async () => {
    const served = await der('azure-rsa-tls-issuing-ca-03-msroot2017.pem');
    const now = new Date(Date.parse(new X509Certificate(served).validFrom) + DAY);
    const store = await storeOf([azure('digicert-global-root-g2.pem')]);
    const result = await runOne(
      javaCerts,
      { keystore: store, servedChain: [served], ...JAVA8_281 },
      process.env,
      now,
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('issued by “Microsoft RSA Root Certificate Authority 2017”');
    expect(result.resolution?.[0]).toBe(
      'Java 1.8.0_291 is older than 8u381, the first Oracle Java 8 to ship “Microsoft RSA Root Certificate Authority 2017” and “Microsoft ECC Root Certificate Authority 2017”: update Java, or import the missing root.',
    );
    // without a served chain too: the roots the store lacks are named
    const noChain = await runOne(javaCerts, { keystore: store, ...JAVA8_281 }, process.env, now);
    expect(noChain.resolution?.[0]).toMatch(/^Java 1\.8\.0_291 is older than 8u381/);
    expect(noChain.evidence?.missingRoots).toEqual(
      expect.arrayContaining([
        'Microsoft RSA Root Certificate Authority 2017',
        'Microsoft ECC Root Certificate Authority 2017',
      ]),
    );
    // a Java 17 store with the same gap gets no such hint
    const java17 = await runOne(javaCerts, { keystore: store, servedChain: [served] }, process.env, now);
    expect(java17.resolution?.[0]).not.toMatch(/8u381/);
  }, 30_000);
});

describe('java-certs, judged by the JVM', () => {
  let judgeDir: { dir: string; cleanup(): Promise<void> };
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    judgeDir = await compileJudge();
  }, 60_000);
  afterAll(async () => {
    await judgeDir?.cleanup();
    for (const cleanup of cleanups) await cleanup();
  });

  it('reports a truncated trust store as the damaged-store finding, not as an empty store', async () => {
    const pki = makePki();
    const jre = await testJre();
    cleanups.push(jre.cleanup);
    const cacerts = path.join(jre.security, 'cacerts');
    const rootFile = path.join(jre.security, 'test-root.pem');
    await writeFile(rootFile, pki.root.cert);
    await keytool([
      '-importcert',
      '-noprompt',
      '-alias',
      'sd-test-root',
      '-file',
      rootFile,
      '-keystore',
      cacerts,
      '-storepass',
      'changeit',
    ]);
    await truncate(cacerts, Math.floor((await stat(cacerts)).size / 2));
    const server = await portalServer({ cert: pki.chain(), key: pki.leaf.key });
    cleanups.push(server.close);
    const url = `https://localhost:${server.port}`;
    const jvm = await judge(jre.java, judgeDir.dir, `${url}/`, {});
    expect(jvm.ok).toBe(false);
    expect(jvm.said).toMatch(/problem accessing trust store|trustAnchors parameter must be non-empty/);

    const result = await runOne(
      javaCerts,
      {
        javaHome: jre.home,
        javaHomeSource: '--java-home',
        portalUrl: new URL(url),
        extraCAs: [pki.root.cert],
        timeoutMs: 5000,
      },
      { PATH: process.env.PATH ?? '' },
    );
    expect(String(result.evidence?.judgedBy)).toMatch(/^the JVM at /);
    expect(result).toMatchObject({ status: 'fail', documentedError: 'Issue with new versions of Java' });
    expect(result.message).toMatch(
      /^damaged keystore: Java cannot load .*cacerts \(.*(problem accessing trust store|trustAnchors parameter must be non-empty)/,
    );
    expect(result.evidence).toMatchObject({ reason: 'damaged' });
    expect(result.resolution?.[0]).toMatch(/^Put back a good copy of the keystore/);
  }, 60_000);
});
