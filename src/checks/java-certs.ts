// java-certs: does the agent's trust store let Java trust the portal? It opens the keystore,
// names the Microsoft and DigiCert CAs it holds (expired ones are no cure), and, when the portal's
// served chain is known (the portal probe, or --chain), decides the real question: can Java build
// a path from that chain to an anchor in this keystore?
import { keystoreToCheck } from '../trust/cacerts.js';
import type { Text } from '../catalog/index.js';
import { fail, pass, skip, text, warn, type Check, type Finding } from './types.js';
import { importPortalChain } from './java-certs-fix.js';

const ROOTS_TODAY = ['DigiCert Global Root G2', 'Microsoft RSA Root Certificate Authority 2017'];

export const javaCerts = {
  id: 'java-certs',
  documentedError: 'Issue with new versions of Java',
  fix: importPortalChain,
  async run(ctx): Promise<Finding> {
    const java = await ctx.facts.java();
    const file = keystoreToCheck(ctx.config.keystore, java);
    if (!file) return skip('certs.noKeystore', undefined, { needs: ['--java-home', '--keystore'] });
    const [
      { realpath },
      { readInputFile, InputFileError },
      { parseKeystore, trustedEntries },
      { KNOWN_CAS, knownCaBySha256 },
      { buildPath },
      { KeystoreError, fingerprint },
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
      const detail = (error as NodeJS.ErrnoException).code ?? String(error);
      return fail(
        'certs.unreadable',
        { file, detail: error instanceof InputFileError ? error.message : detail },
        { evidence: { file } },
      );
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
        return fail(
          'certs.damaged',
          { file, detail: error.message.replace(/^damaged (PKCS#12 )?keystore: /, '') },
          {
            evidence: { file, reason: error.reason },
            resolution: [text('certs.fix.damaged'), text('certs.fix.restart')],
            reproduce: `keytool -list -keystore "${file}"`,
          },
        );
      if (error.reason !== 'wrong-password')
        return fail(
          'certs.unreadable',
          { file, detail: error.message },
          { evidence: { file, reason: error.reason } },
        );
      passwordMatches = false;
      keystore = await parseKeystore(bytes, undefined);
    }
    const entries = trustedEntries(keystore);
    const now = ctx.now;
    const held = entries
      .map((e) => ({ alias: e.alias, ca: knownCaBySha256(fingerprint(e.der)) }))
      .filter((h) => h.ca);
    const expiredHeld = held.filter((h) => Date.parse(h.ca!.notAfter) < now.getTime());
    const evidence: Record<string, unknown> = {
      keystore: file,
      format: keystore.format,
      entries: entries.length,
      integrityChecked: keystore.integrityChecked,
      knownCas: held.map((h) => `${h.alias}: ${h.ca!.name} (until ${h.ca!.notAfter.slice(0, 10)})`),
    };
    if (expiredHeld.length > 0) evidence.expiredKnownCas = expiredHeld.map((h) => h.alias);
    const portalUrl = ctx.config.portalUrl?.origin ?? 'https://<tenant>.<region>.portal.cloudappsecurity.com';
    const fixes: Text[] = [
      text('certs.fix.import', { url: portalUrl }),
      text('certs.fix.download'),
      text('certs.fix.restart'),
    ];
    const reproduce = `keytool -list -keystore "${file}"`;

    const probe = await ctx.facts.portal();
    const chain = probe?.tls?.chain.map((c) => c.der) ?? ctx.config.servedChain;
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
        finding = result.anchor.expired
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
        finding = fail(
          'certs.noPath',
          { file, top, missing: result.missingIssuer },
          { evidence: { ...evidence, missingIssuer: result.missingIssuer }, resolution: fixes, reproduce },
        );
      }
    } else {
      // Without the served chain, judge by the anchors Azure's chains end at today.
      const root = held.find(
        (h) => ROOTS_TODAY.includes(h.ca!.name) && Date.parse(h.ca!.notAfter) > now.getTime(),
      );
      const known = KNOWN_CAS.filter((ca) => ROOTS_TODAY.includes(ca.name)).map((ca) => ca.name);
      finding = root
        ? pass('certs.rootsOk', { file, root: root.ca!.name }, { evidence, reproduce })
        : fail(
            'certs.noRoots',
            { file, missing: known.join(', ') },
            { evidence, resolution: fixes, reproduce },
          );
    }
    if (!passwordMatches && finding.status === 'pass') {
      return warn(
        'certs.wrongPassword',
        { file },
        { evidence, resolution: [text('certs.fix.password')], reproduce },
      );
    }
    return finding;
  },
} as const satisfies Check;
