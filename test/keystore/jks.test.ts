import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeJavaUtf, parseJks, serializeJks } from '../../src/keystore/jks.js';
import { KeystoreError } from '../../src/keystore/model.js';
import { CACERTS, FIXTURES } from '../helpers/paths.js';
import { keytool, keytoolList } from '../helpers/keytool.js';
import { damagedJks } from '../helpers/keystores.js';

const pem = (name: string) => readFile(path.join(FIXTURES, 'azure-cas', name), 'utf8');

describe('JKS', () => {
  it('reads the 140-entry cacerts with its password and writes it back byte for byte', async () => {
    const bytes = await readFile(CACERTS);
    const store = parseJks(bytes, 'changeit');
    expect(store.entries).toHaveLength(140);
    expect(store.integrityChecked).toBe(true);
    expect(serializeJks(store.entries, 'changeit').equals(bytes)).toBe(true);
  });

  it('reads entries without a password, as Java does for a trust store, and says so', async () => {
    const store = parseJks(await readFile(CACERTS), undefined);
    expect(store.entries).toHaveLength(140);
    expect(store.integrityChecked).toBe(false);
  });

  it('names a wrong password, a foreign file and a cut-off file', async () => {
    const bytes = await readFile(CACERTS);
    expect(() => parseJks(bytes, 'wrong')).toThrow(/wrong keystore password/);
    expect(() => parseJks(Buffer.from('hello world, not a keystore'), 'changeit')).toThrow(
      /not a JKS keystore/,
    );
    const cut = bytes.subarray(0, 5000);
    try {
      parseJks(cut, 'changeit');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KeystoreError);
      expect((error as Error).message).toMatch(/damaged keystore: it ends at byte 5000/);
    }
  });

  it('writes a store keytool lists: aliases, types and fingerprints as written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-jks-'));
    const certs = ['digicert-global-root-g2.pem', 'microsoft-tls-g2-rsa-ca-ocsp-02.pem'];
    const entries = await Promise.all(
      certs.map(async (name, i) => ({
        kind: 'trusted' as const,
        alias: `test${i}`,
        created: new Date(),
        der: new X509Certificate(await pem(name)).raw,
      })),
    );
    const file = path.join(dir, 'new.jks');
    await writeFile(file, serializeJks(entries, 's3cret-pass'));
    const listed = await keytoolList(file, 's3cret-pass');
    expect(listed).toEqual(
      entries.map((e) => ({
        alias: e.alias,
        type: 'trustedCertEntry',
        sha256: new X509Certificate(e.der).fingerprint256,
      })),
    );
  });

  describe('with a private-key entry', () => {
    let file: string;
    beforeAll(async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-jks-key-'));
      file = path.join(dir, 'with-key.jks');
      await keytool([
        '-genkeypair',
        '-keyalg',
        'RSA',
        '-keysize',
        '2048',
        '-alias',
        'agent-key',
        '-dname',
        'CN=agent',
        '-validity',
        '30',
        '-keystore',
        file,
        '-storetype',
        'JKS',
        '-storepass',
        'changeit',
        '-keypass',
        'changeit',
      ]);
    }, 30_000);

    it('keeps it byte for byte through a rewrite, and keytool still opens the key', async () => {
      const before = parseJks(await readFile(file), 'changeit');
      const key = before.entries[0]!;
      expect(key.kind).toBe('opaque');
      const added = [
        ...before.entries,
        {
          kind: 'trusted' as const,
          alias: 'azuretls03crt',
          created: new Date(),
          der: new X509Certificate(await pem('azure-rsa-tls-issuing-ca-03.pem')).raw,
        },
      ];
      await writeFile(file, serializeJks(added, 'changeit'));
      const after = parseJks(await readFile(file), 'changeit');
      expect(after.entries[0]).toEqual(key);
      const listed = await keytoolList(file);
      expect(listed.map((l) => [l.alias, l.type])).toEqual([
        ['agent-key', 'PrivateKeyEntry'],
        ['azuretls03crt', 'trustedCertEntry'],
      ]);
      // the key itself still decrypts with its password
      await keytool([
        '-certreq',
        '-alias',
        'agent-key',
        '-keystore',
        file,
        '-storepass',
        'changeit',
        '-keypass',
        'changeit',
        '-file',
        `${file}.csr`,
      ]);
    });
  });

  it('tells a damaged certificate (damaged) from a digest that alone does not match (password or alteration)', async () => {
    const damaged = await damagedJks('certificate');
    const digest = await damagedJks('digest');
    try {
      // keytool is the judge: it cannot read the first at all, and calls the second tampered with
      await expect(keytoolList(damaged.file)).rejects.toThrow(/CertificateParsingException/);
      await expect(keytoolList(digest.file)).rejects.toThrow(/tampered with, or password was incorrect/);
      for (const password of ['changeit', undefined]) {
        expect(() => parseJks(readFileSync(damaged.file), password)).toThrow(
          expect.objectContaining({ reason: 'damaged', message: expect.stringMatching(/^damaged keystore/) }),
        );
      }
      expect(() => parseJks(readFileSync(digest.file), 'changeit')).toThrow(
        expect.objectContaining({
          reason: 'wrong-password',
          message: expect.stringContaining('wrong keystore password (or the file was altered)'),
        }),
      );
      expect(parseJks(readFileSync(digest.file), undefined).entries).toHaveLength(140);
    } finally {
      await rm(damaged.dir, { recursive: true, force: true });
      await rm(digest.dir, { recursive: true, force: true });
    }
  });

  it('encodes aliases in Java’s modified UTF-8', () => {
    expect(encodeJavaUtf('aé\u0000')).toEqual(Buffer.from([0x00, 0x05, 0x61, 0xc3, 0xa9, 0xc0, 0x80]));
  });
});
