// The trust service: the one way CA certificates are added to the agent's Java, used by
// `certs import` and by java-certs's fix under `check --fix`.
//   1. locate the store through the run's facts (trust/locate.ts) and open it;
//   2. gather candidates: the portal's served chain (only when this machine trusts it), files, or
//      Microsoft's PKI (pinned SHA-256);
//   3. plan: CA certificates the store lacks (trust/import.ts planImport);
//   4. apply: under the keystore's lock, a backup, an atomic swap, read back (natively or through
//      the JRE's keytool, which verifies its own copy); or, for a store the distribution rebuilds
//      (trust/distro.ts), the distribution's own way, then the store read back and the JVM asked
//      whether it now trusts the portal.
// Nothing here prints: the result says what happened, src/render/certs.ts words it.
import { X509Certificate } from 'node:crypto';
import { translate, type Text } from '../catalog/index.js';
import type { MessageFile } from '../catalog/en.js';
import type { Facts } from '../checks/facts.js';
import type { DoctorConfig } from '../config/resolve.js';
import { ConfigError, DoctorError, NetworkError } from '../errors.js';
import type { KeystoreFormat } from '../keystore/model.js';
import type { OpenedKeystore } from '../keystore/store.js';
import type { ManagedStore } from './distro.js';
import type { KnownCaRole } from './known-cas.js';
import type { LocatedKeystore } from './locate.js';
import type {
  Candidate,
  DownloadFailure,
  ImportPlan,
  NothingAdded,
  PlannedImport,
  Skipped,
} from './import.js';

/** The store a change goes to, opened, with how it is written. */
export interface TrustTarget {
  /** The store as located (before links are followed): what the user is told. */
  file: string;
  chosenBy: string;
  javaHome?: string;
  keystore: OpenedKeystore;
  /** A store the distribution rebuilds: changed only its own way. */
  managed?: ManagedStore;
  /** The JRE's keytool, when the write goes through it. */
  keytool?: string;
}

/** Where the candidates came from, for the user. */
export type CandidateSource =
  { kind: 'files'; files: string[] } | { kind: 'download'; base: string } | { kind: 'portal'; host: string };

export interface Gathered {
  candidates: Candidate[];
  /** What could not be obtained (a download, the portal's chain). */
  failures: DownloadFailure[];
  sources: CandidateSource[];
}

/** What an import asks for: the sources (none given: the portal's chain) and the rules. */
export interface TrustRequest {
  from?: string[];
  download?: boolean;
  pkiBaseUrl?: string;
  includeExpired: boolean;
  /** Write through the JRE's own keytool. */
  keytool?: boolean;
  dryRun?: boolean;
  now: Date;
}

export const DEFAULT_PKI_BASE = 'https://www.microsoft.com/pkiops/certs/';

/** The PEM files a managed store's plan writes, and the tool it runs. */
export interface ManagedPlan extends ManagedStore {
  files: string[];
}

/** What the JVM said once a distribution's tool rebuilt its store. */
export type JvmAfterwards =
  | { asked: false; reason: string }
  | {
      asked: true;
      java: string;
      store: string;
      anchors: number | null;
      /** With a portal: whether the JVM's own handshake now trusts its chain. */
      handshake?: { host: string; trusted: boolean; protocol?: string; error?: string; decided: boolean };
    };

/**
 * How a run ended: nothing to add, a dry run, cancelled at the question, the lock held by
 * another run, written, or the distribution's way (done, or the store still lacking some).
 */
export type ImportOutcome =
  'nothing' | 'dry-run' | 'cancelled' | 'busy' | 'written' | 'managed-done' | 'managed-incomplete';

/** Why nothing was added (import.ts whyNothingAdded), when that is how it ended. */
export type { NothingAdded } from './import.js';

/**
 * The result of `certs import`: its JSON document. The first fields are the document's shape of
 * before #12 (SPEC.md); the rest say what the text says.
 */
export interface ImportResult {
  keystore: string;
  format: KeystoreFormat;
  add: PlannedImport[];
  skipped: Skipped[];
  failures: DownloadFailure[];
  changed: boolean;
  backup: string | null;
  managed?: ManagedPlan;
  toolOutput?: string;
  missingAfterwards?: string[];
  chosenBy: string;
  entries: number;
  sources: CandidateSource[];
  outcome: ImportOutcome;
  nothingAdded?: NothingAdded;
  /** Some offered certificates were added or held, others could not be obtained. */
  someNotObtained: boolean;
  jvm?: JvmAfterwards;
  /** The lock was held by another run ('busy'): nothing was changed. */
  error?: { code: string; message: string };
  /** The same error as a text to say in the user's language; not part of the JSON document. */
  errorText?: Text;
  /** Whether the verdict is a success (exit 0). */
  ok: boolean;
}

