import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_CAS } from '../../src/trust/known-cas.js';
import { FIXTURES } from '../helpers/paths.js';

describe('the pinned CA table', () => {
  it('matches the public certificates, row for row: name, issuer, SHA-256, expiry', async () => {
    const dir = path.join(FIXTURES, 'azure-cas');
    const certs = await Promise.all(
      (await readdir(dir))
        .filter((f) => f.endsWith('.pem'))
        .map(async (f) => new X509Certificate(await readFile(path.join(dir, f)))),
    );
    const cn = (dn: string) =>
      dn
        .split('\n')
        .find((l) => l.startsWith('CN='))!
        .slice(3);
    expect(KNOWN_CAS).toHaveLength(certs.length);
    for (const ca of KNOWN_CAS) {
      const cert = certs.find((c) => c.fingerprint256 === ca.sha256);
      expect(cert, ca.name).toBeDefined();
      expect(cn(cert!.subject)).toBe(ca.name);
      expect(cn(cert!.issuer)).toBe(ca.issuer);
      expect(Date.parse(ca.notAfter)).toBe(Date.parse(cert!.validTo));
    }
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
    for (const ca of KNOWN_CAS.filter((c) => c.role === 'retired')) expect(ca.url).toBeUndefined();
  });
});
