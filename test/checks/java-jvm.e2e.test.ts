// The JVM as the judge, proven against the JVM itself: for each way a real agent host decides trust
// and TLS differently from the plain cacerts/java.security model, a real TLS server on 127.0.0.1,
// a test JRE home (hard links to the machine's Java 17, its own security folders), the JVM's own
// HTTPS client verdict (test/helpers/java/JavaJudge.java), and siem-doctor's verdict (the built CLI,
// java-certs + java-tls). They must agree. SD_BIN=<other bin/run.js> runs another build (for the
// before/after table of issue #11) and then only records; SD_CASE_TABLE=FILE writes the table.
import { appendFile, truncate, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePki } from '../helpers/pki.js';
import { portalServer } from '../helpers/portal.js';
import { compileJudge, judge, testJre, type TestJre } from '../helpers/jre.js';
import { importCert } from '../helpers/keytool.js';
import { ROOT } from '../helpers/paths.js';

const BIN = process.env.SD_BIN ?? path.join(ROOT, 'bin', 'run.js');
const RECORD_ONLY = process.env.SD_BIN !== undefined;

const pki = makePki();

async function importRoot(store: string, pem: string, dir: string, storetype = 'JKS') {
  const file = path.join(dir, `anchor-${Math.random().toString(16).slice(2)}.pem`);
  await writeFile(file, pem);
  await importCert(store, 'sd-test-root', file, storetype);
}

interface Case {
  name: string;
  /** The JVM's handshake failed before trust was at stake: java-certs falls back to its model. */
  certsByModel?: boolean;
  jdk8Shaped?: boolean;
  /** Serves this chain instead of leaf + intermediate. */
  serve?: () => { cert: string; key: string; tls?: { maxVersion?: 'TLSv1.2' } };
  /** Prepares the JRE; returns the launcher variables the agent runs with. */
  setup(jre: TestJre, dir: string): Promise<Record<string, string>>;
}

const withRoot = (jre: TestJre) =>
  importRoot(path.join(jre.security, 'cacerts'), pki.root.cert, jre.security);

const CASES: Case[] = [
  { name: 'cacerts holds the anchor (the model is right)', setup: async (jre) => (await withRoot(jre), {}) },
  {
    name: '-Djavax.net.ssl.trustStore adds the anchor (cacerts lacks it)',
    async setup(jre, dir) {
      const store = path.join(dir, 'agent-truststore.jks');
      await importRoot(store, pki.root.cert, dir);
      return { JAVA_TOOL_OPTIONS: `-Djavax.net.ssl.trustStore=${store}` };
    },
  },
  {
    name: '-Djavax.net.ssl.trustStore hides the anchor (cacerts holds it)',
    async setup(jre, dir) {
      await withRoot(jre);
      const store = path.join(dir, 'agent-truststore.jks');
      await importRoot(store, pki.inspectionRoot.cert, dir);
      return { JAVA_TOOL_OPTIONS: `-Djavax.net.ssl.trustStore=${store}` };
    },
  },
  {
    name: 'jssecacerts without the anchor shadows cacerts with it',
    async setup(jre) {
      await withRoot(jre);
      await importRoot(path.join(jre.security, 'jssecacerts'), pki.inspectionRoot.cert, jre.security);
      return {};
    },
  },
  {
    name: 'jssecacerts with the anchor shadows cacerts without it',
    async setup(jre) {
      await importRoot(path.join(jre.security, 'jssecacerts'), pki.root.cert, jre.security);
      return {};
    },
  },
  {
    name: '-Djava.security.properties disables TLS 1.2 (server speaks TLS 1.2 at most)',
    certsByModel: true,
    serve: () => ({ cert: pki.chain(), key: pki.leaf.key, tls: { maxVersion: 'TLSv1.2' } }),
    async setup(jre, dir) {
      await withRoot(jre);
      const file = path.join(dir, 'hardened.security');
      await writeFile(file, 'jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, TLSv1.2, RC4\n');
      return { JAVA_TOOL_OPTIONS: `-Djava.security.properties=${file}` };
    },
  },
  {
    name: '-Djava.security.properties tightens jdk.certpath.disabledAlgorithms (RSA keySize < 4096)',
    async setup(jre, dir) {
      await withRoot(jre);
      const file = path.join(dir, 'hardened.security');
      await writeFile(file, 'jdk.certpath.disabledAlgorithms=MD2, MD5, RSA keySize < 4096\n');
      return { JAVA_TOOL_OPTIONS: `-Djava.security.properties=${file}` };
    },
  },
  {
    name: 'a JDK-8-shaped home (jre/lib/security) holds the anchor',
    jdk8Shaped: true,
    setup: async (jre) => (await withRoot(jre), {}),
  },
  {
    name: 'a truncated cacerts',
    async setup(jre) {
      const file = path.join(jre.security, 'cacerts');
      await withRoot(jre);
      await truncate(file, Math.floor((await stat(file)).size / 2));
      return {};
    },
  },
  {
    name: 'the server omits its intermediate',
    serve: () => ({ cert: pki.leaf.cert, key: pki.leaf.key }),
    setup: async (jre) => (await withRoot(jre), {}),
  },
];

