// Keystores for tests: copies of the 140-entry cacerts fixture, and an entry to add to them.
import { X509Certificate } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TrustedCertEntry } from '../../src/keystore/model.js';
import { CACERTS, FIXTURES } from './paths.js';

/** A copy of a keystore (the 140-entry cacerts unless told) in a fresh temporary directory. */
export async function keystoreCopy(source = CACERTS): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-keystore-'));
  const file = path.join(dir, 'cacerts');
  await copyFile(source, file);
  return { dir, file };
}

/** Microsoft Azure RSA TLS Issuing CA 03 as a trusted entry, under the docs' alias. */
export async function azureCa03Entry(): Promise<TrustedCertEntry> {
  const pem = await readFile(path.join(FIXTURES, 'azure-cas', 'azure-rsa-tls-issuing-ca-03.pem'));
  return { kind: 'trusted', alias: 'azuretls03crt', created: new Date(), der: new X509Certificate(pem).raw };
}

/** Where the first entry's certificate (DER) starts in a JKS file: after the header and its fields. */
function firstJksCertificate(bytes: Buffer): number {
  let offset = 12 + 4; // magic, version, count; the entry's tag
  offset += 2 + bytes.readUInt16BE(offset) + 8; // alias, creation time
  offset += 2 + bytes.readUInt16BE(offset); // "X.509"
  return offset + 4; // the DER's length
}

/**
 * A copy of cacerts damaged the way a disk or a bad copy damages files: `where` 'certificate'
 * flips the tag of the first certificate's to-be-signed part (no JVM can read it, so none loads
 * the store), 'digest' flips the last byte of the integrity digest only (every entry still reads).
 */
export async function damagedJks(where: 'certificate' | 'digest'): Promise<{ dir: string; file: string }> {
  const copy = await keystoreCopy();
  const bytes = await readFile(copy.file);
  const at = where === 'certificate' ? firstJksCertificate(bytes) + 4 : bytes.length - 1;
  bytes[at] = bytes[at]! ^ 0xff;
  await writeFile(copy.file, bytes);
  return copy;
}
