// portal: can the agent reach its tenant over HTTPS? The layered probe says where the path
// breaks; a chain not issued by Microsoft or DigiCert means something inspects TLS on the way,
// which no CA import can cure. A genuine chain sent without the G2 cross-sign is its own finding,
// with its own cure. For a Java 8 agent the portal is also asked with TLS 1.2 at most.
import type { PortalProbe } from '../probes/portal.js';
import type { ServedCertificate } from '../probes/tls.js';
import { formatProxy } from '../config/proxy-address.js';
import { omittedG2CrossSign } from '../trust/path.js';
import { fail, pass, said, skip, text, type Check, type Finding } from './types.js';
import type { Text } from '../catalog/index.js';

const TENANT_HOSTS = [
  /^[a-z0-9-]+\.(us|us2|us3|eu|eu2)\.portal\.cloudappsecurity\.com$/i,
  /^[a-z0-9-]+\.us1\.portal\.cloudappsecurity\.us$/i,
  /^[a-z0-9-]+\.us1\.portal\.cloudappsecuritygov\.com$/i,
  /^[a-z0-9-]+\.portal\.cloudappsecurity\.com$/i, // older tenants, without a region
];
export const GENERIC_PORTAL = 'portal.cloudappsecurity.com';
const GENUINE_ISSUERS = /microsoft|digicert|baltimore/i;
const SKEW_LIMIT_MINUTES = 5;

export function hostKind(host: string): 'tenant' | 'generic' | 'unknown' {
  if (host.toLowerCase() === GENERIC_PORTAL) return 'generic';
  return TENANT_HOSTS.some((pattern) => pattern.test(host)) ? 'tenant' : 'unknown';
}

/** Issued by Microsoft or DigiCert all the way up, as the genuine portal certificate is. */
export function looksGenuine(chain: ServedCertificate[]): boolean {
  return (
    chain.length > 0 && chain.every((c) => GENUINE_ISSUERS.test(`${c.issuerOrganization ?? ''} ${c.issuer}`))
  );
}

/** Who issued the top of the chain: named when TLS inspection is suspected. */
function inspectionParams(host: string, chain: ServedCertificate[]) {
  const top = chain.at(-1);
  return { host, issuer: top?.issuer ?? '?', organization: top?.issuerOrganization ?? '?' };
}

function chainEvidence(chain: ServedCertificate[]) {
  return chain.map(({ subject, issuer, organization, issuerOrganization, notAfter, sha256 }) => ({
    subject,
    issuer,
    ...(organization && { organization }),
    ...(issuerOrganization && { issuerOrganization }),
    notAfter,
    sha256,
  }));
}

export function opensslCommand(probe: PortalProbe): string {
  const proxy = probe.proxy ? ` -proxy ${formatProxy(probe.proxy)}` : '';
  return `openssl s_client -connect ${probe.host}:${probe.port} -servername ${probe.host}${proxy} -verify_return_error </dev/null`;
}

