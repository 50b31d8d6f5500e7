// PKCS#12 trust stores. JDK 18+ ships cacerts password-less: no MAC, certificates in plain
// (unencrypted) SafeContents. keytool sees a certificate bag as a trusted entry only when it
// carries attribute 2.16.840.1.113894.746875.1.1 = anyExtendedKeyUsage; friendlyName (BMPString)
// is the alias. We read and write that kind natively, keeping bags we do not understand as they
// were. A store protected by a password is read through node-forge (decryption, MAC) and can only
// be written back through keytool (--keytool).
import forge from 'node-forge';
import type { Text } from '../catalog/index.js';
import { certificateParses, KeystoreError, type Keystore, type KeystoreEntry } from './model.js';

const asn1 = forge.asn1;
const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  trustedKeyUsage: '2.16.840.1.113894.746875.1.1',
  anyExtendedKeyUsage: '2.5.29.37.0',
};

type Node = forge.asn1.Asn1;

function der(node: Node): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

/** What was not valid DER, in the error that says so. */
const PART = {
  file: { key: 'keystore.error.part.file' },
  authSafe: { key: 'keystore.error.part.authSafe' },
  safe: { key: 'keystore.error.part.safe' },
} satisfies Record<string, Text>;

function fromDer(bytes: Buffer | string, what: Text): Node {
  try {
    // forge 1.x takes an options object here; its type declarations still say boolean
    const parse = asn1.fromDer as unknown as (input: string, options: object) => Node;
    return parse(typeof bytes === 'string' ? bytes : bytes.toString('binary'), {
      strict: true,
      parseAllBytes: true,
    });
  } catch (error) {
    throw new KeystoreError(
      { key: 'keystore.error.pkcs12Der', params: { detail: (error as Error).message }, parts: { what } },
      'damaged',
    );
  }
}

const children = (node: Node): Node[] => (Array.isArray(node.value) ? (node.value as Node[]) : []);
const oidOf = (node: Node | undefined): string | undefined =>
  node && node.type === asn1.Type.OID ? asn1.derToOid(node.value as string) : undefined;
const octets = (node: Node | undefined): string => {
  if (!node) return '';
  // An OCTET STRING may be constructed (BER-style chunks); join them.
  return Array.isArray(node.value) ? (node.value as Node[]).map(octets).join('') : (node.value as string);
};

interface BagView {
  alias?: string;
  trusted: boolean;
  certDer?: Buffer;
}

function readCertBag(bag: Node): BagView {
  const [, value, attributes] = children(bag);
  const view: BagView = { trusted: false };
  const certBag = value && children(value)[0];
  if (certBag && oidOf(children(certBag)[0]) === OID.x509Certificate) {
    const wrapped = children(certBag)[1];
    view.certDer = Buffer.from(octets(wrapped && children(wrapped)[0]), 'binary');
  }
  for (const attribute of children(attributes ?? ({} as Node))) {
    const [type, values] = children(attribute);
    const oid = oidOf(type);
    const first = children(values!)[0];
    // forge decodes a BMPString into a JS string itself (and encodes it back on write)
    if (oid === OID.friendlyName && first) view.alias = first.value as string;
    if (oid === OID.trustedKeyUsage) view.trusted = true;
  }
  return view;
}

