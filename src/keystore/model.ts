import { createHash } from 'node:crypto';

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

/** Bad keystore input: a damaged file, a wrong password, an unsupported kind. Exit 2 at the edge. */
export class KeystoreError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-a-keystore' | 'damaged' | 'wrong-password' | 'unsupported',
  ) {
    super(message);
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

export function detectFormat(bytes: Buffer): KeystoreFormat | 'jceks' | undefined {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xfeedfeed) return 'jks';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xcececece) return 'jceks';
  // PKCS#12 is DER: a SEQUENCE whose first element is INTEGER 3.
  if (bytes[0] === 0x30) return 'pkcs12';
  return undefined;
}
