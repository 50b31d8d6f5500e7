// certs import and certs list as a user runs them; every keystore written is judged by keytool.
import { X509Certificate } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, chmod, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { once } from 'node:events';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_CAS, downloadFileName } from '../../../src/trust/known-cas.js';
import { locateJava } from '../../../src/probes/java.js';
import { doctor } from '../../helpers/cli.js';
import { keytool, keytoolList, toPasswordlessPkcs12 } from '../../helpers/keytool.js';
import { azureCa03Entry, keystoreCopy } from '../../helpers/keystores.js';
import { serializeJks } from '../../../src/keystore/jks.js';
import { trustedPortal } from '../../helpers/portal.js';
import { CACERTS, FIXTURES, ROOT } from '../../helpers/paths.js';
import type { Peer } from '../../helpers/servers.js';
import { RAW_CONTROL } from '../../helpers/terminal.js';

const CAS = path.join(FIXTURES, 'azure-cas');

async function realJavaHome(): Promise<string> {
  const java = await locateJava({ env: process.env });
  if (!java.found) throw new Error('these tests need the machine’s Java (keytool)');
  return java.home;
}
const sha = async (name: string) => new X509Certificate(await readFile(path.join(CAS, name))).fingerprint256;

/**
 * The CA certificates of the fixture folder that the 140-entry keystore lacks, split by their own
 * expiry against today: what an import must add and what it must skip as expired, on any date.
 */
async function fixtureCasAgainstKeystore() {
  const present = new Set((await keytoolList(CACERTS)).map((l) => l.sha256));
  const certs = (await readdir(CAS))
    .filter((f) => f.endsWith('.pem'))
    .sort()
    .map(async (f) => new X509Certificate(await readFile(path.join(CAS, f))));
  const lacking = (await Promise.all(certs)).filter((c) => c.ca && !present.has(c.fingerprint256));
  const valid = lacking.filter((c) => Date.parse(c.validTo) > Date.now());
  const name = (c: X509Certificate) => /CN=(.*)/.exec(c.subject)![1]!;
  return { valid: valid.map(name), expired: lacking.length - valid.length };
}

