// certs list as a user reads it: twins of one name told apart by their issuer, and a last line
// that says what the list means (#12), in every language. Expectations come from the CA table and
// the keystore itself (keytool), so that they hold whatever rows the table gains.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeJks } from '../../../src/keystore/jks.js';
import { KNOWN_CAS } from '../../../src/trust/known-cas.js';
import { doctor } from '../../helpers/cli.js';
import { keytool, keytoolList } from '../../helpers/keytool.js';
import { azureCa03Entry, keystoreCopy } from '../../helpers/keystores.js';
import { CACERTS } from '../../helpers/paths.js';
import { makePki } from '../../helpers/pki.js';
import { portalServer, trustedPortal } from '../../helpers/portal.js';
import type { Peer } from '../../helpers/servers.js';

const lastLine = (stdout: string) => stdout.trimEnd().split('\n').pop()!;

describe('certs list', () => {
  it('tells a cross-signed issuing CA from its twin under the 2017 root, by issuer', async () => {
    const run = await doctor(['certs', 'list', '--keystore', CACERTS]);
    expect(run.exitCode).toBe(0);
    const twins = KNOWN_CAS.filter((ca) => KNOWN_CAS.filter((other) => other.name === ca.name).length > 1);
    expect(twins.map((t) => t.name)).toContain('Microsoft Azure RSA TLS Issuing CA 07');
    const rows = run.stdout.split('\n').filter((l) => twins.some((t) => l.startsWith(`  ${t.name} `)));
    expect(rows).toHaveLength(twins.length);
    for (const [i, twin] of twins.entries())
      expect(rows[i]).toMatch(new RegExp(`\\(issued by ${twin.issuer}\\)$`));
    const ca07 = rows.filter((r) => r.startsWith('  Microsoft Azure RSA TLS Issuing CA 07 '));
    expect(ca07.map((r) => /issued by (.*)\)$/.exec(r)![1]).sort()).toEqual([
      'DigiCert Global Root G2',
      'Microsoft RSA Root Certificate Authority 2017',
    ]);
    // a name the table holds once needs no issuer
    expect(run.stdout).toMatch(/\n {2}DigiCert Global Root G3 .*present as [^(]*\n/);
  });

  it('ends with a verdict: which of the roots Azure’s chains end at the store holds, in en, fr and nl', async () => {
    const held = new Set((await keytoolList(CACERTS)).map((l) => l.sha256));
    const roots = KNOWN_CAS.filter((ca) => ca.role === 'root' && Date.parse(ca.notAfter) > Date.now());
    const inStore = roots.filter((r) => held.has(r.sha256)).map((r) => r.name);
    expect(inStore.length).toBeGreaterThan(0);
    const say = {
      en: `Verdict: this store holds ${inStore.length} of the ${roots.length} roots Azure’s chains end at (${inStore.join(', ')})`,
      fr: `Verdict : ce magasin contient ${inStore.length} des ${roots.length} racines`,
      nl: `Oordeel: deze store bevat ${inStore.length} van de ${roots.length} roots`,
    };
    for (const [lang, start] of Object.entries(say)) {
      const run = await doctor(['certs', 'list', '--keystore', CACERTS, '--lang', lang]);
      expect(lastLine(run.stdout).startsWith(start), `${lang}: ${lastLine(run.stdout)}`).toBe(true);
      // the roles of the table's rows are words too
      if (lang !== 'en') expect(run.stdout).not.toMatch(/ (documented|current|retired) /);
    }
    const json = JSON.parse((await doctor(['certs', 'list', '--keystore', CACERTS, '--json'])).stdout);
    expect(json.verdict).toEqual({
      host: null,
      anchored: null,
      rootsHeld: inStore,
      rootsKnown: roots.length,
    });
  });

  it('a store without any of those roots: Java cannot trust the portal, and how to mend it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-keystore-'));
    try {
      const file = path.join(dir, 'cacerts');
      await writeFile(file, serializeJks([await azureCa03Entry()], 'changeit'));
      const run = await doctor(['certs', 'list', '--keystore', file]);
      expect(lastLine(run.stdout)).toBe(
        'Verdict: this store holds none of the roots Azure’s chains end at: Java cannot trust the portal; `siem-doctor certs import --download` adds them.',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('certs list against the portal', () => {
  let portal: Peer;
  let caFile: string;
  beforeAll(async () => ({ portal, caFile } = await trustedPortal()));
  afterAll(() => portal.close());

  it('says whether the store anchors the chain the portal serves, before and after certs import', async () => {
    const { file } = await keystoreCopy();
    const args = [
      '--keystore',
      file,
      '--portal-url',
      `https://localhost:${portal.port}`,
      '--ca-file',
      caFile,
    ];
    const before = await doctor(['certs', 'list', ...args]);
    expect(lastLine(before.stdout)).toMatch(
      /^Verdict: this store cannot anchor the chain localhost serves: /,
    );
    expect((await doctor(['certs', 'import', ...args, '--yes'])).exitCode).toBe(0);
    const after = await doctor(['certs', 'list', ...args, '--lang', 'nl']);
    expect(lastLine(after.stdout)).toMatch(
      /^Oordeel: deze store verankert de keten die localhost serveert \(bij /,
    );
    const json = JSON.parse((await doctor(['certs', 'list', ...args, '--json'])).stdout);
    expect(json.verdict).toMatchObject({ host: 'localhost', anchored: true });
    expect(json.anchor).toEqual(expect.any(String));
  }, 30_000);

  it('judges by what the server sent: a leaf alone is not anchored by its root, whatever --ca-file completes', async () => {
    const pki = makePki();
    const leafOnly = await portalServer({ cert: pki.leaf.cert, key: pki.leaf.key });
    try {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-list-'));
      const ca = path.join(dir, 'ca.pem');
      await writeFile(ca, `${pki.root.cert}${pki.issuing.cert}`);
      const root = path.join(dir, 'root.pem');
      await writeFile(root, pki.root.cert);
      const { file } = await keystoreCopy();
      await keytool([
        '-importcert',
        '-noprompt',
        '-keystore',
        file,
        '-storepass',
        'changeit',
        '-alias',
        'testroot',
        '-file',
        root,
      ]);
      const args = [
        '--keystore',
        file,
        '--portal-url',
        `https://localhost:${leafOnly.port}`,
        '--ca-file',
        ca,
      ];
      const json = JSON.parse((await doctor(['certs', 'list', ...args, '--json'])).stdout);
      // the JVM would fail to build a path (the intermediate is not sent, nor in the store)
      expect(json.verdict).toMatchObject({ host: 'localhost', anchored: false });
      await rm(dir, { recursive: true, force: true });
    } finally {
      await leafOnly.close();
    }
  }, 30_000);
});