type Needs = Pick<Facts, 'java' | 'jvm' | 'forgetJvm' | 'portal'>;
type Settings = Pick<DoctorConfig, 'keystore' | 'storepass' | 'agentJavaOptions' | 'portalUrl' | 'timeoutMs'>;

/**
 * Locates the store as Java would resolve it (no JVM started: the certs commands) and opens it;
 * fails early if it cannot be written.
 */
export async function openTarget(
  facts: Pick<Facts, 'java' | 'jvm'>,
  config: Settings,
  env: NodeJS.ProcessEnv,
  /** `located`: the store as the caller located it already (check --fix: by the JVM's answer). */
  options: { keytool?: boolean; located?: LocatedKeystore } = {},
): Promise<TrustTarget> {
  const [{ locateKeystore, keytoolOf }, store, { managedStore }] = await Promise.all([
    import('./locate.js'),
    import('../keystore/store.js'),
    import('./distro.js'),
  ]);
  const {
    keystore: file,
    javaHome,
    chosenBy,
  } = options.located ?? (await locateKeystore(facts, config, env));
  const managed = options.keytool ? undefined : await managedStore(file);
  const keytool = options.keytool ? await keytoolOf(javaHome) : undefined;
  const keystore = await store.openKeystore(file, config.storepass);
  // fails early if this kind cannot be written natively (a password-protected PKCS#12)
  if (!keytool && !managed) await store.serializeKeystore(keystore, config.storepass);
  return {
    file,
    chosenBy,
    keystore,
    ...(javaHome && { javaHome }),
    ...(managed && { managed }),
    ...(keytool && { keytool }),
  };
}

/** The portal's served chain as candidates: its CA certificates, when this machine trusts it. */
export type PortalChain =
  | { kind: 'chain'; host: string; candidates: Candidate[] }
  | { kind: 'unreachable'; host: string; origin: string; problem: string }
  | { kind: 'untrusted'; host: string; reason: string };

export async function portalChain(facts: Pick<Facts, 'portal'>, url: URL): Promise<PortalChain> {
  const probe = await facts.portal();
  const tls = probe?.tls;
  const host = url.hostname;
  if (!tls) {
    return {
      kind: 'unreachable',
      host,
      origin: url.origin,
      problem: `${probe?.failed?.name ?? 'no answer'} failed${probe?.failed?.code ? ` (${probe.failed.code})` : ''}; run \`siem-doctor check --only proxy,portal\`, or use --from / --download`,
    };
  }
  // Never import from a handshake that this machine does not trust: that is how an inspecting
  // proxy's CA would end up trusted by the agent.
  if (tls.trustError || tls.hostnameError)
    return { kind: 'untrusted', host, reason: (tls.trustError ?? tls.hostnameError)! };
  // the leaf is the portal's own certificate, never an anchor
  return {
    kind: 'chain',
    host,
    candidates: tls.chain.slice(1).map((c) => ({ der: c.der, source: `https://${url.host}` })),
  };
}

/** Candidates from every source asked for, in this order: files, downloads, else the portal. */
export async function gatherCandidates(
  facts: Pick<Facts, 'portal'>,
  config: Settings,
  request: TrustRequest,
  catalog: MessageFile,
): Promise<Gathered> {
  const importer = await import('./import.js');
  const gathered: Gathered = { candidates: [], failures: [], sources: [] };
  if (request.from) {
    gathered.candidates.push(...(await importer.candidatesFromFiles(request.from)));
    gathered.sources.push({ kind: 'files', files: request.from });
  }
  if (request.download) {
    const got = await importer.candidatesFromDownload(
      importer.downloadList(request.includeExpired, request.now),
      { ...(request.pkiBaseUrl && { baseUrl: request.pkiBaseUrl }), timeoutMs: config.timeoutMs },
    );
    gathered.candidates.push(...got.candidates);
    gathered.failures.push(...got.failures);
    gathered.sources.push({ kind: 'download', base: request.pkiBaseUrl ?? DEFAULT_PKI_BASE });
  }
  if (!request.from && !request.download) {
    if (!config.portalUrl) {
      throw new ConfigError({ key: 'trust.error.noSource' });
    }
    const chain = await portalChain(facts, config.portalUrl);
    if (chain.kind === 'untrusted') {
      throw new NetworkError({
        key: 'trust.error.untrustedPortal',
        params: { host: chain.host, reason: chain.reason },
      });
    }
    // An unreachable portal is a certificate that could not be obtained (exit 1), not bad input.
    if (chain.kind === 'unreachable') {
      const name = translate(catalog, { key: 'import.portalChain', params: { host: chain.host } });
      gathered.failures.push({ name, url: chain.origin, problem: chain.problem });
    } else {
      gathered.candidates.push(...chain.candidates);
      gathered.sources.push({ kind: 'portal', host: chain.host });
    }
  }
  return gathered;
}

