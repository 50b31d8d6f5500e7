// Chains shaped like Azure's G2 hierarchy (RSA and ECC, generated), served on 127.0.0.1, judged by
// the real JVM (a test JRE home, the agent's store given with -Djavax.net.ssl.trustStore) and by
// siem-doctor's portal and java-certs checks with the same JVM as their judge. A front end that
// omits the cross-sign of Microsoft TLS RSA/ECC Root G2 is its own finding, never "interception";
// the self-signed G2 root in Java's store cures it, and both verdicts must say so.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { gatherFacts } from '../../src/checks/facts.js';
import { javaCerts } from '../../src/checks/java-certs.js';
import { portal } from '../../src/checks/portal.js';
import { proxy } from '../../src/checks/proxy.js';
import { runChecks } from '../../src/checks/run.js';
import { config } from '../helpers/context.js';
import { compileJudge, judge, testJre, type TestJre } from '../helpers/jre.js';
import { jksOf } from '../helpers/keytool.js';
import { makeG2Pki, type G2Pki } from '../helpers/pki-g2.js';
import { portalServer } from '../helpers/portal.js';

/** A JKS made by keytool in `dir` holding these certificates (PEM). */
async function storeWith(dir: string, name: string, pems: string[]): Promise<string> {
  const files: string[] = [];
  for (const [i, pem] of pems.entries()) {
    files.push(path.join(dir, `${name}-${i}.pem`));
    await writeFile(files[i]!, pem);
  }
  return jksOf(path.join(dir, `${name}.jks`), files);
}

interface Case {
  name: string;
  ecc: boolean;
  /** What the front end sends. */
  served: (pki: G2Pki) => string;
  /** The anchors in the agent's trust store. */
  anchors: (pki: G2Pki) => string[];
  jvmConnects: boolean;
  /** java-certs' message, when it fails: the finding's own words. */
  certsSays?: RegExp;
  /** portal's status and message. */
  portal: { status: string; says: RegExp };
  /** The offline model's message when it fails, where it says more than the JVM's. */
  modelSays?: RegExp;
  /** This machine's trust beyond the system roots (--ca-file); the DigiCert root by default. */
  doctorCas?: (pki: G2Pki) => string[];
}

const CASES: Case[] = [
  {
    name: 'RSA: the cross-sign is omitted and the store holds only DigiCert Global Root G2',
    ecc: false,
    served: (p) => p.shortChain,
    anchors: (p) => [p.digicert.cert],
    jvmConnects: false,
    certsSays: /without the DigiCert cross-sign of “Microsoft TLS RSA Root G2”/,
    portal: { status: 'warn', says: /without the DigiCert cross-sign of “Microsoft TLS RSA Root G2”/ },
  },
  {
    name: 'RSA: the cross-sign is omitted and the store holds the self-signed Microsoft TLS RSA Root G2',
    ecc: false,
    served: (p) => p.shortChain,
    anchors: (p) => [p.g2Root.cert],
    jvmConnects: true,
    portal: { status: 'warn', says: /without the DigiCert cross-sign/ },
  },
  {
    name: 'RSA: the full chain and DigiCert Global Root G2 (the usual case)',
    ecc: false,
    served: (p) => p.fullChain,
    anchors: (p) => [p.digicert.cert],
    jvmConnects: true,
    // reachable; localhost is no tenant host, the one warning left
    portal: { status: 'warn', says: /is not a Defender for Cloud Apps tenant host name/ },
  },
  {
    name: 'ECC: the cross-sign is omitted and the store holds only DigiCert Global Root G3',
    ecc: true,
    served: (p) => p.shortChain,
    anchors: (p) => [p.digicert.cert],
    jvmConnects: false,
    certsSays: /without the DigiCert cross-sign of “Microsoft TLS ECC Root G2”/,
    portal: { status: 'warn', says: /without the DigiCert cross-sign of “Microsoft TLS ECC Root G2”/ },
  },
  {
    name: 'ECC: the full chain and DigiCert Global Root G3',
    ecc: true,
    served: (p) => p.fullChain,
    anchors: (p) => [p.digicert.cert],
    jvmConnects: true,
    portal: { status: 'warn', says: /is not a Defender for Cloud Apps tenant host name/ },
  },
  {
    name: 'RSA: the server sends its leaf only, and this machine’s --ca-file holds the OCSP CA it omits',
    ecc: false,
    served: (p) => p.leaf.cert,
    anchors: (p) => [p.g2Root.cert],
    doctorCas: (p) => [p.digicert.cert, p.g2Root.cert, p.ocsp.cert],
    jvmConnects: false,
    // this machine completes the chain from its own trust and reaches the portal; Java cannot
    modelSays: /ends at “localhost”, issued by “Microsoft TLS G2 RSA CA OCSP 02”/,
    portal: { status: 'warn', says: /is not a Defender for Cloud Apps tenant host name/ },
  },
];

