// Certificate chains for the TLS tests, made fresh each run: a root, an issuing CA named like
// Azure's, and leaves. node:crypto makes the RSA keys (fast); node-forge builds the certificates.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface Issued {
  cert: string; // PEM
  key: string; // PEM
  forgeCert: forge.pki.Certificate;
  forgeKey: forge.pki.rsa.PrivateKey;
}

interface Options {
  subject: { CN: string; O?: string; C?: string };
  issuer?: Issued;
  ca?: boolean;
  hosts?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

const DAY = 86_400_000;

function attributes(subject: Options['subject']): forge.pki.CertificateField[] {
  const out: forge.pki.CertificateField[] = [];
  if (subject.C) out.push({ shortName: 'C', value: subject.C });
  if (subject.O) out.push({ shortName: 'O', value: subject.O });
  out.push({ shortName: 'CN', value: subject.CN });
  return out;
}

export function issue(options: Options): Issued {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - DAY);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * DAY);
  cert.setSubject(attributes(options.subject));
  cert.setIssuer(options.issuer ? options.issuer.forgeCert.subject.attributes : attributes(options.subject));
  const extensions: object[] = [
    { name: 'basicConstraints', cA: !!options.ca, critical: true },
    options.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (options.hosts) {
    extensions.push({ name: 'extKeyUsage', serverAuth: true });
    extensions.push({
      name: 'subjectAltName',
      altNames: options.hosts.map((h) => (/^[\d.]+$/.test(h) ? { type: 7, ip: h } : { type: 2, value: h })),
    });
  }
  cert.setExtensions(extensions);
  cert.sign(options.issuer?.forgeKey ?? forgeKey, forge.md.sha256.create());
  return {
    cert: forge.pki.certificateToPem(cert),
    key: forge.pki.privateKeyToPem(forgeKey),
    forgeCert: cert,
    forgeKey,
  };
}

/** The chains the portal tests serve: genuine-looking, expired, wrong name, and an inspecting proxy's. */
export function makePki() {
  const root = issue({ subject: { CN: 'Test Root G2', O: 'DigiCert Inc', C: 'US' }, ca: true });
  const issuing = issue({
    subject: { CN: 'Microsoft Azure RSA TLS Issuing CA 03', O: 'Microsoft Corporation', C: 'US' },
    issuer: root,
    ca: true,
  });
  const hosts = ['localhost', '127.0.0.1'];
  const leaf = issue({ subject: { CN: 'localhost', O: 'Microsoft Corporation' }, issuer: issuing, hosts });
  const expired = issue({
    subject: { CN: 'localhost', O: 'Microsoft Corporation' },
    issuer: issuing,
    hosts,
    notBefore: new Date(Date.now() - 400 * DAY),
    notAfter: new Date(Date.now() - 30 * DAY),
  });
  const otherName = issue({ subject: { CN: 'other.example' }, issuer: issuing, hosts: ['other.example'] });
  const inspectionRoot = issue({ subject: { CN: 'Contoso TLS Inspection CA', O: 'Contoso Ltd' }, ca: true });
  const inspected = issue({ subject: { CN: 'localhost' }, issuer: inspectionRoot, hosts });
  return {
    root,
    issuing,
    /** What a server sends: leaf then intermediates, no root. */
    chain: (l: Issued = leaf) => `${l.cert}${issuing.cert}`,
    leaf,
    expired,
    otherName,
    inspectionRoot,
    inspected,
  };
}
