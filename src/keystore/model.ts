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

/**
 * Whether a certificate's bytes are well-formed DER: one element, every tag and length inside its
 * parent, all the way down. This is the part of reading a certificate that Java's loader refuses
 * a keystore over (a store with one such entry does not load at all: the JVM trusts nothing), and
 * it costs a walk over the bytes, not a full X.509 parse of every entry.
 */
export function certificateParses(der: Buffer): boolean {
  return der.length > 0 && der[0] === 0x30 && derElementsEnd(der, 0, der.length, 0) === der.length;
}

/** Walks the DER elements between start and end; their end offset, or -1 when they do not fit. */
function derElementsEnd(der: Buffer, start: number, end: number, depth: number): number {
  if (depth > 32) return -1; // no certificate nests that deep
  let offset = start;
  while (offset < end) {
    const tag = der[offset]!;
    if ((tag & 0x1f) === 0x1f) return -1; // high tag numbers never occur in a certificate
    let length = der[offset + 1];
    let at = offset + 2;
    if (length === undefined) return -1;
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets === 0 || octets > 4 || at + octets > end) return -1; // indefinite or absurd
      length = 0;
      for (let i = 0; i < octets; i++) length = length * 256 + der[at + i]!;
      at += octets;
    }
    const next = at + length;
    if (next > end) return -1;
    if (tag & 0x20 && derElementsEnd(der, at, next, depth + 1) !== next) return -1;
    offset = next;
  }
  return offset;
}

export function detectFormat(bytes: Buffer): KeystoreFormat | 'jceks' | undefined {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xfeedfeed) return 'jks';
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0xcececece) return 'jceks';
  // PKCS#12 is DER: a SEQUENCE whose first element is INTEGER 3.
  if (bytes[0] === 0x30) return 'pkcs12';
  return undefined;
}
