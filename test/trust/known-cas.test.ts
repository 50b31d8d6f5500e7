import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CA_TABLE, KNOWN_CAS, knownCaByDer } from '../../src/trust/known-cas.js';
import { FIXTURES } from '../helpers/paths.js';

const cn = (dn: string) =>
  dn
    .split('\n')
    .find((l) => l.startsWith('CN='))!
    .slice(3);

/**
 * The certificates of a folder's .pem files; a folder that is missing or holds none fails the
 * test, unless it is `optional` (a system folder some machines lack).
 */
async function certificatesIn(dir: string, only?: RegExp, optional = false) {
  if (optional && !existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pem') && (!only || only.test(f)));
  if (files.length === 0 && !optional) throw new Error(`no certificate files in ${dir}`);
  return Promise.all(
    files.map(async (file) => ({ file, cert: new X509Certificate(await readFile(path.join(dir, file))) })),
  );
}

// fixtures/azure-cas holds byte-exact copies of the project's research folder (which a clone
// does not have). The system's CA folder exists on Debian-like machines, not everywhere: where
// it does, every pin is checked against its Microsoft and DigiCert roots too.
const CAS = path.join(FIXTURES, 'azure-cas');
const SYSTEM_CAS = '/etc/ssl/certs';

describe('the pinned CA table', () => {
  it('matches the public certificates, row for row: name, issuer, SHA-256, expiry', async () => {
    const certs = await certificatesIn(CAS);
    // every certificate file is in the table, pinned by its SHA-256
    expect(KNOWN_CAS).toHaveLength(certs.length);
    for (const ca of KNOWN_CAS) {
      const found = certs.find((c) => c.file === ca.file);
      expect(found, ca.name).toBeDefined();
      const { cert } = found!;
      expect(cert.fingerprint256).toBe(ca.sha256);
      expect(cn(cert.subject)).toBe(ca.name);
      expect(cn(cert.issuer)).toBe(ca.issuer);
      expect(Date.parse(ca.notAfter)).toBe(Date.parse(cert.validTo));
    }
  });

  it('says how every row is pinned, and pins SHA-256 wherever it has the certificate', () => {
    for (const ca of CA_TABLE) {
      expect(['sha256', 'sha1', 'none'], ca.name).toContain(ca.pin);
      expect(ca.source, ca.name).toBeTruthy();
      if (ca.pin === 'sha256') {
        expect(ca.sha256, ca.name).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
        expect(ca.file, ca.name).toBeTruthy();
      }
      if (ca.pin === 'sha1') {
        expect(ca.sha1, ca.name).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
        expect(ca.sha256, ca.name).toBeUndefined();
      }
      if (ca.pin === 'none') expect(ca.sha1 ?? ca.sha256, ca.name).toBeUndefined();
    }
    // no row appears twice (same name and issuer)
    const keys = CA_TABLE.map((ca) => `${ca.name} ← ${ca.issuer}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('checks every pin against a certificate file wherever one exists (fixtures, system CAs)', async () => {
    const files = [
      ...(await certificatesIn(CAS)),
      ...(await certificatesIn(SYSTEM_CAS, /^(Microsoft|DigiCert_Global)/, true)),
    ];
    let checked = 0;
    for (const { file, cert } of files) {
      const rows = CA_TABLE.filter((ca) => ca.name === cn(cert.subject) && ca.issuer === cn(cert.issuer));
      for (const ca of rows) {
        checked++;
        if (ca.pin === 'sha256') expect(cert.fingerprint256, `${ca.name} (${file})`).toBe(ca.sha256);
        if (ca.pin === 'sha1') expect(cert.fingerprint, `${ca.name} (${file})`).toBe(ca.sha1);
        if (ca.pin !== 'none') expect(knownCaByDer(cert.raw)).toBe(ca);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(KNOWN_CAS.length);
  });

  it('holds what Microsoft lists today: the ECC 2017 root, the G2 roots and their CAs, DigiCert G1', () => {
    const has = (name: string, issuer: string) =>
      expect(
        CA_TABLE.find((ca) => ca.name === name && ca.issuer === issuer),
        `${name} ← ${issuer}`,
      ).toBeDefined();
    has('Microsoft ECC Root Certificate Authority 2017', 'Microsoft ECC Root Certificate Authority 2017');
    has('Microsoft TLS RSA Root G2', 'Microsoft TLS RSA Root G2');
    has('Microsoft TLS RSA Root G2', 'DigiCert Global Root G2');
    has('Microsoft TLS ECC Root G2', 'Microsoft TLS ECC Root G2');
    has('Microsoft TLS ECC Root G2', 'DigiCert Global Root G3');
    for (const n of ['02', '04', '06', '08', '10', '12', '14', '16'])
      has(`Microsoft TLS G2 RSA CA OCSP ${n}`, 'Microsoft TLS RSA Root G2');
    for (const n of ['02', '04', '06', '08'])
      has(`Microsoft TLS G2 ECC CA OCSP ${n}`, 'Microsoft TLS ECC Root G2');
    for (const n of ['03', '04', '07', '08'])
      has(`Microsoft Azure ECC TLS Issuing CA ${n}`, 'Microsoft ECC Root Certificate Authority 2017');
    has('DigiCert Global Root CA', 'DigiCert Global Root CA');
    const g1 = CA_TABLE.find((ca) => ca.name === 'DigiCert Global Root CA')!;
    expect(g1.browsersDistrusted).toBe('2026-04-15');
    // the two roots Oracle JRE 8 lacks before 8u381
    expect(CA_TABLE.filter((ca) => ca.notInOracleJre8Before === 381).map((ca) => ca.name)).toEqual([
      'Microsoft RSA Root Certificate Authority 2017',
      'Microsoft ECC Root Certificate Authority 2017',
    ]);
  });

  it('carries the docs’ eight aliases, on the cross-signed ("- xsign") certificates', () => {
    const documented = KNOWN_CAS.filter((ca) => ca.role === 'documented');
    expect(documented.map((ca) => ca.alias).sort()).toEqual([
      'azuretls01crt',
      'azuretls02crt',
      'azuretls03crt',
      'azuretls04crt',
      'azuretls05crt',
      'azuretls06crt',
      'azuretls07crt',
      'azuretls08crt',
    ]);
    for (const ca of documented) {
      expect(ca.issuer).toBe('DigiCert Global Root G2');
      expect(ca.url).toMatch(
        /^https:\/\/www\.microsoft\.com\/pkiops\/certs\/Microsoft%20Azure%20(RSA%20)?TLS%20Issuing%20CA%200\d%20-%20xsign\.crt$/,
      );
    }
  });

  it('offers no download for a retired certificate', () => {
    for (const ca of CA_TABLE.filter((c) => c.role === 'retired')) expect(ca.url).toBeUndefined();
  });
});