/** The plan against the store as read now, and, for a managed store, the files its way writes. */
export interface TrustPlan {
  target: TrustTarget;
  gathered: Gathered;
  plan: ImportPlan;
  includeExpired: boolean;
  now: Date;
  managedFiles: { file: string; pem: string }[];
}

export async function planTrust(
  target: TrustTarget,
  gathered: Gathered,
  options: { includeExpired: boolean; now: Date },
): Promise<TrustPlan> {
  const [{ planImport }, { anchorFiles }] = await Promise.all([import('./import.js'), import('./distro.js')]);
  const plan = planImport(target.keystore, gathered.candidates, options);
  const derOf = (sha256: string) =>
    gathered.candidates.find((c) => new X509Certificate(c.der).fingerprint256 === sha256)!.der;
  const managedFiles = target.managed
    ? anchorFiles(
        target.managed,
        plan.add.map((p) => ({ alias: p.alias, der: derOf(p.sha256) })),
      )
    : [];
  return { target, gathered, plan, managedFiles, ...options };
}

/** What applying a plan did. */
export type Applied =
  | { kind: 'written'; plan: ImportPlan; backup?: string }
  | { kind: 'busy'; error: DoctorError }
  | { kind: 'managed'; ok: boolean; output: string; missing: string[]; jvm?: JvmAfterwards };

/**
 * Applies a plan. A plain store: read again and planned again under the lock (another run may
 * have written meanwhile), written, read back. A managed store: the distribution's tool, then the
 * store read back, and (`askJvm`) the JVM asked again.
 */
export async function applyTrust(
  planned: TrustPlan,
  options: { password: string; facts?: Pick<Facts, 'jvm' | 'forgetJvm'>; waitMs?: number },
): Promise<Applied> {
  const { target, gathered } = planned;
  if (target.managed) {
    const [{ applyManagedPlan }, { openKeystore, trustedEntries }, { fingerprint }] = await Promise.all([
      import('./distro.js'),
      import('../keystore/store.js'),
      import('../keystore/model.js'),
    ]);
    const ran = await applyManagedPlan(target.managed, planned.managedFiles);
    // Verified afterwards: the store Java reads must now hold every certificate.
    const after = await openKeystore(target.file, options.password);
    const held = new Set(trustedEntries(after).map((e) => fingerprint(e.der)));
    const missing = planned.plan.add.filter((p) => !held.has(p.sha256)).map((p) => p.alias);
    const done = ran.ok && missing.length === 0;
    const jvm = done && options.facts ? await askJvmAgain(options.facts) : undefined;
    return { kind: 'managed', ok: ran.ok, output: ran.output, missing, ...(jvm && { jvm }) };
  }
  const [{ importCandidates }, { KeystoreBusyError }] = await Promise.all([
    import('./import.js'),
    import('../keystore/lock.js'),
  ]);
  try {
    const outcome = await importCandidates({
      file: target.keystore.file,
      password: options.password,
      candidates: gathered.candidates,
      includeExpired: planned.includeExpired,
      now: planned.now,
      ...(target.keytool && { keytool: target.keytool }),
      ...(options.waitMs !== undefined && { waitMs: options.waitMs }),
    });
    return { kind: 'written', plan: outcome.plan, ...(outcome.backup && { backup: outcome.backup }) };
  } catch (error) {
    if (error instanceof KeystoreBusyError) return { kind: 'busy', error };
    throw error;
  }
}

/** The JVM asked again, with a fresh deadline, after its store was rebuilt. */
async function askJvmAgain(facts: Pick<Facts, 'jvm' | 'forgetJvm'>): Promise<JvmAfterwards> {
  facts.forgetJvm();
  const [jvm, { classifyJavaErrors, describeJavaErrors }] = await Promise.all([
    facts.jvm(),
    import('../probes/jvm.js'),
  ]);
  if (!jvm.ran) return { asked: false, reason: jvm.detail ?? jvm.reason };
  const { answer } = jvm;
  const shake = answer.handshake;
  const kind = shake && !shake.ok ? classifyJavaErrors(shake.errors) : undefined;
  return {
    asked: true,
    java: answer.javaHome,
    store: answer.trustStore.path,
    anchors: answer.trustStore.anchors ?? null,
    ...(shake && {
      handshake: {
        host: shake.host,
        trusted: shake.ok,
        // a refusal about trust decides; a network or protocol failure leaves the question open
        decided:
          shake.ok ||
          kind === 'no-path' ||
          kind === 'constraints' ||
          kind === 'empty-store' ||
          kind === 'hostname',
        ...(shake.protocol && { protocol: shake.protocol }),
        ...(!shake.ok && { error: describeJavaErrors(shake.errors) }),
      },
    }),
  };
}

