// Chains shaped like Azure's G2 hierarchy, RSA or ECC, made fresh by the openssl command line
// (node-forge signs RSA only): DigiCert Global Root G2/G3 → Microsoft TLS RSA/ECC Root G2 (the
// cross-sign) → Microsoft TLS G2 RSA/ECC CA OCSP 02 → leaf, and the self-signed Microsoft TLS
// RSA/ECC Root G2 with the same key as its cross-sign. The names are Microsoft's; the keys are
// the test's own.
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Made {
  cert: string; // PEM
  key: string; // PEM
}

export interface G2Pki {
  digicert: Made;
  /** Microsoft TLS … Root G2, self-signed (valid to 2040 in real life). */
  g2Root: Made;
  /** Microsoft TLS … Root G2 issued by DigiCert: same subject and key as g2Root. */
  g2CrossSign: Made;
  ocsp: Made;
  leaf: Made;
  /** What a complete front end sends: leaf, OCSP CA, cross-sign. */
  fullChain: string;
  /** What a front end that omits the cross-sign sends: leaf, OCSP CA. */
  shortChain: string;
}

async function keyFile(dir: string, name: string, ecc: boolean, curve: string): Promise<string> {
  const file = path.join(dir, `${name}.key`);
  const args = ecc
    ? ['genpkey', '-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`, '-out', file]
    : ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file];
  await execa('openssl', args);
  return file;
}

interface Spec {
  name: string;
  subject: string;
  key: string;
  issuer?: { cert: string; key: string };
  ca: boolean;
  days?: number;
  hosts?: string[];
}

async function certificate(dir: string, spec: Spec): Promise<string> {
  const ext = path.join(dir, `${spec.name}.ext`);
  const lines = spec.ca
    ? [
        'basicConstraints=critical,CA:TRUE',
        'keyUsage=critical,keyCertSign,cRLSign',
        'subjectKeyIdentifier=hash',
      ]
    : [
        'basicConstraints=critical,CA:FALSE',
        'keyUsage=critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage=serverAuth',
        `subjectAltName=${(spec.hosts ?? []).map((h) => (/^[\d.]+$/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',')}`,
      ];
  if (spec.issuer) lines.push('authorityKeyIdentifier=keyid');
  await writeFile(ext, `[v3]\n${lines.join('\n')}\n`);
  const csr = path.join(dir, `${spec.name}.csr`);
  const out = path.join(dir, `${spec.name}.pem`);
  await execa('openssl', ['req', '-new', '-key', spec.key, '-subj', spec.subject, '-out', csr]);
  const days = String(spec.days ?? 365);
  const signer = spec.issuer ?? { cert: '', key: spec.key };
  const common = [
    '-req',
    '-in',
    csr,
    '-days',
    days,
    '-sha256',
    '-extfile',
    ext,
    '-extensions',
    'v3',
    '-out',
    out,
  ];
  const args = spec.issuer
    ? ['x509', ...common, '-CA', signer.cert, '-CAkey', signer.key, '-set_serial', `0x${serial()}`]
    : ['x509', ...common, '-signkey', spec.key, '-set_serial', `0x${serial()}`];
  await execa('openssl', args);
  return out;
}

const serial = () =>
  Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16))
    .join('')
    .replace(/^0/, '1');

export async function makeG2Pki(options: { ecc?: boolean } = {}): Promise<G2Pki> {
  const ecc = options.ecc ?? false;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-g2pki-'));
  try {
    const kind = ecc ? 'ECC' : 'RSA';
    const rootName = `Microsoft TLS ${kind} Root G2`;
    const digicertName = ecc ? 'DigiCert Global Root G3' : 'DigiCert Global Root G2';
    const [digicertKey, g2Key, ocspKey, leafKey] = await Promise.all([
      keyFile(dir, 'digicert', ecc, 'secp384r1'),
      keyFile(dir, 'g2', ecc, 'secp384r1'),
      keyFile(dir, 'ocsp', ecc, 'secp384r1'),
      keyFile(dir, 'leaf', ecc, 'prime256v1'),
    ]);
    const digicert = await certificate(dir, {
      name: 'digicert',
      subject: `/C=US/O=DigiCert Inc/OU=www.digicert.com/CN=${digicertName}`,
      key: digicertKey,
      ca: true,
      days: 3650,
    });
    const subjectG2 = `/C=US/O=Microsoft Corporation/CN=${rootName}`;
    const g2Root = await certificate(dir, {
      name: 'g2root',
      subject: subjectG2,
      key: g2Key,
      ca: true,
      days: 3650,
    });
    const g2CrossSign = await certificate(dir, {
      name: 'g2xsign',
      subject: subjectG2,
      key: g2Key,
      issuer: { cert: digicert, key: digicertKey },
      ca: true,
      days: 1825,
    });
    // The OCSP CA is signed by the G2 key: it links to the cross-sign and to the self-signed root alike.
    const ocsp = await certificate(dir, {
      name: 'ocsp',
      subject: `/C=US/O=Microsoft Corporation/CN=Microsoft TLS G2 ${kind} CA OCSP 02`,
      key: ocspKey,
      issuer: { cert: g2Root, key: g2Key },
      ca: true,
      days: 1000,
    });
    const leaf = await certificate(dir, {
      name: 'leaf',
      subject: '/O=Microsoft Corporation/CN=localhost',
      key: leafKey,
      issuer: { cert: ocsp, key: ocspKey },
      ca: false,
      hosts: ['localhost', '127.0.0.1'],
    });
    const read = async (cert: string, key: string): Promise<Made> => ({
      cert: await readFile(cert, 'utf8'),
      key: await readFile(key, 'utf8'),
    });
    const made = {
      digicert: await read(digicert, digicertKey),
      g2Root: await read(g2Root, g2Key),
      g2CrossSign: await read(g2CrossSign, g2Key),
      ocsp: await read(ocsp, ocspKey),
      leaf: await read(leaf, leafKey),
    };
    return {
      ...made,
      fullChain: `${made.leaf.cert}${made.ocsp.cert}${made.g2CrossSign.cert}`,
      shortChain: `${made.leaf.cert}${made.ocsp.cert}`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
