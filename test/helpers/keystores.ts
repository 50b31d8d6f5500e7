// Keystores for tests: copies of the 140-entry cacerts fixture, and an entry to add to them.
import { X509Certificate } from 'node:crypto';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
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
