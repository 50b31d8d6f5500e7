// The real keytool as the judge of every keystore siem-doctor writes.
import { execa } from 'execa';

export interface Listed {
  alias: string;
  type: string;
  sha256: string;
}

/** `keytool -list -v`: alias, entry type and SHA-256 of every entry. Throws when keytool refuses the file. */
export async function keytoolList(
  file: string,
  storepass = 'changeit',
  storetype?: string,
): Promise<Listed[]> {
  const args = [
    '-list',
    '-v',
    '-keystore',
    file,
    '-storepass',
    storepass,
    ...(storetype ? ['-storetype', storetype] : []),
  ];
  const { stdout, exitCode, stderr } = await execa('keytool', args, {
    reject: false,
    env: { LC_ALL: 'C.UTF-8' },
  });
  if (exitCode !== 0) throw new Error(`keytool refused ${file}: ${stdout}${stderr}`);
  const out: Listed[] = [];
  for (const block of stdout.split(/\*{20,}/)) {
    const alias = /Alias name: (.*)/.exec(block)?.[1];
    const type = /Entry type: (.*)/.exec(block)?.[1];
    const sha256 = /SHA256: ([0-9A-F:]+)/.exec(block)?.[1];
    if (alias && type && sha256) out.push({ alias, type, sha256 });
  }
  return out;
}

/** A password-less PKCS#12 copy of a JKS store, as JDK 18+ ships cacerts (keytool 17 can make one). */
export async function toPasswordlessPkcs12(
  jks: string,
  destination: string,
  storepass = 'changeit',
): Promise<void> {
  await keytool([
    '-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE',
    '-J-Dkeystore.pkcs12.macAlgorithm=NONE',
    '-importkeystore',
    '-noprompt',
    '-srckeystore',
    jks,
    '-srcstorepass',
    storepass,
    '-deststoretype',
    'pkcs12',
    '-deststorepass',
    storepass,
    '-destkeystore',
    destination,
  ]);
}

export async function keytool(args: string[]): Promise<void> {
  await execa('keytool', args, { env: { LC_ALL: 'C.UTF-8' } });
}

/** Adds the certificate file to `store` (password changeit) as `alias`, by keytool. */
export async function importCert(
  store: string,
  alias: string,
  file: string,
  storetype = 'JKS',
): Promise<void> {
  await keytool([
    '-importcert',
    '-noprompt',
    '-alias',
    alias,
    '-file',
    file,
    '-keystore',
    store,
    '-storepass',
    'changeit',
    '-storetype',
    storetype,
  ]);
}

/** Makes `store`, a JKS (password changeit), holding these certificate files, by keytool (aliases a0, a1, …). */
export async function jksOf(store: string, files: string[]): Promise<string> {
  for (const [i, file] of files.entries()) await importCert(store, `a${i}`, file);
  return store;
}
