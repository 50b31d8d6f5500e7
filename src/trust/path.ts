// Can Java build a path from the portal's chain to a trust anchor in this keystore? As Java's
// PKIX does: the served certificates are candidates, any keystore certificate can be an anchor
// (an intermediate too), each link is checked by subject and signature, each certificate on the
// path by its dates. Java does not check an anchor's own dates: an expired anchor still works,
// which is reported, not hidden.
import { X509Certificate } from 'node:crypto';

export interface Anchor {
  alias: string;
  der: Buffer;
}

export interface PathStep {
  subject: string;
  issuer: string;
  notAfter: string;
  sha256: string;
}

export type PathResult =
  | {
      ok: true;
      path: PathStep[];
      anchor: { alias: string; subject: string; sha256: string; expired: boolean; der: Buffer };
      /** The served certificates on the path, leaf first. */
      pathDer: Buffer[];
    }
  | { ok: false; path: PathStep[]; reason: 'no-anchor'; missingIssuer: string }
  | { ok: false; path: PathStep[]; reason: 'expired'; expired: PathStep };

const MAX_DEPTH = 10;

function cn(dn: string): string {
  const line = dn.split('\n').find((l) => l.startsWith('CN='));
  return line ? line.slice(3) : dn.replace(/\n/g, ', ');
}

function step(cert: X509Certificate): PathStep {
  return {
    subject: cn(cert.subject),
    issuer: cn(cert.issuer),
    notAfter: new Date(cert.validTo).toISOString(),
    sha256: cert.fingerprint256,
  };
}

function issued(child: X509Certificate, parent: X509Certificate): boolean {
  if (child.issuer !== parent.subject) return false;
  try {
    return child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

const expiredAt = (cert: X509Certificate, now: Date) =>
  Date.parse(cert.validTo) < now.getTime() || Date.parse(cert.validFrom) > now.getTime();

export function buildPath(chainDer: Buffer[], anchorsDer: Anchor[], now = new Date()): PathResult {
  const chain = chainDer.map((der) => new X509Certificate(der));
  const anchors = anchorsDer.map((a) => ({ alias: a.alias, cert: new X509Certificate(a.der) }));
  // A valid anchor beats an expired one with the same name and key.
  anchors.sort((a, b) => Number(expiredAt(a.cert, now)) - Number(expiredAt(b.cert, now)));
  const path: PathStep[] = [];
  const used = new Set<string>();
  const anchorFor = (signer: (typeof anchors)[number]) => ({
    alias: signer.alias,
    subject: cn(signer.cert.subject),
    sha256: signer.cert.fingerprint256,
    expired: expiredAt(signer.cert, now),
    der: signer.cert.raw,
  });
  const pathDer: Buffer[] = [];
  let current = chain[0];
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    // The served certificate may itself be in the keystore: then it is the anchor.
    const exact = anchors.find((a) => a.cert.fingerprint256 === current!.fingerprint256);
    if (exact) return { ok: true, path, anchor: anchorFor(exact), pathDer };
    path.push(step(current));
    pathDer.push(current.raw);
    if (expiredAt(current, now)) return { ok: false, path, reason: 'expired', expired: step(current) };
    const signer = anchors.find((a) => issued(current!, a.cert));
    if (signer) return { ok: true, path, anchor: anchorFor(signer), pathDer };
    used.add(current.fingerprint256);
    const next: X509Certificate | undefined = chain.find(
      (c) => !used.has(c.fingerprint256) && issued(current!, c),
    );
    if (!next) return { ok: false, path, reason: 'no-anchor', missingIssuer: cn(current.issuer) };
    current = next;
  }
  return { ok: false, path, reason: 'no-anchor', missingIssuer: current ? cn(current.issuer) : 'unknown' };
}

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };

/** A certificate's key as jdk.certpath.disabledAlgorithms sees it: algorithm and size in bits. */
export function keyOf(der: Buffer): { algorithm: string; bits: number; subject: string } {
  const cert = new X509Certificate(der);
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const algorithm = (key.asymmetricKeyType ?? 'unknown').toUpperCase().replace(/^RSA-PSS$/, 'RSA');
  const bits = details.modulusLength ?? CURVE_BITS[details.namedCurve ?? ''] ?? 0;
  return { algorithm, bits, subject: cn(cert.subject) };
}

/**
 * The first key on the path (anchor included: Java checks the anchor's key too) that a keySize rule
 * of jdk.certpath.disabledAlgorithms refuses, e.g. an RSA-2048 CA under `RSA keySize < 4096`.
 */
export function refusedKey(
  ders: Buffer[],
  rules: readonly { algorithm: string; minBits: number; rule: string }[],
): { subject: string; algorithm: string; bits: number; rule: string } | undefined {
  for (const der of ders) {
    const key = keyOf(der);
    const rule = rules.find((r) => r.algorithm === key.algorithm && key.bits < r.minBits);
    if (rule) return { ...key, rule: rule.rule };
  }
  return undefined;
}

const G2_ROOT = /^Microsoft TLS (RSA|ECC) Root G2$/;

/**
 * The G2 root a served chain needs but does not carry: a front end that sends leaf → "Microsoft
 * TLS G2 RSA/ECC CA OCSP NN" without the DigiCert cross-sign of "Microsoft TLS RSA/ECC Root G2".
 * Only the self-signed G2 root, as an anchor in Java's store, completes such a chain: nothing
 * intercepts it. Takes the sent certificates, leaf first (CN of subject and issuer).
 */
export function omittedG2CrossSign(sent: readonly { subject: string; issuer: string }[]): string | undefined {
  const top = sent.at(-1);
  if (!top || top.subject === top.issuer || !G2_ROOT.test(top.issuer)) return undefined;
  return top.issuer;
}
