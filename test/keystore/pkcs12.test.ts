import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePkcs12, serializePkcs12 } from '../../src/keystore/pkcs12.js';
import { parseKeystore } from '../../src/keystore/store.js';
import { CACERTS } from '../helpers/paths.js';
import { keytool, keytoolList, toPasswordlessPkcs12 } from '../helpers/keytool.js';
import { azureCa03Entry } from '../helpers/keystores.js';

let dir: string;
let jdk18: string; // password-less, as JDK 18+ ships cacerts
let jdk17: string; // protected by a password, keytool's default

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sd-p12-'));
  jdk18 = path.join(dir, 'cacerts-jdk18.p12');
  jdk17 = path.join(dir, 'protected.p12');
  const convert = [
    '-importkeystore',
    '-noprompt',
    '-srckeystore',
    CACERTS,
    '-srcstorepass',
    'changeit',
    '-deststoretype',
    'pkcs12',
    '-deststorepass',
    'changeit',
  ];
  await toPasswordlessPkcs12(CACERTS, jdk18);
  await keytool([...convert, '-destkeystore', jdk17]);
}, 60_000);

describe('PKCS#12', () => {
  it('reads a password-less store as JDK 18+ writes cacerts, whatever password is given', async () => {
    const bytes = await readFile(jdk18);
    for (const password of [undefined, 'changeit', 'anything']) {
      const store = await parseKeystore(bytes, password);
      expect(store.format).toBe('pkcs12');
      expect(store.entries.filter((e) => e.kind === 'trusted')).toHaveLength(140);
    }
  });

  it('reads a password-protected store with its password and names a wrong one', async () => {
    const bytes = await readFile(jdk17);
    const store = await parseKeystore(bytes, 'changeit');
    expect(store.entries).toHaveLength(140);
    expect(store.passwordProtected).toBe(true);
    await expect(parseKeystore(bytes, 'wrong')).rejects.toThrow(/wrong keystore password/);
  }, 20_000);

  it('writes a password-less store that keytool lists as trusted entries, aliases and fingerprints kept', async () => {
    const source = parsePkcs12(await readFile(jdk18), undefined);
    const added = [...source.entries, await azureCa03Entry()];
    const file = path.join(dir, 'written.p12');
    await writeFile(file, serializePkcs12(added));
    const listed = await keytoolList(file, 'ignored', 'pkcs12');
    expect(listed).toHaveLength(141);
    expect(listed.every((l) => l.type === 'trustedCertEntry')).toBe(true);
    const expected = new Map(
      added.map((e) => [e.alias, new X509Certificate((e as { der: Buffer }).der).fingerprint256]),
    );
    for (const l of listed) expect(l.sha256).toBe(expected.get(l.alias));
    // and it reads back the same
    expect(parsePkcs12(await readFile(file), undefined).entries.map((e) => e.alias)).toEqual(
      added.map((e) => e.alias),
    );
  });

  it('calls a password-less store with a broken certificate bag damaged, as keytool does, whatever password is given', async () => {
    const bytes = await readFile(jdk18);
    const first = parsePkcs12(bytes, undefined).entries[0] as { der: Buffer };
    const broken = Buffer.from(bytes);
    const at = broken.indexOf(first.der) + 4; // the to-be-signed part's tag
    broken[at] = broken[at]! ^ 0xff;
    const file = path.join(dir, 'broken-bag.p12');
    await writeFile(file, broken);
    await expect(keytoolList(file, 'changeit', 'pkcs12')).rejects.toThrow(/keytool refused/);
    for (const password of [undefined, 'changeit']) {
      await expect(parseKeystore(broken, password)).rejects.toMatchObject({
        reason: 'damaged',
        message: expect.stringMatching(
          /^damaged PKCS#12 keystore: the certificate bag ".*" holds no valid certificate$/,
        ),
      });
    }
  });

  it('calls a damaged file damaged', async () => {
    await expect(parseKeystore(Buffer.from([0x30, 0x82, 0x10, 0x00, 0x02]), undefined)).rejects.toThrow(
      /damaged PKCS#12 keystore/,
    );
  });
});
