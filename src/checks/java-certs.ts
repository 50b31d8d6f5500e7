// java-certs: does the agent's trust store let Java trust the portal? The agent's own JVM is the
// judge when it can run here: its handshake with the portal (facts.jvm()) decides, with Java's own
// words mapped to what they mean. Otherwise (no runnable java, --chain without a portal, a JRE
// copied from another host) the offline model decides and says it is a model: it opens the store
// Java would read, names the Microsoft and DigiCert CAs it holds (expired ones are no cure), and,
// when the served chain is known (what the portal sent, or --chain), builds Java's path from it.
// RSA and ECC chains count alike, and so does the G2 hierarchy: a chain sent without the G2
// cross-sign, a store without an ECC root, an Oracle 8 before 8u381 (no Microsoft 2017 roots)
// are each named with their own cure.
import type { Text } from '../catalog/index.js';
import { fileProblem } from '../errors.js';
import type { JvmAnswer, JvmProbe } from '../probes/jvm.js';
import type { ResolvedTrustStore } from '../trust/truststore.js';
import {
  fail,
  pass,
  said,
  skip,
  text,
  warn,
  type Check,
  type CheckContext,
  type EvidenceText,
  type Finding,
} from './types.js';
import { importPortalChain } from './java-certs-fix.js';
import { omittedG2CrossSign } from '../trust/path.js';
import type { CaEntry } from '../trust/known-cas.js';
import { X509Certificate } from 'node:crypto';

// The roots Azure's chains end at today, per key type: Java may be served an RSA or an ECC chain.
const ROOTS_TODAY = {
  rsa: ['DigiCert Global Root G2', 'Microsoft RSA Root Certificate Authority 2017'],
  ecc: ['DigiCert Global Root G3', 'Microsoft ECC Root Certificate Authority 2017'],
} as const;

type Evidence = Record<string, unknown>;

export const javaCerts = {
  id: 'java-certs',
  documentedError: 'Issue with new versions of Java',
  fix: importPortalChain,
  // One JVM start (a few hundred ms, more when cold) plus its handshake within --timeout.
  budgetMs: (config) => config.timeoutMs * 2 + 11_000,
  async run(ctx): Promise<Finding> {
    const [java, jvm] = await Promise.all([ctx.facts.java(), ctx.facts.jvm()]);
    const { agentTrustStore, describeChoice } = await import('../trust/truststore.js');
    const store = await agentTrustStore({
      keystore: ctx.config.keystore,
      java,
      jvm,
      env: ctx.env,
      agentOptions: ctx.config.agentJavaOptions,
    });
    if (!store) return skip('certs.noKeystore', undefined, { needs: ['--java-home', '--keystore'] });
    const evidence: Evidence = {
      trustStore: store.file ?? store.type ?? store.special,
      chosenBy: describeChoice(store),
    };
    await noteOtherStore(ctx, java, store, evidence);
    const finding = (jvm.ran && (await judgedByJvm(ctx, jvm, evidence))) || undefined;
    if (finding) return otherStoreWarning(finding, store, evidence);
    evidence.judgedBy = modelReason(jvm);
    return otherStoreWarning(await judgedByModel(ctx, store, jvm, evidence), store, evidence);
  },
} as const satisfies Check;

/** The JVM, named the same way in every language. */
function jvmName(answer: JvmAnswer): string {
  return `Java ${answer.javaVersion} (${answer.javaHome})`;
}

function modelReason(jvm: JvmProbe): EvidenceText {
  if (!jvm.ran) {
    if (jvm.reason === 'no-java') return said('evidence.judgedBy.noJava');
    return jvm.detail
      ? said('evidence.judgedBy.jvmFailed', { detail: jvm.detail })
      : said('evidence.judgedBy.jvmNoAnswer');
  }
  if (!jvm.answer.handshake) return said('evidence.judgedBy.storeOnly', { java: jvmName(jvm.answer) });
  return said('evidence.judgedBy.notTrust');
}