describe('a chain sent without the G2 cross-sign: siem-doctor agrees with the JVM', () => {
  let judgeDir: { dir: string; cleanup(): Promise<void> };
  let jre: TestJre;
  const pkis: Partial<Record<'rsa' | 'ecc', G2Pki>> = {};
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    [judgeDir, jre, pkis.rsa, pkis.ecc] = await Promise.all([
      compileJudge(),
      testJre(),
      makeG2Pki(),
      makeG2Pki({ ecc: true }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await judgeDir?.cleanup();
    await jre?.cleanup();
    for (const cleanup of cleanups) await cleanup();
  });

  for (const testCase of CASES) {
    it(
      testCase.name,
      async () => {
        const pki = testCase.ecc ? pkis.ecc! : pkis.rsa!;
        const dir = path.dirname(jre.home);
        const store = await storeWith(dir, `agent-${CASES.indexOf(testCase)}`, testCase.anchors(pki));
        const server = await portalServer({ cert: testCase.served(pki), key: pki.leaf.key });
        cleanups.push(server.close);
        const url = `https://localhost:${server.port}`;
        const env = { JAVA_TOOL_OPTIONS: `-Djavax.net.ssl.trustStore=${store}` };

        const jvm = await judge(jre.java, judgeDir.dir, `${url}/`, env);
        expect(jvm.ok, jvm.said).toBe(testCase.jvmConnects);

        // This machine's trust: the system roots and the DigiCert root (as on a real host), never
        // the self-signed G2 root.
        const cfg = config({
          portalUrl: new URL(url),
          javaHome: jre.home,
          javaHomeSource: '--java-home',
          extraCAs: testCase.doctorCas?.(pki) ?? [pki.digicert.cert],
          timeoutMs: 5000,
        });
        const runEnv = { PATH: process.env.PATH ?? '', ...env };
        const results = await runChecks([proxy, portal, javaCerts], {
          config: cfg,
          facts: gatherFacts(cfg, runEnv),
          catalog: en,
          env: runEnv,
        });
        const byId = Object.fromEntries(results.map((r) => [r.id, r]));
        const certs = byId['java-certs']!;
        expect(String(certs.evidence?.judgedBy)).toMatch(/^the JVM at /);
        expect({ certs: certs.status, message: certs.message }).toMatchObject({
          certs: testCase.jvmConnects ? 'pass' : 'fail',
        });
        if (testCase.certsSays) expect(certs.message).toMatch(testCase.certsSays);
        if (testCase.certsSays && testCase.served(pki) === pki.shortChain)
          expect(certs.resolution?.[0]).toContain('self-signed');

        // The offline model (no Java to ask, the agent's store named with --keystore) judges
        // Java's path from what the server sent, and agrees too.
        const modelCfg = { ...cfg, keystore: store, javaHome: undefined, javaHomeSource: undefined };
        const [model] = await runChecks([javaCerts], {
          config: modelCfg,
          facts: gatherFacts(modelCfg, { PATH: '' }),
          catalog: en,
          env: { PATH: '' },
        });
        expect(String(model!.evidence?.judgedBy)).toMatch(/^the offline model/);
        expect({ model: model!.status, message: model!.message }).toMatchObject({
          model: testCase.jvmConnects ? 'pass' : 'fail',
        });
        const modelSays = testCase.modelSays ?? testCase.certsSays;
        if (modelSays) expect(model!.message).toMatch(modelSays);
        const found = byId.portal!;
        expect(found.status).toBe(testCase.portal.status);
        expect(found.message).toMatch(testCase.portal.says);
        // never taken for interception
        expect(found.message).not.toMatch(/^TLS inspection suspected/);
        expect(found.resolution?.join(' ') ?? '').not.toMatch(/something intercepts|Exempt the agent server/);
        // what the server sent, apart from what this machine's trust completed it with
        const tlsEvidence = found.evidence?.tls as { sent: string[]; completedFromLocalTrust?: string[] };
        const kind = testCase.ecc ? 'ECC' : 'RSA';
        const served = testCase.served(pki);
        expect(tlsEvidence.sent).toEqual(
          served === pki.fullChain
            ? ['localhost', `Microsoft TLS G2 ${kind} CA OCSP 02`, `Microsoft TLS ${kind} Root G2`]
            : served === pki.shortChain
              ? ['localhost', `Microsoft TLS G2 ${kind} CA OCSP 02`]
              : ['localhost'],
        );
        if (testCase.served(pki) === pki.fullChain)
          expect(tlsEvidence.completedFromLocalTrust).toEqual([
            testCase.ecc ? 'DigiCert Global Root G3' : 'DigiCert Global Root G2',
          ]);
      },
      60_000,
    );
  }
});
