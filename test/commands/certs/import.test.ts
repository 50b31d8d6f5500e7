// certs import when things collide or fail: two runs at once, keytool stopping halfway, damaged
// keystores, inputs that are no files, sources that give nothing. Every keystore written is judged
// by the real keytool; runs that could hang are real processes with a bound.
import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { locateJava } from '../../../src/probes/java.js';
import { KNOWN_CAS, downloadFileName } from '../../../src/trust/known-cas.js';
import { doctor } from '../../helpers/cli.js';
import { keytoolList } from '../../helpers/keytool.js';
import { damagedJks, keystoreCopy } from '../../helpers/keystores.js';
import { FIXTURES, ROOT } from '../../helpers/paths.js';
import { issue } from '../../helpers/pki.js';

const CAS = path.join(FIXTURES, 'azure-cas');
const OCSP02 = path.join(CAS, 'microsoft-tls-g2-rsa-ca-ocsp-02.pem');
const ROOT_G2 = path.join(CAS, 'microsoft-tls-rsa-root-g2-xsign.pem');
const sha = async (file: string) => new X509Certificate(await readFile(file)).fingerprint256;

let dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});
async function keystore() {
  const copy = await keystoreCopy();
  dirs.push(copy.dir);
  return copy;
}
async function tempDir(prefix: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** siem-doctor as a separate process, as a shell starts it, ended after 30 s whatever happens. */
function spawnDoctor(args: string[]) {
  return execa(process.execPath, [path.join(ROOT, 'bin', 'run.js'), ...args], {
    reject: false,
    timeout: 30_000,
    env: { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', PATH: process.env.PATH },
    extendEnv: false,
  });
}

/** A port on 127.0.0.1 that nothing listens on (it was just given up). */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('two certs import runs at once on one keystore', () => {
  it('both additions end in the file, and each run reports only what the final file holds', async () => {
    const { dir, file } = await keystore();
    const [a, b] = await Promise.all(
      [OCSP02, ROOT_G2].map((from) =>
        spawnDoctor(['certs', 'import', '--keystore', file, '--from', from, '--yes', '--json']),
      ),
    );
    expect([a!.exitCode, b!.exitCode], `${a!.stderr}${b!.stderr}`).toEqual([0, 0]);
    const listed = await keytoolList(file);
    expect(listed).toHaveLength(142);
    const final = new Map(listed.map((l) => [l.alias, l.sha256]));
    for (const [run, from] of [
      [a!, OCSP02],
      [b!, ROOT_G2],
    ] as const) {
      const report = JSON.parse(run.stdout);
      expect(report.changed).toBe(true);
      expect(report.add.map((x: { sha256: string }) => x.sha256)).toEqual([await sha(from)]);
      for (const added of report.add) expect(final.get(added.alias)).toBe(added.sha256);
    }
    // one backup per write, no lock or temporary file left
    expect((await readdir(dir)).filter((f) => !f.endsWith('.bak'))).toEqual(['cacerts']);
  }, 60_000);
});

describe('two certs import runs that both read the keystore before either writes', () => {
  let mirror: http.Server | undefined;
  afterEach(() => new Promise((r) => (mirror ? mirror.close(r) : r(undefined))));

  it('still lose nothing: the second re-reads and plans again under the lock', async () => {
    // A PKI mirror that holds every answer until both runs have asked, so that both have read the
    // keystore (they read it before downloading) and neither has written yet. Under /a/ it serves
    // only OCSP 02, under /b/ only Root G2: each run has its own certificate to add.
    const only = { a: await readFile(OCSP02), b: await readFile(ROOT_G2) };
    const names = {
      a: downloadFileName(
        KNOWN_CAS.find((k) => k.sha256 === new X509Certificate(only.a).fingerprint256)!.url!,
      ),
      b: downloadFileName(
        KNOWN_CAS.find((k) => k.sha256 === new X509Certificate(only.b).fingerprint256)!.url!,
      ),
    };
    const asked = new Set<string>();
    const waiting: (() => void)[] = [];
    mirror = http.createServer((req, res) => {
      const [, side, name] = /^\/(a|b)\/(.*)$/.exec(req.url ?? '') ?? [];
      const answer = () => {
        const mine = side === 'a' || side === 'b' ? side : undefined;
        if (mine && decodeURIComponent(name ?? '') === names[mine])
          res.writeHead(200).end(new X509Certificate(only[mine]).raw);
        else res.writeHead(404).end();
      };
      asked.add(side ?? '');
      waiting.push(answer);
      if (asked.has('a') && asked.has('b')) for (const go of waiting.splice(0)) go();
    });
    mirror.listen(0, '127.0.0.1');
    await once(mirror, 'listening');
    const base = `http://127.0.0.1:${(mirror.address() as net.AddressInfo).port}`;
    const { file } = await keystore();
    const runs = await Promise.all(
      ['a', 'b'].map((side) =>
        spawnDoctor([
          'certs',
          'import',
          '--keystore',
          file,
          '--download',
          '--pki-base-url',
          `${base}/${side}/`,
          '--yes',
          '--json',
        ]),
      ),
    );
    const listed = new Map((await keytoolList(file)).map((l) => [l.alias, l.sha256]));
    expect(listed.size).toBe(142);
    for (const [run, from] of [
      [runs[0]!, OCSP02],
      [runs[1]!, ROOT_G2],
    ] as const) {
      expect(run.exitCode, run.stderr).toBe(1); // the other CAs could not be obtained from this mirror
      const report = JSON.parse(run.stdout);
      expect(report.add.map((x: { sha256: string }) => x.sha256)).toEqual([await sha(from)]);
      for (const added of report.add) expect(listed.get(added.alias)).toBe(added.sha256);
    }
  }, 60_000);
});

describe('certs import --keytool', () => {
  /** A JRE home whose keytool is the real one, except that it refuses to import `refused`. */
  async function jreRefusing(refused: string): Promise<string> {
    const java = await locateJava({ env: process.env });
    if (!java.found) throw new Error('these tests need the machine’s Java (keytool)');
    const home = await tempDir('sd-jre-');
    await mkdir(path.join(home, 'bin'));
    await symlink(path.join(java.home, 'bin', 'java'), path.join(home, 'bin', 'java'));
    await copyFile(path.join(java.home, 'release'), path.join(home, 'release'));
    const keytool = path.join(home, 'bin', 'keytool');
    await writeFile(
      keytool,
      `#!/bin/sh\ncase " $* " in *" ${refused} "*) echo "keytool error: java.lang.Exception: stopped here" >&2; exit 1;; esac\nexec "${path.join(java.home, 'bin', 'keytool')}" "$@"\n`,
    );
    await chmod(keytool, 0o755);
    return home;
  }

  it('a keytool run that stops at the 2nd certificate leaves the live file as it was, and nothing beside it', async () => {
    const { dir, file } = await keystore();
    const before = await readFile(file);
    const inode = (await stat(file)).ino;
    const javaHome = await jreRefusing('microsoft-tls-rsa-root-g2');
    const run = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--from',
      OCSP02,
      '--from',
      ROOT_G2,
      '--keytool',
      '--yes',
      '--java-home',
      javaHome,
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.trim()).toBe(
      'Error: keytool refused microsoft-tls-rsa-root-g2: java.lang.Exception: stopped here (nothing was changed)',
    );
    expect((await readFile(file)).equals(before)).toBe(true);
    expect((await stat(file)).ino).toBe(inode);
    expect(await readdir(dir)).toEqual(['cacerts']);
    expect(await keytoolList(file)).toHaveLength(140);
  }, 60_000);

  it('a keytool run that completes is swapped in once, holding every planned alias', async () => {
    const { dir, file } = await keystore();
    const inode = (await stat(file)).ino;
    const javaHome = await jreRefusing('no-such-alias');
    const run = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--from',
      OCSP02,
      '--from',
      ROOT_G2,
      '--keytool',
      '--yes',
      '--java-home',
      javaHome,
      '--json',
    ]);
    expect(run.exitCode).toBe(0);
    expect((await stat(file)).ino).not.toBe(inode); // replaced by rename, not written in place
    const listed = new Map((await keytoolList(file)).map((l) => [l.alias, l.sha256]));
    expect(listed.size).toBe(142);
    expect(listed.get('microsoft-tls-g2-rsa-ca-ocsp-02')).toBe(await sha(OCSP02));
    expect(listed.get('microsoft-tls-rsa-root-g2')).toBe(await sha(ROOT_G2));
    const { backup } = JSON.parse(run.stdout);
    expect((await readdir(dir)).sort()).toEqual(['cacerts', path.basename(backup)].sort());
  }, 60_000);
});