export const portal = {
  id: 'portal',
  documentedError: 'SIEM agent error',
  requires: ['proxy'],
  async run(ctx): Promise<Finding> {
    const url = ctx.config.portalUrl;
    if (!url) return skip('portal.noUrl', undefined, { needs: ['--portal-url'] });
    const probe = (await ctx.facts.portal())!;
    const { host, port } = probe;
    // `route` is data for the JSON evidence; the messages have a wording per route instead.
    const proxy = probe.proxy && formatProxy(probe.proxy);
    const route = proxy ? said('evidence.route.via', { proxy }) : said('evidence.route.direct');
    const evidence: Record<string, unknown> = { url: url.origin, host, port, route, layers: probe.layers };
    if (probe.addresses) evidence.addresses = probe.addresses;
    if (probe.tls) {
      const { sent, chain } = probe.tls;
      evidence.tls = {
        protocol: probe.tls.protocol,
        cipher: probe.tls.cipher,
        chain: chainEvidence(chain),
        // what the server sent, apart from what this machine's trust completed it with
        sent: sent.map((c) => c.subject),
        ...(chain.length > sent.length && {
          completedFromLocalTrust: chain.slice(sent.length).map((c) => c.subject),
        }),
      };
    }
    if (probe.tls12) evidence.tls12 = probe.tls12;
    // a TLS 1.2 handshake that ended without a refusal (a timeout, a reset) proves nothing either way
    if (probe.tls12 && !probe.tls12.ok && !probe.tls12.refused)
      evidence.tls12Unconfirmed = said('evidence.tls12Unconfirmed', { code: probe.tls12.code });
    if (probe.http)
      evidence.http = { status: probe.http.status, ...(probe.http.date && { date: probe.http.date }) };
    const reproduce = opensslCommand(probe);
    const seconds = ctx.config.timeoutMs / 1000;
    const failed = probe.failed;
    const with_ = (resolution: Text[], code?: string) => ({
      evidence: { ...evidence, ...(code && { code }) },
      resolution,
      reproduce,
    });

    if (failed) {
      switch (failed.name) {
        case 'proxy-dns':
        case 'proxy-tcp':
        case 'connect':
          return skip('run.skippedDependency', { dependency: 'proxy', status: 'fail' });
        case 'dns':
          return fail(
            'portal.dnsFailed',
            { host, code: failed.code ?? '' },
            with_(
              [text('portal.fix.url'), text('portal.fix.dns'), text('portal.fix.proxyNeeded')],
              failed.code,
            ),
          );
        case 'tcp': {
          const fixes = [text('portal.fix.firewall'), text('portal.fix.proxyNeeded')];
          if (failed.code === 'ECONNREFUSED')
            return fail(
              'portal.refused',
              { host, port, address: probe.addresses?.[0] ?? host },
              with_(fixes, failed.code),
            );
          if (failed.code === 'ETIMEDOUT')
            return fail('portal.timedOut', { host, port, seconds }, with_(fixes, failed.code));
          return fail('portal.tcpFailed', { host, port, code: failed.code ?? '' }, with_(fixes, failed.code));
        }
        case 'tls':
          return tlsFinding(probe, with_, ctx.now);
        default:
          return fail(
            'portal.httpFailed',
            { host, code: failed.code ?? '' },
            with_([text('portal.fix.retry')], failed.code),
          );
      }
    }

    const tls = probe.tls!;
    const status = probe.http!.status;
    // A Java 8 agent offers TLS 1.2 at most: a path that only speaks TLS 1.3 refuses it (an alert).
    if (probe.tls12 && !probe.tls12.ok && probe.tls12.refused)
      return fail(
        'portal.tls12Refused',
        { host, protocol: tls.protocol, code: probe.tls12.code },
        with_([text('portal.fix.java8Tls13'), text('portal.fix.tlsPath')], probe.tls12.code),
      );
    // Reachable. What is left are warnings: a clock that is off, a URL that is not a tenant's.
    const warnings: { message: Text; fix: Text }[] = [];
    if (!looksGenuine(tls.chain)) {
      warnings.push({
        message: text('portal.inspection', inspectionParams(host, tls.chain)),
        fix: text('portal.fix.inspection'),
      });
    }
    const date = probe.http?.date ? Date.parse(probe.http.date) : NaN;
    if (Number.isFinite(date)) {
      const minutes = Math.round(Math.abs(ctx.now.getTime() - date) / 60_000);
      evidence.clockSkewMinutes = minutes;
      if (minutes > SKEW_LIMIT_MINUTES)
        warnings.push({ message: text('portal.warn.skew', { minutes }), fix: text('portal.fix.clock') });
    }
    const kind = hostKind(host);
    evidence.hostKind = kind;
    if (kind === 'generic')
      warnings.push({ message: text('portal.warn.generic'), fix: text('portal.fix.url') });
    if (kind === 'unknown')
      warnings.push({ message: text('portal.warn.unknownHost', { host }), fix: text('portal.fix.url') });
    if (warnings.length > 0) {
      return {
        status: 'warn',
        message: warnings[0]!.message,
        evidence: { ...evidence, warnings: warnings.length },
        resolution: warnings.map((w) => w.fix),
        reproduce,
      };
    }
    const ms = probe.layers.reduce((sum, l) => sum + l.ms, 0);
    const params = { host, status, protocol: tls.protocol, cipher: tls.cipher, ms, ...(proxy && { proxy }) };
    const tls12 = probe.tls12?.ok && probe.tls12.protocol !== tls.protocol ? probe.tls12 : undefined;
    if (tls12)
      return pass(
        proxy ? 'portal.okBothVia' : 'portal.okBothDirect',
        { ...params, protocol12: tls12.protocol, cipher12: tls12.cipher },
        { evidence, reproduce },
      );
    return pass(proxy ? 'portal.okVia' : 'portal.okDirect', params, { evidence, reproduce });
  },
} as const satisfies Check;

type With = (resolution: Text[], code?: string) => Pick<Finding, 'evidence' | 'resolution' | 'reproduce'>;

function tlsFinding(probe: PortalProbe, with_: With, now: Date): Finding {
  const { host } = probe;
  const failed = probe.failed!;
  if (!probe.tls) {
    // The handshake itself failed.
    const code = failed.code ?? '';
    if (/PROTOCOL|VERSION/i.test(code) || /protocol|version/i.test(failed.detail ?? '')) {
      return fail('portal.tlsVersion', { host, code }, with_([text('portal.fix.tlsPath')], code));
    }
    return fail(
      'portal.tlsFailed',
      { host, code, detail: failed.detail ?? '' },
      with_([text('portal.fix.tlsPath'), text('portal.fix.retry')], code),
    );
  }
  const { chain, sent, trustError, hostnameError } = probe.tls;
  if (!looksGenuine(chain)) {
    return fail(
      'portal.inspection',
      inspectionParams(host, chain),
      with_([text('portal.fix.inspection')], trustError ?? 'NOT_MICROSOFT'),
    );
  }
  const root = trustError && omittedG2CrossSign(sent);
  if (root) {
    // This machine's trust lacks the self-signed G2 root too: that is why it cannot verify the
    // chain, and whether the agent can is java-certs' question. No HTTP was tried: warn.
    return {
      status: 'warn',
      message: text('portal.g2CrossSignMissing', { host, top: sent.at(-1)!.subject, root }),
      ...with_([text('portal.fix.g2Root', { root })], trustError),
    };
  }
  if (trustError === 'CERT_HAS_EXPIRED') {
    const expired = chain.find((c) => Date.parse(c.notAfter) < now.getTime()) ?? chain[0]!;
    return fail(
      'portal.expired',
      { host, date: expired.notAfter.slice(0, 10) },
      with_([text('portal.fix.clock'), text('portal.fix.untrusted')], trustError),
    );
  }
  if (trustError === 'CERT_NOT_YET_VALID') {
    const early = chain.find((c) => Date.parse(c.notBefore) > now.getTime()) ?? chain[0]!;
    return fail(
      'portal.notYetValid',
      { host, date: early.notBefore.slice(0, 10) },
      with_([text('portal.fix.clock')], trustError),
    );
  }
  if (trustError)
    return fail(
      'portal.untrusted',
      { host, code: trustError },
      with_([text('portal.fix.untrusted')], trustError),
    );
  return fail(
    'portal.hostname',
    { host, detail: hostnameError ?? '' },
    with_([text('portal.fix.hostname')], 'ERR_TLS_CERT_ALTNAME_INVALID'),
  );
}