/**
 * `certs import` as one call: locate, gather, plan, ask (`confirm`, unless a dry run or nothing
 * to add), apply. `confirm` is the command's: it may show the plan and ask, or refuse to run
 * without a terminal; `facts` are the run's, and the caller disposes of them.
 */
export async function importTrust(
  facts: Needs,
  config: Settings,
  env: NodeJS.ProcessEnv,
  request: TrustRequest,
  hooks: ImportHooks,
): Promise<ImportResult> {
  return documentOrder(await runImport(facts, config, env, request, hooks));
}

export interface ImportHooks {
  /** The texts in the user's language (the name of the portal's chain in a failure). */
  catalog: MessageFile;
  /** Asked once the plan adds something, before anything is written; false: cancelled. */
  confirm: (result: ImportResult) => Promise<boolean>;
}

/** The fields of before #12 first, in their order (SPEC.md's document), then the new ones. */
function documentOrder(r: ImportResult): ImportResult {
  const {
    keystore,
    format,
    add,
    skipped,
    failures,
    changed,
    backup,
    managed,
    toolOutput,
    missingAfterwards,
    ...rest
  } = r;
  return {
    keystore,
    format,
    add,
    skipped,
    failures,
    changed,
    backup,
    // the distribution's plan is in the document once there is something to add
    ...(managed && r.outcome !== 'nothing' && { managed }),
    ...(toolOutput !== undefined && { toolOutput }),
    ...(missingAfterwards && { missingAfterwards }),
    ...rest,
  };
}

async function runImport(
  facts: Needs,
  config: Settings,
  env: NodeJS.ProcessEnv,
  request: TrustRequest,
  hooks: ImportHooks,
): Promise<ImportResult> {
  const target = await openTarget(facts, config, env, { keytool: request.keytool ?? false });
  const gathered = await gatherCandidates(facts, config, request, hooks.catalog);
  const planned = await planTrust(target, gathered, request);
  const { whyNothingAdded } = await import('./import.js');
  const { plan } = planned;
  const result: ImportResult = {
    keystore: target.file,
    format: target.keystore.format,
    add: plan.add,
    skipped: plan.skipped,
    failures: gathered.failures,
    changed: false,
    backup: null,
    ...(target.managed && {
      managed: { ...target.managed, files: planned.managedFiles.map((f) => f.file) },
    }),
    chosenBy: target.chosenBy,
    entries: target.keystore.entries.length,
    sources: gathered.sources,
    outcome: 'nothing',
    someNotObtained: false,
    ok: gathered.failures.length === 0,
  };
  /** When nothing is added: why, and whether that leaves the store holding what is needed. */
  const nothingAdded = (final: ImportPlan): ImportResult => {
    const offered = gathered.candidates.length;
    const verdict = whyNothingAdded(final, offered, gathered.failures.length);
    result.nothingAdded = verdict.why;
    result.someNotObtained = gathered.failures.length > 0 && offered > 0;
    result.ok &&= verdict.ok;
    return result;
  };
  if (plan.add.length === 0) return nothingAdded(plan);
  if (request.dryRun) return { ...result, outcome: 'dry-run' };
  if (!(await hooks.confirm(result))) return { ...result, outcome: 'cancelled' };
  const applied = await applyTrust(planned, { password: config.storepass, facts });
  if (applied.kind === 'managed') {
    const tool = target.managed!.command[0]!;
    Object.assign(result, {
      changed: applied.ok,
      toolOutput: applied.output,
      missingAfterwards: applied.missing,
    });
    if (!applied.ok || applied.missing.length > 0) {
      result.failures.push({
        name: tool,
        url: target.file,
        problem: applied.ok ? 'store not rebuilt' : (applied.output.split('\n')[0] ?? ''),
      });
      return { ...result, outcome: 'managed-incomplete', ok: false };
    }
    const refused = applied.jvm?.asked && applied.jvm.handshake?.decided && !applied.jvm.handshake.trusted;
    return {
      ...result,
      outcome: 'managed-done',
      ...(applied.jvm && { jvm: applied.jvm }),
      ok: result.ok && !refused,
    };
  }
  if (applied.kind === 'busy') {
    // the document still says what was planned, and that nothing changed
    return {
      ...result,
      outcome: 'busy',
      error: { code: applied.error.code, message: applied.error.message },
      errorText: applied.error.text,
      ok: false,
    };
  }
  // From here on, everything said comes from the final file as read back.
  result.add = applied.plan.add;
  result.skipped = applied.plan.skipped;
  if (applied.plan.add.length === 0) return nothingAdded(applied.plan);
  result.changed = true;
  result.backup = applied.backup ?? null;
  result.someNotObtained = gathered.failures.length > 0;
  return { ...result, outcome: 'written' };
}

