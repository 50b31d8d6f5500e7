// portal: can the agent reach its tenant over HTTPS? The layered probe says where the path
// breaks; a chain not issued by Microsoft or DigiCert means something inspects TLS on the way,
// which no CA import can cure.
import type { PortalProbe } from '../probes/portal.js';
import type { ServedCertificate } from '../probes/tls.js';
import { formatProxy } from '../config/proxy-address.js';
import { fail, pass, skip, text, type Check, type Finding } from './types.js';
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
    const route = probe.proxy ? `via ${formatProxy(probe.proxy)}` : 'direct';
    const evidence: Record<string, unknown> = { url: url.origin, host, port, route, layers: probe.layers };
    if (probe.addresses) evidence.addresses = probe.addresses;
    if (probe.tls)
      evidence.tls = {
        protocol: probe.tls.protocol,
        cipher: probe.tls.cipher,
        chain: chainEvidence(probe.tls.chain),
      };
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
          return tlsFinding(probe, with_);
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
    return pass(
      'portal.ok',
      { host, status, protocol: tls.protocol, cipher: tls.cipher, route, ms },
      { evidence, reproduce },
    );
  },
} as const satisfies Check;

type With = (resolution: Text[], code?: string) => Pick<Finding, 'evidence' | 'resolution' | 'reproduce'>;

function tlsFinding(probe: PortalProbe, with_: With): Finding {
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
  const { chain, trustError, hostnameError } = probe.tls;
  if (!looksGenuine(chain)) {
    return fail(
      'portal.inspection',
      inspectionParams(host, chain),
      with_([text('portal.fix.inspection')], trustError ?? 'NOT_MICROSOFT'),
    );
  }
  if (trustError === 'CERT_HAS_EXPIRED') {
    const expired = chain.find((c) => Date.parse(c.notAfter) < Date.now()) ?? chain[0]!;
    return fail(
      'portal.expired',
      { host, date: expired.notAfter.slice(0, 10) },
      with_([text('portal.fix.clock'), text('portal.fix.untrusted')], trustError),
    );
  }
  if (trustError === 'CERT_NOT_YET_VALID') {
    return fail(
      'portal.notYetValid',
      { host, date: chain[0]!.notAfter.slice(0, 10) },
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
