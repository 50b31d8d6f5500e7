// certs list / certs import on the store Java really reads, and on a store the distribution owns.
// The distribution's tree is a temporary folder laid out like / (etc/ssl/certs/java/cacerts, …):
// update-ca-certificates runs for real, but only against that tree (--certsconf, --certsdir,
// --localcertsdir, --etccertsdir, --hooksdir), never against this machine's own store. Its hook
// stands in for ca-certificates-java: it imports each added PEM into the tree's Java store.
import { X509Certificate } from 'node:crypto';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { doctor } from '../../helpers/cli.js';
import { testJre } from '../../helpers/jre.js';
import { keytoolList } from '../../helpers/keytool.js';
import { CACERTS, FIXTURES, JRE } from '../../helpers/paths.js';
import { trustedPortal } from '../../helpers/portal.js';
import type { Peer } from '../../helpers/servers.js';

const G2 = path.join(FIXTURES, 'azure-cas', 'microsoft-tls-rsa-root-g2-xsign.pem');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/**
 * A JRE whose cacerts links into `tree`: by default one copied from elsewhere (its java does not
 * run here); `home`, a test JRE home that runs (test/helpers/jre.ts).
 */
async function jreLinkedTo(tree: string, layout: 'debian' | 'rhel', given?: string) {
  const home = given ?? path.join(tree, 'jre');
  if (!given) await cp(JRE('jre8u291'), home, { recursive: true });
  else await rm(path.join(home, 'lib', 'security', 'cacerts')); // the test JRE's own copy, not the system's
  const store =
    layout === 'debian'
      ? path.join(tree, 'etc', 'ssl', 'certs', 'java', 'cacerts')
      : path.join(tree, 'etc', 'pki', 'java', 'cacerts');
  await mkdir(path.dirname(store), { recursive: true });
  await cp(CACERTS, store);
  await symlink(store, path.join(home, 'lib', 'security', 'cacerts'));
  return { home, store };
}

async function debianTree(home?: string) {
  const tree = await mkdtemp(path.join(os.tmpdir(), 'sd-debian-'));
  dirs.push(tree);
  const jre = await jreLinkedTo(tree, 'debian', home);
  await writeFile(path.join(tree, 'etc', 'ca-certificates.conf'), '');
  await mkdir(path.join(tree, 'usr', 'share', 'ca-certificates'), { recursive: true });
  const hooks = path.join(tree, 'etc', 'ca-certificates', 'update.d');
  await mkdir(hooks, { recursive: true });
  const hook = path.join(hooks, 'test-java-store');
  await writeFile(
    hook,
    `#!/bin/sh\n# stands in for ca-certificates-java: import every added PEM into the tree's store\nwhile read -r line; do case "$line" in +*) f="\${line#+}"; keytool -importcert -noprompt -alias "$(basename "$f" .pem)" -file "$f" -keystore "${jre.store}" -storepass changeit >/dev/null;; esac; done\n`,
  );
  await chmod(hook, 0o755);
  return { tree, ...jre };
}

const env = { LANG: 'C', LC_ALL: 'C' };