describe('a damaged keystore', () => {
  it('a certificate that does not parse: java-certs fails “damaged”, certs list and import exit 2', async () => {
    const { file } = await damagedJks('certificate');
    dirs.push(path.dirname(file));
    await expect(keytoolList(file)).rejects.toThrow(/CertificateParsingException/);
    const check = await doctor(['check', '--only', 'java-certs', '--keystore', file, '--json']);
    const finding = JSON.parse(check.stdout).checks[0];
    expect(finding).toMatchObject({ status: 'fail', documentedError: 'Issue with new versions of Java' });
    expect(finding.message).toMatch(
      /^damaged keystore: Java cannot load .* the JVM would see an empty trust set/,
    );
    expect(check.exitCode).toBe(1);
    const before = await readFile(file);
    for (const command of [
      ['certs', 'list'],
      ['certs', 'import', '--from', OCSP02, '--yes'],
    ]) {
      const run = await doctor([...command, '--keystore', file]);
      expect(run.exitCode).toBe(2);
      expect(run.stderr.trim()).toMatch(
        /^Error: .*cacerts: damaged keystore: the certificate of entry ".*" is not valid DER$/,
      );
    }
    expect((await readFile(file)).equals(before)).toBe(true);
  }, 30_000);

  it('a digest that alone does not match: “wrong password (or altered)”, not damaged', async () => {
    const { file } = await damagedJks('digest');
    dirs.push(path.dirname(file));
    const list = await doctor(['certs', 'list', '--keystore', file]);
    expect(list.exitCode).toBe(2);
    expect(list.stderr).toContain('wrong keystore password (or the file was altered)');
    const check = await doctor(['check', '--only', 'java-certs', '--keystore', file, '--json']);
    expect(JSON.parse(check.stdout).checks[0].message).not.toContain('damaged');
  }, 30_000);
});