/** The JVM's verdict, when its handshake says something about trust; undefined otherwise. */
async function judgedByJvm(
  ctx: CheckContext,
  jvm: Extract<JvmProbe, { ran: true }>,
  evidence: Evidence,
): Promise<Finding | undefined> {
  const { answer } = jvm;
  const { classifyJavaErrors, describeJavaErrors, redactOptions } = await import('../probes/jvm.js');
  const reported = answer.trustStore;
  Object.assign(evidence, {
    judgedBy: said('evidence.judgedBy.jvm', {
      home: answer.javaHome,
      version: answer.javaVersion,
      ms: jvm.ms,
    }),
    jvmTrustStore: said('evidence.trustStore', {
      path: reported.path,
      type: reported.type,
      how: reported.chosenBy,
    }),
    jvmAnchors: reported.anchors ?? 0,
  });
  if (jvm.options.length > 0) evidence.jvmOptions = redactOptions(jvm.options);
  const reproduce = `keytool -list -keystore "${reported.path}"`;
  const fixes = fixesFor(ctx);
  const hs = answer.handshake;
  // Without a handshake the model judges the store the JVM reported (its load is in the evidence).
  if (!hs) return undefined;
  if (hs.ok) {
    evidence.jvmHandshake = `${hs.protocol} ${hs.cipherSuite}`;
    if (hs.peerSubjects) evidence.jvmPeer = hs.peerSubjects;
    return pass(
      'certs.jvmTrusted',
      { java: jvmName(answer), host: hs.host, protocol: hs.protocol ?? '?', store: reported.path },
      { evidence, reproduce },
    );
  }
  const error = describeJavaErrors(hs.errors);
  evidence.javaErrors = (hs.errors ?? []).map((e) => `${e.class}: ${e.message ?? ''}`);
  const params = { java: jvmName(answer), store: reported.path, host: hs.host, error };
  switch (classifyJavaErrors(hs.errors)) {
    case 'no-path': {
      const root = omittedRoot(await ctx.facts.portal());
      if (root)
        return fail(
          'certs.jvmG2CrossSignMissing',
          { ...params, root },
          { evidence, resolution: [text('certs.fix.g2Root', { root }), ...fixes], reproduce },
        );
      return fail('certs.jvmNoPath', params, { evidence, resolution: fixes, reproduce });
    }
    case 'constraints': {
      const rule = answer.security['jdk.certpath.disabledAlgorithms'] ?? '?';
      evidence['jdk.certpath.disabledAlgorithms'] = rule;
      return fail(
        'certs.jvmConstraints',
        { ...params, rule },
        {
          evidence,
          resolution: [text('certs.fix.constraints')],
          reproduce,
        },
      );
    }
    case 'empty-store':
      // An empty set of anchors from a file that is there: is the file damaged? Then that is the
      // finding (the JVM loads a trust store without its password and a damaged one as empty).
      return (
        (await damagedStore(reported.path, error, evidence)) ??
        fail('certs.jvmEmptyStore', params, { evidence, resolution: fixes, reproduce })
      );
    case 'hostname':
      return fail('certs.jvmHostname', params, {
        evidence,
        resolution: [text('certs.fix.hostname')],
        reproduce: `openssl s_client -connect ${hs.host}:${hs.port} -servername ${hs.host} -showcerts`,
      });
    default:
      evidence.jvmHandshakeFailed = error;
      return undefined;
  }
}

/**
 * --keystore names a file; when the agent's JRE is known (--java-home, JAVA_HOME, the running
 * agent: not a java merely found on PATH) and Java would read another store there, say so.
 */
async function noteOtherStore(
  ctx: CheckContext,
  java: Awaited<ReturnType<CheckContext['facts']['java']>>,
  store: ResolvedTrustStore,
  evidence: Evidence,
): Promise<void> {
  if (store.chosenBy !== '--keystore' || !store.file || !java.found || java.source === 'PATH') return;
  const { resolveTrustStore, systemProperties } = await import('../trust/truststore.js');
  const own = await resolveTrustStore(
    java.home,
    systemProperties(ctx.env, java.version.major, ctx.config.agentJavaOptions),
  );
  const other = own.file ?? own.type ?? own.special;
  if (other && !(own.file && (await sameFile(own.file, store.file)))) evidence.agentReads = other;
}