describe('the store certs list and certs import work on', () => {
  it('is jssecacerts when it exists, and says how it was chosen', async () => {
    const tree = await mkdtemp(path.join(os.tmpdir(), 'sd-jsse-'));
    dirs.push(tree);
    const home = path.join(tree, 'jre');
    await cp(JRE('jre8u291'), home, { recursive: true });
    await cp(CACERTS, path.join(home, 'lib', 'security', 'jssecacerts'));
    const run = await doctor(['certs', 'list', '--java-home', home], env);
    expect(run.stdout).toContain(`in ${path.join(home, 'lib', 'security', 'jssecacerts')}`);
    expect(run.stdout).toContain('Chosen as Java chooses it: jssecacerts exists');
  });

  it('is refused, with the way out, when the trust store is Windows-ROOT', async () => {
    const run = await doctor(['certs', 'list', '--java-home', JRE('jre8u291')], {
      ...env,
      JAVA_TOOL_OPTIONS: '-Djavax.net.ssl.trustStoreType=Windows-ROOT',
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('machine');
  });
});

describe('a distribution-managed store', () => {
  it('Debian: certs import prints the plan, writes nothing under --dry-run', async () => {
    const { tree, home, store } = await debianTree();
    const before = await readFile(store);
    const run = await doctor(['certs', 'import', '--java-home', home, '--from', G2, '--dry-run'], env);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      `resolves to ${store}, which the distribution rebuilds (update-ca-certificates)`,
    );
    const crt = path.join(
      tree,
      'usr',
      'local',
      'share',
      'ca-certificates',
      'siem-doctor',
      'microsoft-tls-rsa-root-g2.crt',
    );
    expect(run.stdout).toContain(`write ${crt}`);
    expect(run.stdout).toContain(
      `run update-ca-certificates --certsconf ${path.join(tree, 'etc', 'ca-certificates.conf')}`,
    );
    expect((await readFile(store)).equals(before)).toBe(true);
    await expect(stat(crt)).rejects.toThrow();
  });

  it('Debian: certs import --yes goes through update-ca-certificates in the tree, and verifies the store', async () => {
    const { tree, home, store } = await debianTree();
    const run = await doctor(['certs', 'import', '--java-home', home, '--from', G2, '--yes'], env);
    expect(run.stdout).toContain('through update-ca-certificates');
    expect(run.exitCode).toBe(0);
    const crt = path.join(
      tree,
      'usr',
      'local',
      'share',
      'ca-certificates',
      'siem-doctor',
      'microsoft-tls-rsa-root-g2.crt',
    );
    expect(new X509Certificate(await readFile(crt)).fingerprint256).toBe(
      new X509Certificate(await readFile(G2)).fingerprint256,
    );
    // The tool linked it into the tree's certs folder, and the hook into its Java store (keytool reads it).
    expect(
      (await stat(path.join(tree, 'etc', 'ssl', 'certs', 'microsoft-tls-rsa-root-g2.pem'))).isFile(),
    ).toBe(true);
    expect((await keytoolList(store)).map((l) => l.alias)).toContain('microsoft-tls-rsa-root-g2');
  });

  it('RHEL: certs import names update-ca-trust and the anchors folder', async () => {
    const tree = await mkdtemp(path.join(os.tmpdir(), 'sd-rhel-'));
    dirs.push(tree);
    const { home } = await jreLinkedTo(tree, 'rhel');
    const run = await doctor(['certs', 'import', '--java-home', home, '--from', G2, '--dry-run'], env);
    expect(run.stdout).toContain('(update-ca-trust)');
    expect(run.stdout).toContain(
      `write ${path.join(tree, 'etc', 'pki', 'ca-trust', 'source', 'anchors', 'microsoft-tls-rsa-root-g2.pem')}`,
    );
    expect(run.stdout).toContain('run update-ca-trust extract');
  });
});

describe('a distribution-managed store against a portal (#11)', () => {
  let portal: Peer;
  let caFile: string;
  beforeAll(async () => ({ portal, caFile } = await trustedPortal()));
  afterAll(() => portal.close());
  const against = () => ['--portal-url', `https://localhost:${portal.port}`, '--ca-file', caFile];
  const localCrt = (tree: string, alias: string) =>
    path.join(tree, 'usr', 'local', 'share', 'ca-certificates', 'siem-doctor', `${alias}.crt`);

  it('certs import --yes: after update-ca-certificates the JVM itself is asked, and says it trusts the portal now', async () => {
    const jre = await testJre();
    try {
      const { tree, store } = await debianTree(jre.home);
      const run = await doctor(['certs', 'import', '--java-home', jre.home, ...against(), '--yes'], env);
      expect(run.stdout).toContain('through update-ca-certificates');
      expect(run.stdout).toContain(
        `Confirmed by the JVM: ${jre.jre} now trusts localhost; its own handshake succeeded (TLSv1.`,
      );
      expect(run.exitCode).toBe(0);
      expect(new X509Certificate(await readFile(localCrt(tree, 'test-root-g2'))).subject).toContain(
        'Test Root G2',
      );
      expect((await keytoolList(store)).map((l) => l.alias)).toContain('test-root-g2');
      // a second run has nothing to add, and the JVM's answer is in the document
      const again = await doctor(
        ['certs', 'import', '--java-home', jre.home, ...against(), '--yes', '--json'],
        env,
      );
      expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'nothing', add: [], changed: false });
    } finally {
      await jre.cleanup();
    }
  }, 60_000);

  it('certs import --yes: a JVM that still refuses the chain afterwards (RSA keySize < 4096) is said, exit 1', async () => {
    const jre = await testJre();
    try {
      const { store } = await debianTree(jre.home);
      // a hardened host: the test JRE's own copy of java.security refuses RSA keys under 4096 bits
      const security = path.join(jre.jre, 'conf', 'security', 'java.security');
      await writeFile(
        security,
        `${await readFile(security, 'utf8')}\njdk.certpath.disabledAlgorithms=MD2, MD5, RSA keySize < 4096\n`,
      );
      const run = await doctor(
        ['certs', 'import', '--java-home', jre.home, ...against(), '--yes', '--json'],
        env,
      );
      const result = JSON.parse(run.stdout);
      expect(result).toMatchObject({
        outcome: 'managed-done',
        changed: true,
        ok: false,
        jvm: { asked: true, handshake: { host: 'localhost', trusted: false, decided: true } },
      });
      expect(result.jvm.handshake.error).toMatch(/constraints|disabled|keySize/i);
      expect(run.exitCode).toBe(1);
      expect((await keytoolList(store)).map((l) => l.alias)).toContain('test-root-g2'); // the store holds it
    } finally {
      await jre.cleanup();
    }
  }, 60_000);

  it('check --fix offers the distribution’s plan and, under --yes, runs it: never a direct write into the store', async () => {
    const { tree, home, store } = await debianTree();
    const before = await readFile(store);
    const args = ['check', '--only', 'java-certs', '--java-home', home, ...against(), '--fix'];
    const asked = await doctor(args, env); // no --yes, no terminal: the plan is printed, not applied
    expect(asked.stderr).toContain(
      "fix java-certs: not applied: add 2 CA certificates of the portal's chain (Microsoft Azure RSA TLS Issuing CA 03, Test Root G2) the distribution's way: write",
    );
    expect(asked.stderr).toContain(
      `${localCrt(tree, 'test-root-g2')}, then run update-ca-certificates --certsconf`,
    );
    expect((await readFile(store)).equals(before)).toBe(true);
    await expect(stat(localCrt(tree, 'test-root-g2'))).rejects.toThrow();

    const run = await doctor([...args, '--yes', '--json'], env);
    const report = JSON.parse(run.stdout);
    expect(report.fixes).toEqual([
      expect.objectContaining({
        id: 'java-certs',
        applied: true,
        message: expect.stringContaining('through update-ca-certificates'),
      }),
    ]);
    expect(report.checks[0].status).toBe('pass');
    // the distribution's way: its anchors folder and its tool (whose hook wrote the store), no
    // backup of a direct write beside the store
    expect((await stat(localCrt(tree, 'test-root-g2'))).isFile()).toBe(true);
    expect(await readdir(path.dirname(store))).toEqual(['cacerts']);
    expect((await keytoolList(store)).map((l) => l.alias)).toEqual(
      expect.arrayContaining(['test-root-g2', 'microsoft-azure-rsa-tls-issuing-ca-03']),
    );
  }, 60_000);
});
