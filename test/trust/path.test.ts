import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJks } from '../../src/keystore/jks.js';
import { buildPath, type Anchor } from '../../src/trust/path.js';
import { FIXTURES } from '../helpers/paths.js';

const der = async (name: string) =>
  new X509Certificate(await readFile(path.join(FIXTURES, 'azure-cas', name))).raw;
const anchorsOf = async (): Promise<Anchor[]> =>
  parseJks(await readFile(path.join(FIXTURES, 'keystores', 'cacerts-140.jks')), 'changeit').entries.flatMap(
    (e) => (e.kind === 'trusted' ? [{ alias: e.alias, der: e.der }] : []),
  );
const NOW = new Date('2026-11-22T12:00:00Z');

describe('buildPath', () => {
  it('reaches Microsoft RSA Root 2017 from its issuing CA, signatures checked', async () => {
    const result = buildPath(
      [await der('azure-rsa-tls-issuing-ca-03-msroot2017.pem')],
      await anchorsOf(),
      NOW,
    );
    expect(result).toMatchObject({
      ok: true,
      anchor: { subject: 'Microsoft RSA Root Certificate Authority 2017', expired: false },
    });
  });

  it('goes through served intermediates: OCSP 02 → TLS RSA Root G2 (cross-signed) → DigiCert G2', async () => {
    const chain = [
      await der('microsoft-tls-g2-rsa-ca-ocsp-02.pem'),
      await der('microsoft-tls-rsa-root-g2-xsign.pem'),
    ];
    const result = buildPath(chain, await anchorsOf(), NOW);
    expect(result).toMatchObject({ ok: true, anchor: { subject: 'DigiCert Global Root G2' } });
    expect(result.path.map((s) => s.subject)).toEqual([
      'Microsoft TLS G2 RSA CA OCSP 02',
      'Microsoft TLS RSA Root G2',
    ]);
  });

  it('names the missing issuer when the keystore lacks it', async () => {
    const result = buildPath([await der('microsoft-tls-g2-rsa-ca-ocsp-02.pem')], await anchorsOf(), NOW);
    expect(result).toMatchObject({
      ok: false,
      reason: 'no-anchor',
      missingIssuer: 'Microsoft TLS RSA Root G2',
    });
  });

  it('refuses an expired certificate on the path', async () => {
    const result = buildPath([await der('azure-tls-issuing-ca-01.pem')], await anchorsOf(), NOW);
    expect(result).toMatchObject({
      ok: false,
      reason: 'expired',
      expired: { subject: 'Microsoft Azure TLS Issuing CA 01' },
    });
  });

  it('does not take a certificate with the right name but another key as an issuer', async () => {
    // the RSA 03 twins share a subject; the one issued by DigiCert is not signed by MS Root 2017
    const fake = { alias: 'impostor', der: await der('microsoft-rsa-root-ca-2017.pem') };
    const result = buildPath(
      [await der('azure-rsa-tls-issuing-ca-03.pem')],
      [fake],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'no-anchor',
      missingIssuer: 'DigiCert Global Root G2',
    });
  });
});
