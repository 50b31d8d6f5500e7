// `certs import`, as a library: gather candidate certificates, plan what to add (CA certificates
// only, not already present by fingerprint, not expired unless asked, the docs' alias for the
// documented ones, never an alias that exists), then write — natively and atomically, or through
// the JRE's own keytool.
import { X509Certificate } from 'node:crypto';
import { readdir, stat, writeFile, mkdtemp, rm, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileProblem, DoctorError, FileError } from '../errors.js';
import { readInputFile } from '../files.js';
import { withKeystoreLock } from '../keystore/lock.js';
import { fingerprint, type Keystore, type TrustedCertEntry } from '../keystore/model.js';
import {
  openKeystore,
  KeystoreWriteError,
  replaceKeystoreFile,
  trustedEntries,
  writeKeystoreAtomically,
  type OpenedKeystore,
} from '../keystore/store.js';
import { KNOWN_CAS, knownCaBySha256, downloadFileName, type KnownCa } from './known-cas.js';
import { pemBlocks } from './pem.js';

export interface Candidate {
  der: Buffer;
  /** Where it came from: a file, a URL, or the portal. */
  source: string;
}

export interface PlannedImport {
  alias: string;
  name: string;
  sha256: string;
  notAfter: string;
  source: string;
}

export type SkipReason = 'present' | 'expired' | 'not-a-ca' | 'duplicate';

export interface Skipped {
  name: string;
  sha256: string;
  notAfter: string;
  reason: SkipReason;
  /** For 'present': the alias it is already under. */
  alias?: string;
  source: string;
}

export interface ImportPlan {
  add: PlannedImport[];
  skipped: Skipped[];
}

function cn(dn: string): string {
  return (
    dn
      .split('\n')
      .find((l) => l.startsWith('CN='))
      ?.slice(3) ?? dn.replace(/\n/g, ', ')
  );
}

/** keytool stores aliases in lower case; ours are readable and safe in a shell. */
export function aliasFromName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'ca'
  );
}

export function planImport(
  keystore: Keystore,
  candidates: Candidate[],
  options: { includeExpired: boolean; now: Date },
): ImportPlan {
  const present = new Map<string, string>();
  const aliases = new Set(keystore.entries.map((e) => e.alias.toLowerCase()));
  for (const entry of keystore.entries) {
    if (entry.kind === 'trusted') present.set(fingerprint(entry.der), entry.alias);
  }
  const plan: ImportPlan = { add: [], skipped: [] };
  const planned = new Set<string>();
  for (const candidate of candidates) {
    const cert = new X509Certificate(candidate.der);
    const sha256 = cert.fingerprint256;
    const name = cn(cert.subject);
    const base = { name, sha256, notAfter: new Date(cert.validTo).toISOString(), source: candidate.source };
    if (present.has(sha256)) {
      plan.skipped.push({ ...base, reason: 'present', alias: present.get(sha256)! });
    } else if (planned.has(sha256)) {
      plan.skipped.push({ ...base, reason: 'duplicate' });
    } else if (!cert.ca) {
      plan.skipped.push({ ...base, reason: 'not-a-ca' });
    } else if (!options.includeExpired && Date.parse(cert.validTo) < options.now.getTime()) {
      plan.skipped.push({ ...base, reason: 'expired' });
    } else {
      const known = knownCaBySha256(sha256);
      let alias = known?.alias ?? aliasFromName(name);
      for (let n = 2; aliases.has(alias); n++) alias = `${known?.alias ?? aliasFromName(name)}-${n}`;
      aliases.add(alias);
      planned.add(sha256);
      plan.add.push({ ...base, alias });
    }
  }
  return plan;
}

/**
 * Why nothing was added: everything offered is held already (all-held), what is held is all that
 * was valid (valid-held), nothing could be obtained (none-obtained), nothing was offered
 * (none-offered), nothing offered was a CA (no-ca).
 */
export type NothingAdded = 'all-held' | 'valid-held' | 'none-obtained' | 'none-offered' | 'no-ca';

/**
 * Why a plan adds nothing, and whether that leaves the keystore holding what is needed (ok) or
 * not: "already holds everything" only when that is what happened.
 */
export function whyNothingAdded(
  plan: ImportPlan,
  offered: number,
  notObtained: number,
): { why: NothingAdded; ok: boolean } {
  if (offered === 0) return { why: notObtained > 0 ? 'none-obtained' : 'none-offered', ok: false };
  if (plan.skipped.every((s) => s.reason === 'not-a-ca')) return { why: 'no-ca', ok: false };
  const allHeld = plan.skipped.every((s) => s.reason === 'present' || s.reason === 'duplicate');
  return { why: allHeld ? 'all-held' : 'valid-held', ok: notObtained === 0 };
}