/** Reads a PKCS#12 store: natively when it is password-less, else through forge with the password. */
export function parsePkcs12(bytes: Buffer, password: string | undefined): Keystore {
  const pfx = fromDer(bytes, PART.file);
  const [version, authSafe, macData] = children(pfx);
  if (
    !version ||
    version.type !== asn1.Type.INTEGER ||
    !authSafe ||
    oidOf(children(authSafe)[0]) !== OID.data
  ) {
    throw new KeystoreError({ key: 'keystore.error.notPkcs12' }, 'not-a-keystore');
  }
  const safes = children(fromDer(octets(children(children(authSafe)[1]!)[0]), PART.authSafe));
  const encrypted = safes.some((s) => oidOf(children(s)[0]) === OID.encryptedData);
  if (macData || encrypted) return parseProtected(bytes, password);

  const entries: KeystoreEntry[] = [];
  for (const safe of safes) {
    const contents = children(fromDer(octets(children(children(safe)[1]!)[0]), PART.safe));
    for (const bag of contents) {
      const view = oidOf(children(bag)[0]) === OID.certBag ? readCertBag(bag) : undefined;
      // Java reads every certificate bag when it loads the store; one it cannot read and the JVM
      // loads nothing at all.
      if (view && !(view.certDer && certificateParses(view.certDer))) {
        throw new KeystoreError(
          { key: 'keystore.error.certBag', params: { alias: view.alias ?? '?' } },
          'damaged',
        );
      }
      if (view?.trusted && view.certDer && view.alias !== undefined) {
        entries.push({ kind: 'trusted', alias: view.alias, created: new Date(0), der: view.certDer });
      } else {
        entries.push({ kind: 'opaque', alias: view?.alias ?? '', tag: 0, raw: der(bag) });
      }
    }
  }
  return { format: 'pkcs12', entries, integrityChecked: false };
}

function parseProtected(bytes: Buffer, password: string | undefined): Keystore {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(fromDer(bytes, PART.file), true, password ?? '');
  } catch (error) {
    const message = (error as Error).message;
    if (/MAC|password/i.test(message)) {
      throw new KeystoreError({ key: 'keystore.error.pkcs12Password' }, 'wrong-password');
    }
    throw new KeystoreError(
      { key: 'keystore.error.pkcs12Unreadable', params: { detail: message } },
      'unsupported',
    );
  }
  const entries: KeystoreEntry[] = [];
  for (const bag of p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []) {
    if (!bag.cert && !bag.asn1) continue;
    const alias = bag.attributes?.friendlyName?.[0] ?? '';
    const certDer = der(
      bag.asn1 ? children(children(bag.asn1)[1]!)[0]! : forge.pki.certificateToAsn1(bag.cert!),
    );
    entries.push({ kind: 'trusted', alias: String(alias), created: new Date(0), der: certDer });
  }
  return { format: 'pkcs12', entries, integrityChecked: true, passwordProtected: true };
}

function trustedBag(alias: string, certDer: Buffer): Node {
  const { Class, Type } = asn1;
  return asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(OID.certBag).getBytes()),
    asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [
      asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
        asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(OID.x509Certificate).getBytes()),
        asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [
          asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, certDer.toString('binary')),
        ]),
      ]),
    ]),
    asn1.create(Class.UNIVERSAL, Type.SET, true, [
      asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
        asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(OID.friendlyName).getBytes()),
        asn1.create(Class.UNIVERSAL, Type.SET, true, [
          asn1.create(Class.UNIVERSAL, Type.BMPSTRING, false, alias),
        ]),
      ]),
      asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
        asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(OID.trustedKeyUsage).getBytes()),
        asn1.create(Class.UNIVERSAL, Type.SET, true, [
          asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(OID.anyExtendedKeyUsage).getBytes()),
        ]),
      ]),
    ]),
  ]);
}

/** A password-less PKCS#12 trust store, as JDK 18+ writes cacerts. */
export function serializePkcs12(entries: KeystoreEntry[]): Buffer {
  const { Class, Type } = asn1;
  const bags = entries.map((entry) =>
    entry.kind === 'trusted'
      ? trustedBag(entry.alias, entry.der)
      : fromDer(entry.raw, { key: 'keystore.error.part.kept', params: { alias: entry.alias } }),
  );
  const dataInfo = (content: Node) =>
    asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
      asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(OID.data).getBytes()),
      asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [
        asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, der(content).toString('binary')),
      ]),
    ]);
  const safeContents = asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, bags);
  const authenticatedSafe = asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [dataInfo(safeContents)]);
  const pfx = asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    asn1.create(Class.UNIVERSAL, Type.INTEGER, false, String.fromCharCode(3)),
    dataInfo(authenticatedSafe),
  ]);
  return der(pfx);
}