describe('inputs that are no keystore or certificate files', () => {
  it.each([
    ['--from /dev/zero', ['--from', '/dev/zero'], '--from: /dev/zero: a device, not a file to read'],
    ['a FIFO in a --from folder', ['--from', 'FIFO-DIR'], 'a FIFO (named pipe), not a file to read'],
    [
      '--keystore /dev/zero',
      ['--keystore', '/dev/zero'],
      '--keystore: /dev/zero: a device, not a file to read',
    ],
    ['a 17 MB --from file', ['--from', 'BIG'], 'more than 16 MB'],
    ['a 17 MB --keystore', ['--keystore', 'BIG'], 'more than 16 MB'],
  ])(
    '%s: exit 2 with one line, nothing read without end',
    async (_name, given, expected) => {
      const { file } = await keystore();
      const dir = await tempDir('sd-inputs-');
      await execa('mkfifo', [path.join(dir, 'ca.pem')]);
      const big = path.join(dir, 'big.dat'); // not a certificate name: the folder holds only the FIFO
      await writeFile(big, '');
      await truncate(big, 17 * 1024 * 1024);
      const args = given.map((a) => (a === 'FIFO-DIR' ? dir : a === 'BIG' ? big : a));
      const before = await readFile(file);
      const run = await spawnDoctor([
        'certs',
        'import',
        '--yes',
        ...(args.includes('--keystore') ? [] : ['--keystore', file]),
        ...(args.includes('--from') ? [] : ['--from', OCSP02]),
        ...args,
      ]);
      expect(run.timedOut).toBe(false);
      expect(run.exitCode).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(expected);
      expect((await readFile(file)).equals(before)).toBe(true);
    },
    40_000,
  );
});

describe('certs import says what happened when it adds nothing', () => {
  it('every download failing: exit 1, what failed, not “Nothing to change”', async () => {
    const { file } = await keystore();
    const port = await closedPort();
    const run = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--download',
      '--pki-base-url',
      `http://127.0.0.1:${port}/`,
      '--yes',
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).not.toContain('Nothing to change');
    expect(run.stdout).toContain('Microsoft TLS RSA Root G2: not obtained from http://127.0.0.1:');
    expect(run.stdout).toMatch(
      /Nothing was changed: no certificate could be obtained \(\d+ failed, listed above\)\./,
    );
  });

  it('shows a mirror URL’s credentials as <redacted>, in text and in JSON', async () => {
    const { file } = await keystore();
    const port = await closedPort();
    const mirror = `http://mirror:M1rr0r-Passw0rd@127.0.0.1:${port}/`;
    for (const json of [[], ['--json']]) {
      const run = await doctor([
        'certs',
        'import',
        '--keystore',
        file,
        '--download',
        '--pki-base-url',
        mirror,
        '--yes',
        ...json,
      ]);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain('<redacted>');
      expect(run.stdout + run.stderr).not.toContain('M1rr0r-Passw0rd');
    }
  });

  it('only certificates that are no CA: says so, exit 1', async () => {
    const { file } = await keystore();
    const dir = await tempDir('sd-leaf-');
    const leaf = path.join(dir, 'server.pem');
    await writeFile(
      leaf,
      issue({ subject: { CN: 'siem.contoso.local' }, hosts: ['siem.contoso.local'] }).cert,
    );
    const run = await doctor(['certs', 'import', '--keystore', file, '--from', leaf, '--yes']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).not.toContain('Nothing to change');
    expect(run.stdout).toContain('siem.contoso.local: not a CA certificate');
    expect(run.stdout).toContain('none of the certificates offered is a CA certificate');
  });

  it('a portal that cannot be reached for its chain: exit 1, “could not be obtained”', async () => {
    const { file } = await keystore();
    const before = await readFile(file);
    const port = await closedPort();
    const run = await doctor([
      'certs',
      'import',
      '--keystore',
      file,
      '--portal-url',
      `https://127.0.0.1:${port}`,
      '--yes',
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`the chain of 127.0.0.1: not obtained from https://127.0.0.1:${port}`);
    expect(run.stdout).toContain('no certificate could be obtained');
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});
