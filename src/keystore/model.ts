import { createHash } from 'node:crypto';
import { en } from '../catalog/en.js';
import { translate, type Text } from '../catalog/index.js';

// The trust store as siem-doctor sees it, whatever the file format: trusted certificates it
// understands, and every other entry kept exactly as it was read.

export interface TrustedCertEntry {
  kind: 'trusted';
  alias: string;
  created: Date;
  der: Buffer;
}

/** A private-key (or other) entry: never interpreted, written back byte for byte. */
export interface OpaqueEntry {
  kind: 'opaque';
  alias: string;
  /** JKS: the entry's bytes after its tag, as read. */
  raw: Buffer;
  tag: number;
}

export type KeystoreEntry = TrustedCertEntry | OpaqueEntry;

export type KeystoreFormat = 'jks' | 'pkcs12';

export interface Keystore {
  format: KeystoreFormat;
  entries: KeystoreEntry[];
  /** False when the file was read without checking its integrity (no or wrong password). */
  integrityChecked: boolean;
  /** A PKCS#12 store with encrypted bags and a MAC: readable here, written only through keytool. */
  passwordProtected?: boolean;
}

/**
 * Bad keystore input: a damaged file, a wrong password, an unsupported kind. Exit 2 at the edge.
 * `text` says it in any language; `message` is its English, for logs and the checks that quote it.
 */
export class KeystoreError extends Error {
  readonly text: Text;

  constructor(
    text: Text,
    readonly reason: 'not-a-keystore' | 'damaged' | 'wrong-password' | 'unsupported',
  ) {
    super(translate(en, text));
    this.text = text;
  }
}

/**
 * SHA-256 of a certificate's DER as keytool and OpenSSL print it (AA:BB:…). Hashing the bytes is
 * far cheaper than parsing 140 certificates just to ask for their fingerprint.
 */
export function fingerprint(der: Buffer): string {
  return createHash('sha256')
    .update(der)
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
}

/**
 * Whether a certificate's bytes are well-formed DER in the shape of X.509: every tag and length
 * inside its parent all the way down, a SEQUENCE of to-be-signed SEQUENCE, algorithm and BIT
 * STRING, and the to-be-signed part's serial number, names, validity and key where X.509 puts
 * them. This is the part of reading a certificate that Java's loader refuses a keystore over (a
 * store with one such entry does not load at all: the JVM trusts nothing), and it costs a walk
 * over the bytes, not a full X.509 parse of every entry.
 */
export function certificateParses(der: Buffer): boolean {
  const top = derChildren(der, 0, der.length, 0);
  if (top?.length !== 1 || top[0]!.tag !== SEQUENCE) return false;
  const cert = derChildren(der, top[0]!.start, top[0]!.end, 1);
  if (!cert || cert.map((c) => c.tag).join() !== [SEQUENCE, SEQUENCE, BIT_STRING].join()) return false;
  const tbs = derChildren(der, cert[0]!.start, cert[0]!.end, 2)?.map((c) => c.tag);
  if (!tbs) return false;
  if (tbs[0] === VERSION) tbs.shift();
  // serial, signature algorithm, issuer, validity, subject, public key
  return tbs.slice(0, 6).join() === [INTEGER, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE].join();
}

const SEQUENCE = 0x30;
const BIT_STRING = 0x03;
const INTEGER = 0x02;
const VERSION = 0xa0;

interface DerElement {
  tag: number;
  /** Where its content starts and ends. */
  start: number;
  end: number;
}

/** The DER elements between start and end, each checked down to its leaves; undefined when they do not fit. */
function derChildren(der: Buffer, start: number, end: number, depth: number): DerElement[] | undefined {
  if (depth > 32) return undefined; // no certificate nests that deep
  const out: DerElement[] = [];
  let offset = start;
  while (offset < end) {
    const tag = der[offset]!;
    if ((tag & 0x1f) === 0x1f) return undefined; // high tag numbers never occur in a certificate
    let length = der[offset + 1];
    let at = offset + 2;
    if (length === undefined || at > end) return undefined;
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets === 0 || octets > 4 || at + octets > end) return undefined; // indefinite or absurd
      length = 0;
      for (let i = 0; i < octets; i++) length = length * 256 + der[at + i]!;
      at += octets;
    }
    const next = at + length;
    if (next > end) return undefined;
    if (tag & 0x20 && !derChildren(der, at, next, depth + 1)) return undefined;
    out.push({ tag, start: at, end: next });
    offset = next;
  }
  return out;
}

export function detectFormat(bytes: Buffer): KeystoreFormat | 'jceks' | undefined {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xfeedfeed) return 'jks';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xcececece) return 'jceks';
  // PKCS#12 is DER: a SEQUENCE whose first element is INTEGER 3.
  if (bytes[0] === 0x30) return 'pkcs12';
  return undefined;
}