function otherStoreWarning(finding: Finding, store: ResolvedTrustStore, evidence: Evidence): Finding {
  if (finding.status !== 'pass' || !evidence.agentReads) return finding;
  return warn(
    'certs.otherStore',
    { file: store.file ?? '?', other: String(evidence.agentReads) },
    { evidence, ...(finding.reproduce && { reproduce: finding.reproduce }) },
  );
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const { realpath } = await import('node:fs/promises');
  const real = (f: string) => realpath(f).catch(() => f);
  return (await real(a)) === (await real(b));
}

function fixesFor(ctx: CheckContext): Text[] {
  const portalUrl = ctx.config.portalUrl?.origin ?? 'https://<tenant>.<region>.portal.cloudappsecurity.com';
  return [
    text('certs.fix.import', { url: portalUrl }),
    text('certs.fix.download'),
    text('certs.fix.restart'),
  ];
}

/** The G2 root the portal's sent chain lacks its cross-sign for (see trust/path.ts), if any. */
function omittedRoot(probe: Awaited<ReturnType<CheckContext['facts']['portal']>>): string | undefined {
  return probe?.tls ? omittedG2CrossSign(probe.tls.sent) : undefined;
}

/** The documented damaged-store finding, when the store file the JVM named is one. */
async function damagedStore(
  file: string,
  jvmError: string,
  evidence: Evidence,
): Promise<Finding | undefined> {
  const [{ readFile }, { parseKeystore }, { KeystoreError }] = await Promise.all([
    import('node:fs/promises'),
    import('../keystore/store.js'),
    import('../keystore/model.js'),
  ]);
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    await parseKeystore(bytes, undefined);
    return undefined;
  } catch (error) {
    if (!(error instanceof KeystoreError) || error.reason !== 'damaged') return undefined;
    return damagedFinding(file, `${damageDetail(error)}; ${jvmError}`, {
      ...evidence,
      file,
      reason: error.reason,
    });
  }
}

/** A store that cannot be read at all: why, said in the report's language. */
function unreadable(file: string, detail: Text, evidence: Evidence): Finding {
  return {
    status: 'fail',
    message: { key: 'certs.unreadable', params: { file }, parts: { detail } },
    evidence,
  };
}