describe('certs import --from', () => {
  it('adds the valid CA certificates the keystore lacks, keeps a backup, and a second run changes nothing', async () => {
    const { dir, file } = await keystoreCopy();
    const first = await doctor(['certs', 'import', '--keystore', file, '--from', CAS, '--yes', '--json']);
    expect(first.exitCode).toBe(0);
    const result = JSON.parse(first.stdout);
    const expected = await fixtureCasAgainstKeystore();
    expect(expected.valid.length).toBeGreaterThan(0); // fixtures that have all expired test nothing
    expect(result.changed).toBe(true);
    expect(result.add.map((a: { name: string }) => a.name)).toEqual(expected.valid);
    expect(result.skipped.filter((s: { reason: string }) => s.reason === 'expired')).toHaveLength(
      expected.expired,
    );
    const listed = await keytoolList(file);
    expect(listed).toHaveLength(140 + expected.valid.length);
    const added = listed.find((l) => l.alias === 'microsoft-tls-rsa-root-g2');
    expect(added).toMatchObject({
      type: 'trustedCertEntry',
      sha256: await sha('microsoft-tls-rsa-root-g2-xsign.pem'),
    });
    expect((await readFile(result.backup)).equals(await readFile(CACERTS))).toBe(true);

    const second = await doctor(['certs', 'import', '--keystore', file, '--from', CAS, '--yes']);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('Nothing to change');
    expect((await readdir(dir)).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('uses the docs’ aliases for the documented certificates, with --include-expired', async () => {
    const { file } = await keystoreCopy();
    const { exitCode } = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--from',
      CAS,
      '--include-expired',
      '--yes',
    ]);
    expect(exitCode).toBe(0);
    const aliases = (await keytoolList(file)).map((l) => l.alias);
    for (const n of ['01', '02', '03', '04', '05', '06', '07', '08'])
      expect(aliases).toContain(`azuretls${n}crt`);
  });

  it('--dry-run and a missing --yes without a terminal change nothing', async () => {
    const { file } = await keystoreCopy();
    const before = await readFile(file);
    const dry = await doctor(['certs', 'import', '--keystore', file, '--from', CAS, '--dry-run']);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was changed.');
    const noYes = await doctor(['certs', 'import', '--keystore', file, '--from', CAS]);
    expect(noYes.exitCode).toBe(2);
    expect(noYes.stderr).toContain('add --yes');
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it.each([
    [['--storepass', 'wrong-pass'], 'wrong keystore password'],
    [['--from', '/nonexistent/ca.pem'], '--from: /nonexistent/ca.pem does not exist'],
    [['--from', path.join(FIXTURES, 'cef-samples.txt')], 'neither a PEM nor a DER certificate'],
    [
      ['--download', '--pki-base-url', 'not-a-url'],
      '--pki-base-url "not-a-url" must be an http:// or https:// address',
    ],
    [['--keytool', '--java-home', path.join(FIXTURES, 'jre', 'jre8u291')], 'this JRE has no'],
  ])('bad input %j exits 2 with one line and leaves the keystore alone', async (args, expected) => {
    const { file } = await keystoreCopy();
    const before = await readFile(file);
    const run = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--yes',
      ...(args.includes('--from') ? [] : ['--from', CAS]),
      ...args,
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).not.toContain('wrong-pass');
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('a wrong --storepass is named as --storepass, not --keystore (a store keytool made)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-storepass-'));
    try {
      const file = path.join(dir, 'ks.jks');
      await keytool([
        '-importcert',
        '-noprompt',
        '-alias',
        'ca03',
        '-file',
        path.join(CAS, 'azure-rsa-tls-issuing-ca-03.pem'),
        '-keystore',
        file,
        '-storetype',
        'jks',
        '-storepass',
        'right-pass',
      ]);
      for (const command of [
        ['certs', 'list'],
        ['certs', 'import', '--from', CAS, '--dry-run'],
      ]) {
        const run = await doctor([...command, '--keystore', file, '--storepass', 'wrong-pass']);
        expect(run.exitCode).toBe(2);
        expect(run.stderr.trim()).toMatch(/^Error: --storepass: .*ks\.jks: wrong keystore password/);
        expect(run.stderr).not.toContain('--keystore');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes a password-less PKCS#12 store (JDK 18+) that keytool lists', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-import-p12-'));
    const file = path.join(dir, 'cacerts');
    await toPasswordlessPkcs12(CACERTS, file);
    const { exitCode } = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--from',
      path.join(CAS, 'microsoft-tls-rsa-root-g2-xsign.pem'),
      '--yes',
    ]);
    expect(exitCode).toBe(0);
    const listed = await keytoolList(file, 'changeit', 'pkcs12');
    expect(listed).toHaveLength(141);
    expect(listed.find((l) => l.alias === 'microsoft-tls-rsa-root-g2')?.type).toBe('trustedCertEntry');
  }, 30_000);

  it('--keytool imports through the JRE’s keytool, password kept off the command line', async () => {
    const { file } = await keystoreCopy();
    const { exitCode, stdout } = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--from',
      path.join(CAS, 'microsoft-tls-g2-rsa-ca-ocsp-02.pem'),
      '--keytool',
      '--yes',
      '--java-home',
      await realJavaHome(),
    ]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('Added 1 certificate to');
    expect((await keytoolList(file)).find((l) => l.alias === 'microsoft-tls-g2-rsa-ca-ocsp-02')?.type).toBe(
      'trustedCertEntry',
    );
  }, 30_000);

  // Root may write anywhere: the refusal is shown by running as another user, which needs root.
  it.runIf(process.getuid?.() === 0)(
    'says to run as root, and changes nothing, when the keystore folder is not writable',
    async () => {
      const { dir, file } = await keystoreCopy();
      await chmod(file, 0o644);
      await chmod(dir, 0o755);
      const before = await readFile(file);
      // The checkout may sit in a folder only root can enter (a clone under `mktemp -d`): the other
      // user runs a copy of the built CLI and of the certificates, beside the keystore's folder.
      const app = await mkdtemp(path.join(os.tmpdir(), 'sd-cli-'));
      await chmod(app, 0o755);
      const skipExecutables = (source: string) => !path.basename(source).startsWith('siem-doctor-');
      for (const part of ['bin', 'dist', 'package.json', 'oclif.manifest.json'])
        await cp(path.join(ROOT, part), path.join(app, part), { recursive: true, filter: skipExecutables });
      await cp(CAS, path.join(app, 'cas'), { recursive: true });
      // as another user, for whom root's folder is read-only
      const run = await execa(
        'runuser',
        [
          '-u',
          'nobody',
          '--',
          process.execPath,
          path.join(app, 'bin', 'run.js'),
          'certs',
          'import',
          '--keystore',
          file,
          '--from',
          path.join(app, 'cas'),
          '--yes',
        ],
        { reject: false },
      );
      await rm(app, { recursive: true, force: true });
      expect(run.exitCode).toBe(2);
      expect(run.stderr.trim()).toMatch(
        /^Error: cannot write .*: permission denied; run as Administrator\/root \(nothing was changed\)$/,
      );
      expect((await readFile(file)).equals(before)).toBe(true);
      expect((await readdir(dir)).sort()).toEqual(['cacerts']);
    },
  );
});

