// certs list / certs import on the store Java really reads, and on a store the distribution owns.
// The distribution's tree is a temporary folder laid out like / (etc/ssl/certs/java/cacerts, …):
// update-ca-certificates runs for real, but only against that tree (--certsconf, --certsdir,
// --localcertsdir, --etccertsdir, --hooksdir), never against this machine's own store. Its hook
// stands in for ca-certificates-java: it imports each added PEM into the tree's Java store.
import { X509Certificate } from 'node:crypto';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { doctor } from '../../helpers/cli.js';
import { keytoolList } from '../../helpers/keytool.js';
import { CACERTS, FIXTURES, JRE } from '../../helpers/paths.js';

const G2 = path.join(FIXTURES, 'azure-cas', 'microsoft-tls-rsa-root-g2-xsign.pem');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A JRE copied from elsewhere (its java does not run here) whose cacerts links into `tree`. */
async function jreLinkedTo(tree: string, layout: 'debian' | 'rhel') {
  const home = path.join(tree, 'jre');
  await cp(JRE('jre8u291'), home, { recursive: true });
  const store =
    layout === 'debian'
      ? path.join(tree, 'etc', 'ssl', 'certs', 'java', 'cacerts')
      : path.join(tree, 'etc', 'pki', 'java', 'cacerts');
  await mkdir(path.dirname(store), { recursive: true });
  await cp(CACERTS, store);
  await symlink(store, path.join(home, 'lib', 'security', 'cacerts'));
  return { home, store };
}

async function debianTree() {
  const tree = await mkdtemp(path.join(os.tmpdir(), 'sd-debian-'));
  dirs.push(tree);
  const jre = await jreLinkedTo(tree, 'debian');
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
