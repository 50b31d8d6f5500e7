// The path model on the G2 hierarchy and on ECC chains, with chains generated like Azure's
// (test/helpers/pki-g2.ts): the cross-sign sent or omitted, the self-signed G2 root as the anchor,
// ECC keys under jdk.certpath.disabledAlgorithms' keySize rules.
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPath, keyOf, omittedG2CrossSign, refusedKey } from '../../src/trust/path.js';
import { keySizeRules } from '../../src/trust/java-security.js';
import { makeG2Pki, type G2Pki } from '../helpers/pki-g2.js';

const derOf = (pem: string) => new X509Certificate(pem).raw;
const step = (pem: string) => {
  const cert = new X509Certificate(pem);
  const cn = (dn: string) =>
    dn
      .split('\n')
      .find((l) => l.startsWith('CN='))!
      .slice(3);
  return { subject: cn(cert.subject), issuer: cn(cert.issuer) };
};

let rsa: G2Pki;
let ecc: G2Pki;
beforeAll(async () => {
  [rsa, ecc] = await Promise.all([makeG2Pki(), makeG2Pki({ ecc: true })]);
}, 30_000);

describe('omittedG2CrossSign', () => {
  it('names the G2 root a chain sent as leaf → OCSP CA lacks, RSA and ECC', () => {
    expect(omittedG2CrossSign([step(rsa.leaf.cert), step(rsa.ocsp.cert)])).toBe('Microsoft TLS RSA Root G2');
    expect(omittedG2CrossSign([step(ecc.leaf.cert), step(ecc.ocsp.cert)])).toBe('Microsoft TLS ECC Root G2');
  });

  it('names nothing when the cross-sign is sent, or the chain ends at the self-signed root', () => {
    expect(
      omittedG2CrossSign([step(rsa.leaf.cert), step(rsa.ocsp.cert), step(rsa.g2CrossSign.cert)]),
    ).toBeUndefined();
    expect(
      omittedG2CrossSign([step(rsa.leaf.cert), step(rsa.ocsp.cert), step(rsa.g2Root.cert)]),
    ).toBeUndefined();
    expect(omittedG2CrossSign([])).toBeUndefined();
  });
});

describe('buildPath on G2 and ECC chains', () => {
  for (const kind of ['rsa', 'ecc'] as const) {
    it(`${kind}: the full chain reaches DigiCert; the short one only the self-signed G2 root`, () => {
      const pki = kind === 'rsa' ? rsa : ecc;
      const full = [pki.leaf.cert, pki.ocsp.cert, pki.g2CrossSign.cert].map(derOf);
      const short = [pki.leaf.cert, pki.ocsp.cert].map(derOf);
      const digicert = [{ alias: 'digicert', der: derOf(pki.digicert.cert) }];
      const g2 = [{ alias: 'g2', der: derOf(pki.g2Root.cert) }];
      expect(buildPath(full, digicert)).toMatchObject({ ok: true, anchor: { alias: 'digicert' } });
      const missing = buildPath(short, digicert);
      expect(missing).toMatchObject({
        ok: false,
        reason: 'no-anchor',
        missingIssuer: `Microsoft TLS ${kind.toUpperCase()} Root G2`,
      });
      expect(omittedG2CrossSign(missing.path)).toBe(`Microsoft TLS ${kind.toUpperCase()} Root G2`);
      expect(buildPath(short, g2)).toMatchObject({
        ok: true,
        anchor: { alias: 'g2', subject: `Microsoft TLS ${kind.toUpperCase()} Root G2` },
      });
      // the cross-sign sent and the self-signed root held: Java anchors at the root by its key
      expect(buildPath(full, g2)).toMatchObject({ ok: true, anchor: { alias: 'g2' } });
    });
  }

  it('reads ECC keys as jdk.certpath.disabledAlgorithms does: EC and the curve size', () => {
    expect(keyOf(derOf(ecc.leaf.cert))).toMatchObject({ algorithm: 'EC', bits: 256 });
    expect(keyOf(derOf(ecc.ocsp.cert))).toMatchObject({ algorithm: 'EC', bits: 384 });
    const path = [ecc.leaf.cert, ecc.ocsp.cert, ecc.g2CrossSign.cert, ecc.digicert.cert].map(derOf);
    expect(refusedKey(path, keySizeRules('EC keySize < 384'))).toMatchObject({
      subject: 'localhost',
      bits: 256,
    });
    expect(refusedKey(path, keySizeRules('RSA keySize < 4096'))).toBeUndefined();
  });
});