const damageDetail = (error: Error) => error.message.replace(/^damaged (PKCS#12 )?keystore: /, '');

function damagedFinding(file: string, detail: string, evidence: Evidence): Finding {
  return fail(
    'certs.damaged',
    { file, detail },
    {
      evidence,
      resolution: [text('certs.fix.damaged'), text('certs.fix.restart')],
      reproduce: `keytool -list -keystore "${file}"`,
    },
  );
}

/** Oracle JRE 8 before 8u381 ships neither Microsoft 2017 root: the cure names that. */
function oldJre8Fix(
  java: Awaited<ReturnType<CheckContext['facts']['java']>>,
  missing: readonly string[],
  table: readonly CaEntry[],
): Text[] {
  if (!java.found || java.version.major !== 8) return [];
  const lacking = table.filter(
    (ca) =>
      ca.notInOracleJre8Before && java.version.update < ca.notInOracleJre8Before && missing.includes(ca.name),
  );
  return lacking.length > 0 ? [text('certs.fix.oldJre8', { version: java.version.raw })] : [];
}

/** The offline model: the store's entries, the served chain, Java's path building and key rules. */
async function judgedByModel(
  ctx: CheckContext,
  store: ResolvedTrustStore,
  jvm: JvmProbe,
  evidence: Evidence,
): Promise<Finding> {
  if (!store.file)
    return skip('certs.specialStore', { type: store.type ?? store.special ?? '?' }, { evidence });
  const file = store.file;
  const [
    { realpath },
    { readInputFile, InputFileError },
    { parseKeystore, trustedEntries },
    { CA_TABLE, knownCaByDer },
    { buildPath, refusedKey },
    { KeystoreError },
  ] = await Promise.all([
    import('node:fs/promises'),
    import('../files.js'),
    import('../keystore/store.js'),
    import('../trust/known-cas.js'),
    import('../trust/path.js'),
    import('../keystore/model.js'),
  ]);
  let bytes: Buffer;
  try {
    bytes = await readInputFile(await realpath(file));
  } catch (error) {
    // a FIFO or a file past the cap says so itself; anything else as the system said it
    return unreadable(file, error instanceof InputFileError ? error.text : fileProblem(error, file), {
      ...evidence,
      file,
    });
  }
  // Java reads a trust store without its password; so do we when the password is wrong, and say so.
  let keystore;
  let passwordMatches = true;
  try {
    keystore = await parseKeystore(bytes, ctx.config.storepass);
  } catch (error) {
    if (!(error instanceof KeystoreError)) throw error;
    // A store the JVM cannot load leaves it trusting nothing at all: the documented error.
    if (error.reason === 'damaged')
      return damagedFinding(file, damageDetail(error), { ...evidence, file, reason: error.reason });
    if (error.reason !== 'wrong-password')
      return unreadable(file, error.text, { ...evidence, file, reason: error.reason });
    passwordMatches = false;
    keystore = await parseKeystore(bytes, undefined);
  }
  const entries = trustedEntries(keystore);
  const now = ctx.now;
  // SHA-1-pinned rows carry no dates: the entry's own certificate has them.
  const held = entries
    .map((e) => ({ alias: e.alias, der: e.der, ca: knownCaByDer(e.der) }))
    .filter((h) => h.ca);
  const until = (h: (typeof held)[number]) =>
    new Date(h.ca!.notAfter ?? new X509Certificate(h.der).validTo).toISOString();
  const expiredHeld = held.filter((h) => Date.parse(until(h)) < now.getTime());
  Object.assign(evidence, {
    keystore: file,
    format: keystore.format,
    entries: entries.length,
    integrityChecked: keystore.integrityChecked,
    knownCas: held.map((h) =>
      said('evidence.knownCa', { alias: h.alias, name: h.ca!.name, date: until(h).slice(0, 10) }),
    ),
  });
  if (expiredHeld.length > 0) evidence.expiredKnownCas = expiredHeld.map((h) => h.alias);
  const fixes = fixesFor(ctx);
  const reproduce = `keytool -list -keystore "${file}"`;

  // Java builds its path from what the server sent, never from what this machine completed it with.
  const probe = await ctx.facts.portal();
  const chain = probe?.tls?.sent.map((c) => c.der) ?? ctx.config.servedChain;
  const java = await ctx.facts.java();
  let finding: Finding;
  if (chain && chain.length > 0) {
    evidence.chainFrom = probe?.tls ? 'portal' : '--chain';
    const result = buildPath(
      chain,
      entries.map((e) => ({ alias: e.alias, der: e.der })),
      now,
    );
    evidence.path = result.path.map((s) => s.subject);
    if (result.ok) {
      evidence.anchor = `${result.anchor.alias}: ${result.anchor.subject}`;
      const rules = await certpathKeyRules(ctx, jvm, evidence);
      const refused = refusedKey([...result.pathDer, result.anchor.der], rules);
      finding = refused
        ? fail(
            'certs.modelConstraints',
            { subject: refused.subject, key: `${refused.algorithm} ${refused.bits}`, rule: refused.rule },
            { evidence, resolution: [text('certs.fix.constraints')], reproduce },
          )
        : result.anchor.expired
          ? warn(
              'certs.pathExpiredAnchor',
              { anchor: result.anchor.subject, alias: result.anchor.alias },
              { evidence, resolution: fixes, reproduce, documented: true },
            )
          : pass(
              'certs.path',
              { anchor: result.anchor.subject, alias: result.anchor.alias, file },
              { evidence, reproduce },
            );
    } else if (result.reason === 'expired') {
      finding = fail(
        'certs.expiredInPath',
        { subject: result.expired.subject, date: result.expired.notAfter.slice(0, 10) },
        { evidence, resolution: fixes, reproduce },
      );
    } else {
      const top = result.path.at(-1)?.subject ?? '?';
      // A front end that omits the DigiCert cross-sign of Microsoft TLS RSA/ECC Root G2: only the
      // self-signed G2 root, as an anchor, completes such a chain for Java.
      const root = omittedG2CrossSign(result.path);
      const more = { evidence: { ...evidence, missingIssuer: result.missingIssuer }, reproduce };
      finding = root
        ? fail(
            'certs.g2CrossSignMissing',
            { file, top, root },
            { ...more, resolution: [text('certs.fix.g2Root', { root }), ...fixes] },
          )
        : fail(
            'certs.noPath',
            { file, top, missing: result.missingIssuer },
            { ...more, resolution: [...oldJre8Fix(java, [result.missingIssuer], CA_TABLE), ...fixes] },
          );
    }
  } else {
    // Without the served chain, judge by the anchors Azure's chains end at today: an RSA one is
    // needed, an ECC one too (Java offers ECDSA, so a front end may serve it the ECC twin).
    const rootOf = (names: readonly string[]) =>
      held.find((h) => names.includes(h.ca!.name) && Date.parse(until(h)) > now.getTime());
    const [rsa, ecc] = [rootOf(ROOTS_TODAY.rsa), rootOf(ROOTS_TODAY.ecc)];
    const all = [...ROOTS_TODAY.rsa, ...ROOTS_TODAY.ecc];
    const missing = all.filter((name) => !held.some((h) => h.ca!.name === name));
    const oldJre = oldJre8Fix(java, missing, CA_TABLE);
    if (oldJre.length > 0) evidence.missingRoots = missing;
    finding = !rsa
      ? fail(
          'certs.noRoots',
          { file, missing: ROOTS_TODAY.rsa.join(', ') },
          { evidence, resolution: [...oldJre, ...fixes], reproduce },
        )
      : !ecc
        ? warn(
            'certs.noEccRoot',
            { file, root: rsa.ca!.name, missing: ROOTS_TODAY.ecc.join(', ') },
            { evidence, resolution: [...oldJre, ...fixes], reproduce },
          )
        : pass('certs.rootsOk', { file, root: rsa.ca!.name }, { evidence, reproduce });
  }
  if (!passwordMatches && finding.status === 'pass') {
    return warn(
      'certs.wrongPassword',
      { file },
      { evidence, resolution: [text('certs.fix.password')], reproduce },
    );
  }
  return finding;
}

/** jdk.certpath.disabledAlgorithms' keySize rules: from the JVM when it ran, else its files. */
async function certpathKeyRules(ctx: CheckContext, jvm: JvmProbe, evidence: Evidence) {
  const { keySizeRules } = await import('../trust/java-security.js');
  if (jvm.ran) return keySizeRules(jvm.answer.security['jdk.certpath.disabledAlgorithms'] ?? undefined);
  const effective = await modelSecurity(ctx);
  if (!effective) return [];
  const value = effective.properties.get('jdk.certpath.disabledAlgorithms');
  if (value) evidence['jdk.certpath.disabledAlgorithms'] = value;
  return keySizeRules(value);
}

/** The security properties the model assumes: java.security and what the -D options add. */
export async function modelSecurity(ctx: CheckContext) {
  const java = await ctx.facts.java();
  if (!java.found) return undefined;
  const [{ findJavaSecurity, effectiveSecurity }, { systemProperties }] = await Promise.all([
    import('../trust/java-security.js'),
    import('../trust/truststore.js'),
  ]);
  const file = await findJavaSecurity(java.home, java.version.major);
  if (!file) return undefined;
  return effectiveSecurity(file, systemProperties(ctx.env, java.version.major, ctx.config.agentJavaOptions));
}