interface Verdicts {
  certs: string;
  tls: string;
  certsMessage: string;
  judgedBy: string;
  tlsJudgedBy: string;
}

async function doctorVerdict(jre: TestJre, url: string, caFile: string, env: Record<string, string>) {
  const { stdout } = await execa(
    'node',
    [
      BIN,
      'check',
      '--only',
      'java-certs,java-tls',
      '--portal-url',
      url,
      '--ca-file',
      caFile,
      '--java-home',
      jre.home,
      '--format',
      'json',
      '--timeout',
      '5',
    ],
    {
      env: { PATH: process.env.PATH ?? '', LANG: 'C', LC_ALL: 'C', ...env },
      extendEnv: false,
      reject: false,
      timeout: 60_000,
    },
  );
  const report = JSON.parse(stdout) as {
    checks: { id: string; status: string; message: string; evidence?: Record<string, unknown> }[];
  };
  const byId = new Map(report.checks.map((c) => [c.id, c]));
  return {
    certs: byId.get('java-certs')?.status ?? '?',
    tls: byId.get('java-tls')?.status ?? '?',
    certsMessage: byId.get('java-certs')?.message ?? '',
    judgedBy: String(byId.get('java-certs')?.evidence?.judgedBy ?? 'model (no evidence)'),
    tlsJudgedBy: String(byId.get('java-tls')?.evidence?.judgedBy ?? 'model (no evidence)'),
  } satisfies Verdicts;
}

describe("java-certs and java-tls agree with the JVM's own handshake", () => {
  let judgeDir: { dir: string; cleanup(): Promise<void> };
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    judgeDir = await compileJudge();
  }, 60_000);
  afterAll(async () => {
    await judgeDir?.cleanup();
    for (const cleanup of cleanups) await cleanup();
  });

  for (const testCase of CASES) {
    it(
      testCase.name,
      async () => {
        const jre = await testJre({ jdk8Shaped: testCase.jdk8Shaped });
        cleanups.push(jre.cleanup);
        const dir = path.dirname(jre.home);
        const env = await testCase.setup(jre, dir);
        const served = testCase.serve?.() ?? { cert: pki.chain(), key: pki.leaf.key };
        const server = await portalServer(served);
        cleanups.push(server.close);
        const caFile = path.join(dir, 'doctor-ca.pem');
        await writeFile(caFile, pki.root.cert);
        const url = `https://127.0.0.1:${server.port}`;
        const jvm = await judge(jre.java, judgeDir.dir, `${url}/`, env);
        const doctor = await doctorVerdict(jre, url, caFile, env);
        const doctorSaysWorks = doctor.certs !== 'fail' && doctor.tls !== 'fail';
        if (process.env.SD_CASE_TABLE) {
          await appendFile(
            process.env.SD_CASE_TABLE,
            `| ${testCase.name} | ${jvm.ok ? 'connects' : 'fails'} (${jvm.said.slice(0, 90)}) | certs ${doctor.certs}, tls ${doctor.tls} → ${doctorSaysWorks ? 'connects' : 'fails'} | ${doctor.judgedBy.slice(0, 40)} |\n`,
          );
        }
        if (RECORD_ONLY) return;
        expect({ case: testCase.name, works: doctorSaysWorks, doctor }).toMatchObject({
          case: testCase.name,
          works: jvm.ok,
        });
        expect(doctor.tlsJudgedBy).toMatch(/^the JVM at /);
        expect(doctor.judgedBy).toMatch(testCase.certsByModel ? /^the offline model/ : /^the JVM at /);
      },
      60_000,
    );
  }
});