/** One row of `certs list`: a CA of Azure's chains and whether the store holds it. */
export interface KnownCaRow {
  name: string;
  issuer: string;
  role: KnownCaRole;
  notAfter: string;
  expired: boolean;
  alias: string | null;
  sha256: string;
  docsAlias?: string;
}

export interface ChainRow {
  subject: string;
  issuer: string;
  notAfter: string;
  alias: string | null;
  needed: boolean;
}

/** The result of `certs list`: its JSON document (the fields of before #12, then the verdict). */
export interface ListResult {
  keystore: string;
  chosenBy: string;
  format: KeystoreFormat;
  entries: number;
  known: KnownCaRow[];
  /** With --portal-url, when the portal answered: its served chain against the store. */
  chain?: ChainRow[];
  anchor?: string | null;
  verdict: {
    /** The portal asked (--portal-url), else null. */
    host: string | null;
    /** Whether the store anchors the served chain; null when no chain was obtained. */
    anchored: boolean | null;
    /** The valid roots of Azure's chains the store holds, of `rootsKnown`. */
    rootsHeld: string[];
    rootsKnown: number;
  };
}

/** `certs list`: the known CAs, and with a portal its served chain, against the store Java reads. */
export async function listTrust(
  facts: Pick<Facts, 'java' | 'jvm' | 'portal'>,
  config: Settings,
  env: NodeJS.ProcessEnv,
  now = new Date(),
): Promise<ListResult> {
  const [{ locateKeystore }, { openKeystore, trustedEntries }, { KNOWN_CAS }, { fingerprint }] =
    await Promise.all([
      import('./locate.js'),
      import('../keystore/store.js'),
      import('./known-cas.js'),
      import('../keystore/model.js'),
    ]);
  const { keystore: file, chosenBy } = await locateKeystore(facts, config, env);
  const keystore = await openKeystore(file, config.storepass);
  const entries = trustedEntries(keystore);
  const aliasBySha = new Map(entries.map((e) => [fingerprint(e.der), e.alias]));
  const known: KnownCaRow[] = KNOWN_CAS.map((ca) => ({
    name: ca.name,
    issuer: ca.issuer,
    role: ca.role,
    notAfter: ca.notAfter,
    expired: Date.parse(ca.notAfter) < now.getTime(),
    alias: aliasBySha.get(ca.sha256) ?? null,
    sha256: ca.sha256,
    ...(ca.alias && { docsAlias: ca.alias }),
  }));

  let chain: ChainRow[] | undefined;
  let anchor: string | undefined;
  const probe = config.portalUrl ? await facts.portal() : undefined;
  if (probe?.tls) {
    const { buildPath } = await import('./path.js');
    // Java builds its path from what the server sent, never from what this machine completed it
    // with (as java-certs judges it); the rows still show the whole chain
    const result = buildPath(
      probe.tls.sent.map((c) => c.der),
      entries.map((e) => ({ alias: e.alias, der: e.der })),
    );
    anchor = result.ok ? result.anchor.alias : undefined;
    const onPath = new Set(result.path.map((s) => s.sha256));
    chain = probe.tls.chain.map((c) => ({
      subject: c.subject,
      issuer: c.issuer,
      notAfter: c.notAfter,
      alias: aliasBySha.get(c.sha256) ?? null,
      needed: onPath.has(c.sha256) || (result.ok && result.anchor.sha256 === c.sha256),
    }));
  }
  const roots = known.filter((k) => k.role === 'root' && !k.expired);
  return {
    keystore: file,
    chosenBy,
    format: keystore.format,
    entries: entries.length,
    known,
    ...(chain && { chain, anchor: anchor ?? null }),
    verdict: {
      host: config.portalUrl?.hostname ?? null,
      anchored: chain ? anchor !== undefined : null,
      rootsHeld: roots.filter((r) => r.alias !== null).map((r) => r.name),
      rootsKnown: roots.length,
    },
  };
}