describe('certs import --download', () => {
  let mirror: Peer & { url: string };
  const tampered = 'Microsoft TLS G2 RSA CA OCSP 04.crt';
  beforeAll(async () => {
    // A mirror of Microsoft's PKI on 127.0.0.1: DER files under their published names, one tampered with.
    const files = new Map<string, Buffer>();
    for (const f of (await readdir(CAS)).filter((x) => x.endsWith('.pem'))) {
      const cert = new X509Certificate(await readFile(path.join(CAS, f)));
      const ca = KNOWN_CAS.find((k) => k.sha256 === cert.fingerprint256);
      if (ca?.url) files.set(downloadFileName(ca.url), cert.raw);
    }
    files.set(
      tampered,
      new X509Certificate(await readFile(path.join(CAS, 'microsoft-tls-g2-rsa-ca-ocsp-02.pem'))).raw,
    );
    const server = http.createServer((req, res) => {
      const body = files.get(decodeURIComponent((req.url ?? '').split('/').pop() ?? ''));
      res.writeHead(body ? 200 : 404).end(body);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as net.AddressInfo).port;
    mirror = {
      port,
      url: `http://127.0.0.1:${port}/pkiops/certs/`,
      close: () => new Promise((r) => server.close(() => r())),
    };
  });
  afterAll(() => mirror.close());

  it('imports what the pinned fingerprints allow and refuses a file that does not match', async () => {
    const { file } = await keystoreCopy();
    const run = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--download',
      '--pki-base-url',
      mirror.url,
      '--yes',
      '--json',
    ]);
    const result = JSON.parse(run.stdout);
    expect(run.exitCode).toBe(1); // one certificate could not be obtained
    expect(result.failures).toEqual([
      expect.objectContaining({
        name: 'Microsoft TLS G2 RSA CA OCSP 04',
        problem: expect.stringContaining('is not the pinned'),
      }),
    ]);
    expect(result.add.map((a: { name: string }) => a.name)).toContain('Microsoft TLS G2 RSA CA OCSP 02');
    const listed = await keytoolList(file);
    expect(listed.map((l) => l.sha256)).not.toContain(
      KNOWN_CAS.find((k) => k.name === 'Microsoft TLS G2 RSA CA OCSP 04')!.sha256,
    );
    expect(listed.map((l) => l.sha256)).toContain(await sha('microsoft-tls-g2-rsa-ca-ocsp-02.pem'));
  });
});