export function applyPlan(
  keystore: Keystore,
  plan: ImportPlan,
  candidates: Candidate[],
  now: Date,
): Keystore {
  const byFingerprint = new Map(candidates.map((c) => [new X509Certificate(c.der).fingerprint256, c.der]));
  const added: TrustedCertEntry[] = plan.add.map((p) => ({
    kind: 'trusted',
    alias: p.alias,
    created: now,
    der: byFingerprint.get(p.sha256)!,
  }));
  return { ...keystore, entries: [...keystore.entries, ...added] };
}

const CERT_FILE = /\.(pem|crt|cer|der|cert)$/i;

/** Certificates from files and folders: PEM (one or many) or DER, whatever the name says. */
export async function candidatesFromFiles(paths: string[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const given of paths) {
    let files: string[];
    try {
      files = (await stat(given)).isDirectory()
        ? (await readdir(given))
            .filter((f) => CERT_FILE.test(f))
            .sort()
            .map((f) => path.join(given, f))
        : [given];
    } catch (error) {
      throw new FileError(fileProblem(error, given), 'from');
    }
    if (files.length === 0)
      throw new FileError({ key: 'trust.error.noCertFiles', params: { folder: given } }, 'from');
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = await readInputFile(file);
      } catch (error) {
        throw new FileError(fileProblem(error, file), 'from');
      }
      out.push(...parseCertificates(bytes, file));
    }
  }
  return out;
}

export function parseCertificates(bytes: Buffer, source: string): Candidate[] {
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const blocks = pemBlocks(text);
    return blocks.map((pem, i) => {
      try {
        return { der: new X509Certificate(pem).raw, source };
      } catch {
        throw new FileError(
          { key: 'trust.error.pemDamaged', params: { file: source, number: i + 1 } },
          'from',
        );
      }
    });
  }
  try {
    return [{ der: new X509Certificate(bytes).raw, source }];
  } catch {
    throw new FileError({ key: 'trust.error.notCertificate', params: { file: source } }, 'from');
  }
}

/** The known CAs a download should bring: every one still valid (all of them with --include-expired). */
export function downloadList(includeExpired: boolean, now: Date): KnownCa[] {
  return KNOWN_CAS.filter((ca) => ca.url && (includeExpired || Date.parse(ca.notAfter) > now.getTime()));
}

export interface DownloadFailure {
  name: string;
  url: string;
  problem: string;
}

/**
 * Downloads from Microsoft's PKI (or a mirror) and keeps a file only when its SHA-256 is the
 * pinned one: a mirror, a proxy or a network cannot slip another certificate in.
 */
export async function candidatesFromDownload(
  list: KnownCa[],
  options: { baseUrl?: string; timeoutMs: number },
): Promise<{ candidates: Candidate[]; failures: DownloadFailure[] }> {
  const candidates: Candidate[] = [];
  const failures: DownloadFailure[] = [];
  await Promise.all(
    list.map(async (ca) => {
      const url = options.baseUrl
        ? new URL(
            encodeURIComponent(downloadFileName(ca.url!)),
            options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
          ).href
        : ca.url!;
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
        if (!response.ok) return failures.push({ name: ca.name, url, problem: `HTTP ${response.status}` });
        const [candidate] = parseCertificates(Buffer.from(await response.arrayBuffer()), url);
        const sha256 = new X509Certificate(candidate!.der).fingerprint256;
        if (sha256 !== ca.sha256)
          return failures.push({
            name: ca.name,
            url,
            problem: `SHA-256 ${sha256} is not the pinned ${ca.sha256}: refused`,
          });
        candidates.push(candidate!);
      } catch (error) {
        const problem =
          error instanceof DoctorError
            ? error.message
            : (((error as Error).cause as Error | undefined)?.message ?? (error as Error).message);
        failures.push({ name: ca.name, url, problem: problem.split('\n')[0]! });
      }
    }),
  );
  // Report in table order, whatever order the downloads finished in.
  candidates.sort(
    (a, b) =>
      list.findIndex((ca) => ca.sha256 === new X509Certificate(a.der).fingerprint256) -
      list.findIndex((ca) => ca.sha256 === new X509Certificate(b.der).fingerprint256),
  );
  return { candidates, failures };
}

/** keytool's `-list` of a store: SHA-256 by alias (aliases as keytool prints them, lower case). */
async function keytoolListing(
  keytool: string,
  keystore: string,
  storepass: string,
): Promise<Map<string, string>> {
  const { execa } = await import('execa');
  const result = await execa(
    keytool,
    [
      '-J-Duser.language=en',
      '-J-Duser.country=US',
      '-list',
      '-keystore',
      keystore,
      '-storepass:env',
      PASS_VARIABLE,
    ],
    { reject: false, env: { [PASS_VARIABLE]: storepass, LC_ALL: 'C' }, timeout: 60_000, all: true },
  );
  if (result.exitCode !== 0)
    throw new KeystoreWriteError({ key: 'trust.error.keytoolList', params: { detail: keytoolSaid(result) } });
  const listed = new Map<string, string>();
  let alias: string | undefined;
  for (const line of (result.all ?? '').split('\n')) {
    // "alias, Dec 1, 2026, trustedCertEntry," (the date holds a comma too)
    const entry = /^(.*?), .*, (trustedCertEntry|PrivateKeyEntry|SecretKeyEntry),\s*$/.exec(line);
    if (entry) alias = entry[1];
    const sha = /^Certificate fingerprint \(SHA-256\): ([0-9A-F:]+)/.exec(line);
    if (sha && alias !== undefined) listed.set(alias.toLowerCase(), sha[1]!);
  }
  return listed;
}