describe('against the portal’s chain: certs import, certs list, check --fix', () => {
  let portal: Peer;
  let caFile: string;
  beforeAll(async () => ({ portal, caFile } = await trustedPortal()));
  afterAll(() => portal.close());

  /** The keystore and the test portal; with --ca-file (the default) this machine trusts its chain. */
  const against = (file: string, { trusted = true } = {}) => [
    '--keystore',
    file,
    '--portal-url',
    `https://localhost:${portal.port}`,
    ...(trusted ? ['--ca-file', caFile] : []),
  ];

  it('java-certs fails, certs import adds the chain’s CAs, java-certs passes', async () => {
    const { file } = await keystoreCopy();
    const common = against(file);
    const before = await doctor(['check', '--only', 'java-certs', ...common, '--json']);
    expect(JSON.parse(before.stdout).checks[0]).toMatchObject({
      status: 'fail',
      documentedError: 'Issue with new versions of Java',
    });
    const run = await doctor(['certs', 'import', ...common, '--yes']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      'Source: the chain served by localhost, verified against this machine’s trust',
    );
    expect(run.stdout).toContain('microsoft-azure-rsa-tls-issuing-ca-03');
    expect(run.stdout).not.toMatch(/\+ localhost/); // the leaf is never imported
    const after = await doctor(['check', '--only', 'java-certs', ...common, '--json']);
    expect(JSON.parse(after.stdout).checks[0].status).toBe('pass');
  });

  it('refuses to import from a chain this machine does not trust', async () => {
    const { file } = await keystoreCopy();
    const run = await doctor(['certs', 'import', ...against(file, { trusted: false }), '--yes']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('refusing to import from localhost: its chain is not trusted here');
  });

  it('certs list shows the known CAs and the served chain against the keystore', async () => {
    const { file } = await keystoreCopy();
    const run = await doctor(['certs', 'list', ...against(file), '--json']);
    const result = JSON.parse(run.stdout);
    expect(result.entries).toBe(140);
    expect(result.known.find((k: { name: string }) => k.name === 'DigiCert Global Root G2')).toMatchObject({
      alias: 'debian:digicert_global_root_g2.pem',
      expired: false,
    });
    expect(result.known.find((k: { docsAlias?: string }) => k.docsAlias === 'azuretls01crt')).toMatchObject({
      alias: null,
      expired: true,
    });
    expect(result.chain.map((c: { subject: string }) => c.subject)).toEqual([
      'localhost',
      'Microsoft Azure RSA TLS Issuing CA 03',
      'Test Root G2',
    ]);
    expect(result.anchor).toBeNull();
  });

  it('check --fix --yes imports the portal chain’s CAs and reports java-certs as it is afterwards', async () => {
    const { file } = await keystoreCopy();
    const run = await doctor(['check', '--only', 'java-certs', ...against(file), '--json', '--fix', '--yes']);
    const report = JSON.parse(run.stdout);
    expect(report.fixes).toEqual([expect.objectContaining({ id: 'java-certs', applied: true })]);
    expect(report.checks[0].status).toBe('pass');
    expect(run.exitCode).toBe(0);
    expect((await keytoolList(file)).map((l) => l.alias)).toContain('microsoft-azure-rsa-tls-issuing-ca-03');
  });

  it('check --fix without --yes and without a terminal applies nothing and says so', async () => {
    const { file } = await keystoreCopy();
    const before = await readFile(file);
    const run = await doctor(['check', '--only', 'java-certs', ...against(file), '--fix']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('fix java-certs: not applied: import 2 CA certificates');
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});

describe('a keystore whose alias and file name hold control characters', () => {
  // keytool cannot make such an alias; JKS stores aliases as modified UTF-8, so the project's own
  // writer can, and keytool still opens the file. (Lower case only: Java's JKS lower-cases the
  // aliases it reads, and keytool then cannot find one written with capitals.)
  const hostile = '\u001b]0;owned\u0007\u001b[31m\u009b1m\u007f';
  const masked = '?]0;owned??[31m?1m?';
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-keystore-'));
    file = path.join(dir, `cacerts${hostile}`);
    const entry = await azureCa03Entry();
    await writeFile(file, serializeJks([{ ...entry, alias: `azure${hostile}` }], 'changeit'));
    expect((await keytoolList(file)).map((l) => l.alias)).toEqual([`azure${hostile}`]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('certs list and certs import show them neutralised, and JSON escaped', async () => {
    const runs = {
      list: await doctor(['certs', 'list', '--keystore', file]),
      listJson: await doctor(['certs', 'list', '--keystore', file, '--json']),
      import: await doctor([
        'certs',
        'import',
        '--keystore',
        file,
        '--from',
        path.join(CAS, 'azure-rsa-tls-issuing-ca-03.pem'),
        '--dry-run',
      ]),
      importJson: await doctor([
        'certs',
        'import',
        '--keystore',
        file,
        '--from',
        path.join(CAS, 'azure-rsa-tls-issuing-ca-03.pem'),
        '--dry-run',
        '--json',
      ]),
    };
    for (const { stdout, stderr } of Object.values(runs)) {
      expect(stderr).toBe('');
      expect(stdout).not.toMatch(RAW_CONTROL);
    }
    expect(runs.list.stdout).toContain(`present as azure${masked}`);
    expect(runs.list.stdout).toContain(`cacerts${masked} (JKS, 1 entry)`);
    expect(runs.import.stdout).toContain(`already there as azure${masked}`);
    const listed = JSON.parse(runs.listJson.stdout);
    expect(listed.known.map((k: { alias: string | null }) => k.alias)).toContain(`azure${hostile}`);
    expect(JSON.parse(runs.importJson.stdout).skipped[0].alias).toBe(`azure${hostile}`);
  });
});