const PASS_VARIABLE = 'SIEM_DOCTOR_KEYTOOL_PASS';

function keytoolSaid(result: { all?: string; exitCode?: number }): string {
  const said = (result.all ?? '').split('\n').find((l) => /error/i.test(l)) ?? `exit ${result.exitCode}`;
  return said.replace(/^keytool error:\s*/i, '');
}

/**
 * The same import through the JRE's own keytool, for keystore kinds siem-doctor does not write.
 * keytool writes into a copy beside the keystore, one -importcert per certificate; the copy is
 * listed by keytool to see every planned alias with its fingerprint, then swapped in as the native
 * write does (replaceKeystoreFile): a run stopped halfway leaves the live file as it was. The
 * password travels in an environment variable (-storepass:env), never on a command line that `ps`
 * shows.
 */
export async function importWithKeytool(options: {
  keytool: string;
  keystore: string;
  storepass: string;
  plan: ImportPlan;
  candidates: Candidate[];
  now: Date;
  expected?: Buffer;
}): Promise<{ backup: string }> {
  const { execa } = await import('execa');
  const byFingerprint = new Map(
    options.candidates.map((c) => [new X509Certificate(c.der).fingerprint256, c.der]),
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'siem-doctor-'));
  const fill = async (temp: string) => {
    await copyFile(options.keystore, temp);
    for (const item of options.plan.add) {
      const file = path.join(dir, `${item.alias}.der`);
      await writeFile(file, byFingerprint.get(item.sha256)!);
      const result = await execa(
        options.keytool,
        [
          '-importcert',
          '-noprompt',
          '-alias',
          item.alias,
          '-file',
          file,
          '-keystore',
          temp,
          '-storepass:env',
          PASS_VARIABLE,
        ],
        { reject: false, env: { [PASS_VARIABLE]: options.storepass }, timeout: 60_000, all: true },
      );
      if (result.exitCode !== 0) {
        throw new KeystoreWriteError({
          key: 'trust.error.keytoolRefused',
          params: { alias: item.alias, detail: keytoolSaid(result) },
        });
      }
    }
  };
  const verify = async (temp: string) => {
    const listed = await keytoolListing(options.keytool, temp, options.storepass);
    const missing = options.plan.add.filter((p) => listed.get(p.alias.toLowerCase()) !== p.sha256);
    if (missing.length > 0) {
      throw new KeystoreWriteError({
        key: 'trust.error.keytoolLacks',
        params: { aliases: missing.map((m) => m.alias).join(', ') },
      });
    }
  };
  try {
    return await replaceKeystoreFile(options.keystore, {
      fill,
      verify,
      now: options.now,
      ...(options.expected && { expected: options.expected }),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ImportOutcome {
  /** What this run added (every one of them read back from the final file) and left out. */
  plan: ImportPlan;
  /** The keystore as the file holds it at the end. */
  final: OpenedKeystore;
  backup?: string;
}

/**
 * Plans and writes under the keystore's lock, so that two runs never lose each other's additions:
 * the keystore is read again once the lock is held (another run may have written meanwhile), the
 * plan made again against it, written, and the final file read back; the outcome says only what
 * that file holds.
 */
export async function importCandidates(options: {
  file: string;
  password: string;
  candidates: Candidate[];
  includeExpired: boolean;
  now: Date;
  keytool?: string;
  waitMs?: number;
}): Promise<ImportOutcome> {
  const { file, password, candidates, now } = options;
  return withKeystoreLock(
    file,
    async () => {
      const current = await openKeystore(file, password);
      const plan = planImport(current, candidates, { includeExpired: options.includeExpired, now });
      if (plan.add.length === 0) return { plan, final: current };
      const { backup } = options.keytool
        ? await importWithKeytool({
            keytool: options.keytool,
            keystore: current.file,
            storepass: password,
            plan,
            candidates,
            now,
            expected: current.bytes,
          })
        : await writeKeystoreAtomically(current.file, applyPlan(current, plan, candidates, now), password, {
            now,
            expected: current.bytes,
          });
      const final = await openKeystore(file, password);
      const held = new Set(trustedEntries(final).map((e) => fingerprint(e.der)));
      const lost = plan.add.filter((p) => !held.has(p.sha256));
      if (lost.length > 0) {
        throw new KeystoreWriteError({
          key: 'trust.error.lost',
          params: { file, aliases: lost.map((l) => l.alias).join(', '), backup },
        });
      }
      return { plan, final, backup };
    },
    options.waitMs === undefined ? {} : { waitMs: options.waitMs },
  );
}
