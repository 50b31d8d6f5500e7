// What a line of the agent's log is about. The agent's log format is not documented; what it does
// hold are Java's own words (DOMAIN.md): the exception, its message, and the host and port the
// agent was talking to. The exception says what failed, the host says on which side: the SIEM
// (syslog, never through the proxy) or the portal (HTTPS, through the proxy when one is set).
import type { DocumentedError } from '../catalog/documented-errors.js';

/** Which connection a line is about. */
export type Side = 'siem' | 'portal' | 'proxy' | 'unknown';

/** What a line says, named by us: one entry of the table in the README and the issue note. */
export type Kind =
  | 'bootstrap'
  | 'critical-errors'
  | 'invalid-token'
  | 'invalid-proxy'
  | 'documented'
  | 'proxy-auth'
  | 'proxy-tunnel'
  | 'trust-anchors-empty'
  | 'pkix-building'
  | 'cert-validity'
  | 'algorithm-constraints'
  | 'revocation'
  | 'pkix-validation'
  | 'hostname-mismatch'
  | 'not-tls'
  | 'tls-version'
  | 'handshake-failure'
  | 'unknown-host'
  | 'connection-refused'
  | 'connection-reset'
  | 'connect-timeout'
  | 'read-timeout';

/** The kinds whose documented error depends on the side the line is about. */
export const BY_SIDE: Partial<Record<Kind, Partial<Record<Side, DocumentedError>>>> = {
  'unknown-host': {
    siem: 'Data server connection error',
    portal: 'SIEM agent error',
    proxy: 'Invalid proxy address',
  },
  // A refusal is TCP's answer, before any TLS: to the SIEM nothing listens on its port; to the
  // portal or the proxy the agent cannot reach the service (see logs.why.connection-refused.*).
  'connection-refused': {
    siem: 'Data server connection error',
    portal: 'SIEM agent error',
    proxy: 'SIEM agent error',
  },
  'connection-reset': {
    siem: 'Data server send error',
    portal: 'SIEM agent error',
    proxy: 'SIEM agent error',
  },
  'connect-timeout': {
    siem: 'Data server connection error',
    portal: 'SIEM agent error',
    proxy: 'SIEM agent error',
  },
  // The agent only reads answers from the portal; the syslog side is written, never read.
  'read-timeout': {
    siem: 'Data server send error',
    portal: 'SIEM agent error',
    proxy: 'SIEM agent error',
    unknown: 'SIEM agent error',
  },
};

interface Rule {
  kind: Kind;
  pattern: RegExp;
  /** The documented error, when it does not depend on the side. */
  error?: DocumentedError;
  /** The side the kind is always about. */
  side?: Side;
  /** How the finding is named: Java's (or the agent's) words; by default the words matched. */
  label?: string;
}

// Order matters: the first rule a line matches decides. The cause Java names after "PKIX path
// validation failed" is more precise than that line, and a 407 inside "Unable to tunnel" is the
// proxy asking for credentials, not a tunnel refused for another reason.
const RULES: Rule[] = [
  { kind: 'bootstrap', pattern: /General error during bootstrap/i, error: 'General error during bootstrap' },
  { kind: 'critical-errors', pattern: /Too many critical errors/i, error: 'Too many critical errors' },
  {
    kind: 'invalid-token',
    pattern: /Invalid token|owner of this token is not permitted/i,
    error: 'Invalid token',
    side: 'portal',
  },
  {
    kind: 'proxy-auth',
    pattern: /\b407\b[^\n]*Proxy|Proxy Authentication Required/i,
    label: '407 Proxy Authentication Required',
    error: 'SIEM agent error',
    side: 'proxy',
  },
  { kind: 'invalid-proxy', pattern: /Invalid proxy address/i, error: 'Invalid proxy address', side: 'proxy' },
  {
    kind: 'proxy-tunnel',
    pattern: /Unable to tunnel through proxy/i,
    error: 'SIEM agent error',
    side: 'proxy',
  },
  {
    kind: 'trust-anchors-empty',
    pattern: /trustAnchors parameter must be non-empty/i,
    error: 'Issue with new versions of Java',
    side: 'portal',
  },
  {
    kind: 'pkix-building',
    pattern: /PKIX path building failed|unable to find valid certification path|SunCertPathBuilderException/i,
    label: 'PKIX path building failed',
    error: 'Issue with new versions of Java',
    side: 'portal',
  },
  {
    kind: 'cert-validity',
    pattern: /validity check failed|CertificateExpiredException|CertificateNotYetValidException/i,
    error: 'Issue with new versions of Java',
    side: 'portal',
  },
  {
    kind: 'algorithm-constraints',
    pattern: /Algorithm constraints check failed/i,
    error: 'Issue with new versions of Java',
    side: 'portal',
  },
  {
    kind: 'revocation',
    pattern: /Unable to determine revocation status/i,
    error: 'SIEM agent error',
    side: 'portal',
  },
  {
    kind: 'pkix-validation',
    pattern: /PKIX path validation failed/i,
    error: 'Issue with new versions of Java',
    side: 'portal',
  },
  {
    kind: 'hostname-mismatch',
    pattern: /No subject alternative (?:DNS )?names? (?:matching|present)|No name matching \S+ found/i,
    label: 'No subject alternative DNS name matching',
    error: 'SIEM agent error',
    side: 'portal',
  },
  {
    kind: 'not-tls',
    pattern: /Unsupported or unrecognized SSL message|Unrecognized SSL message/i,
    error: 'SIEM agent error',
    side: 'portal',
  },
  {
    kind: 'tls-version',
    pattern: /not accepted by client preferences|No appropriate protocol|protocol_version/i,
    error: 'TLS 1.2 required',
    side: 'portal',
  },
  { kind: 'handshake-failure', pattern: /handshake_failure/i, error: 'TLS 1.2 required', side: 'portal' },
  // The names the agent and the portal print themselves.
  { kind: 'documented', pattern: /Data server send error/i, error: 'Data server send error', side: 'siem' },
  {
    kind: 'documented',
    pattern: /Data server connection error/i,
    error: 'Data server connection error',
    side: 'siem',
  },
  {
    kind: 'documented',
    pattern: /SIEM agent notification error/i,
    error: 'SIEM agent notification error',
    side: 'siem',
  },
  { kind: 'documented', pattern: /SIEM agent error/i, error: 'SIEM agent error', side: 'portal' },
  { kind: 'documented', pattern: /\bInternal error\b/i, error: 'Internal error' },
  { kind: 'unknown-host', pattern: /UnknownHostException/ },
  { kind: 'connection-refused', pattern: /Connection refused/i },
  { kind: 'connection-reset', pattern: /Connection reset/i },
  { kind: 'connect-timeout', pattern: /Connection timed out|connect timed out/i },
  { kind: 'read-timeout', pattern: /Read timed out|SocketTimeoutException/i, label: 'Read timed out' },
];

/**
 * The byte strings the scanner looks for before any per-line work (Buffer.indexOf on whole chunks):
 * a line is examined when it is logged at ERROR or WARN, names an exception, or holds one of the
 * words below. Every rule above can only match such a line: Java prints its messages (No
 * appropriate protocol, No subject alternative…) inside an exception or a WARN/ERROR line. Each
 * needle is chosen to be cheap to search for (a first byte that is rare in log text).
 */
export const NEEDLES: readonly string[] = [
  'RROR',
  'WARN',
  'xception',
  'rror',
  'refused',
  'Connection',
  'Invalid',
  'PKIX',
  'failed',
  'Unable',
];

/**
 * A line that shows the agent reached the portal. The log format is not documented: the agent's
 * lines about a pull ("Pulled 120 activities") are taken as contact; the needle finds them cheaply.
 */
export const CONTACT_NEEDLE = 'ulled ';
export const CONTACT = /\b[Pp]ulled \d+ (?:activities|alerts|events)\b/;

/** The hosts of this run's settings, to tell the SIEM side from the portal side. */
export interface Hosts {
  siem?: string;
  siemPort?: number;
  portal?: string;
  proxy?: string;
}

export interface Classified {
  kind: Kind;
  /** Java's or the agent's words for it, as the log has them. */
  label: string;
  error?: DocumentedError;
  side: Side;
  /** The host the line names for that side, when it names one. */
  host?: string;
  port?: number;
}

const PORTAL_DOMAIN = /(?:^|\.)portal\.cloudappsecurity(?:gov)?\.(?:com|us)$/i;
// host:port, a URL's host, or the host UnknownHostException names
const ENDPOINT =
  /(?:\b[a-z][a-z0-9+.-]*:\/\/)?(\[[0-9a-f:.]+\]|(?:[a-z0-9-]+\.)+[a-z0-9-]+|\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?/gi;

function sideOfHost(host: string, hosts: Hosts): Side | undefined {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  const same = (other?: string) => other !== undefined && other.toLowerCase().replace(/^\[|\]$/g, '') === h;
  if (same(hosts.proxy)) return 'proxy';
  if (same(hosts.portal) || PORTAL_DOMAIN.test(h)) return 'portal';
  if (same(hosts.siem)) return 'siem';
  return undefined;
}

/** The side a log statement is about, from the hosts and ports it names, else from its words. */
export function sideOf(
  context: string,
  hosts: Hosts,
  named?: string,
): { side: Side; host?: string; port?: number } {
  if (named) {
    const side = sideOfHost(named, hosts);
    if (side) return { side, host: named };
  }
  // The endpoints the line names, the nearest to the error (the end of the context) first.
  // (a dotted word without a port or scheme is a Java class or a file more often than a host)
  const endpoints = [...context.matchAll(ENDPOINT)]
    .filter((m) => m[2] !== undefined || m[0].includes('://'))
    .map((m) => ({ host: m[1]!, port: m[2] === undefined ? undefined : Number(m[2]) }))
    .filter((e) => !/^[\w-]+\.(?:java|jar|class|log)$/i.test(e.host))
    .reverse();
  for (const { host, port } of endpoints) {
    const side = sideOfHost(host, hosts);
    if (side) return { side, host, ...(port !== undefined && { port }) };
  }
  for (const { host, port } of endpoints) {
    if (port === 443) return { side: 'portal', host, port };
    if (port !== undefined && port === hosts.siemPort) return { side: 'siem', host, port };
  }
  // No host of this run's settings: the words of the statement, and the endpoint nearest the error.
  const nearest = endpoints[0] && {
    host: endpoints[0].host,
    ...(endpoints[0].port !== undefined && { port: endpoints[0].port }),
  };
  if (/\bsyslog\b|\bSIEM server\b|\bsend(?:ing)? events\b|\[push\]/i.test(context))
    return { side: 'siem', ...nearest };
  if (/\bportal\b|\bpull(?:ing)?\b|\/api\/v1\/|\[pull\]|https:\/\//i.test(context))
    return { side: 'portal', ...nearest };
  return { side: 'unknown', ...(named ? { host: named } : nearest) };
}

/**
 * What a line is about, or undefined when it holds none of the patterns (a needle matched a word
 * such as "Mirror"). `context` is the whole log statement the line belongs to: its timestamped
 * first line and the lines of the stack trace up to this one.
 */
export function classify(line: string, context: string, hosts: Hosts): Classified | undefined {
  let match: RegExpExecArray | null = null;
  const rule = RULES.find((r) => (match = r.pattern.exec(line)) !== null);
  if (!rule || !match) return undefined;
  const label = rule.label ?? (match as RegExpExecArray)[0];
  if (rule.error) {
    const where = sideOf(context, hosts);
    const side = rule.side ?? where.side;
    // the host of that side: the proxy of the settings, else the one the statement names
    const named = side === where.side ? where.host : undefined;
    const host =
      side === 'proxy'
        ? (hosts.proxy ?? where.host)
        : (named ?? (side === 'portal' ? hosts.portal : side === 'siem' ? hosts.siem : undefined));
    return { kind: rule.kind, label, error: rule.error, side, ...(host && { host }) };
  }
  const named =
    rule.kind === 'unknown-host' ? /UnknownHostException:\s*([^\s:;,'"()]+)/.exec(line)?.[1] : undefined;
  const where = sideOf(context, hosts, named);
  const error = BY_SIDE[rule.kind]?.[where.side];
  return {
    kind: rule.kind,
    label,
    side: where.side,
    ...(error && { error }),
    ...(where.host && { host: where.host }),
    ...(where.port !== undefined && { port: where.port }),
  };
}

/** Whether a finding says the agent failed to work with the portal (for the portal's status). */
export function isPortalSide(found: Classified): boolean {
  return found.side === 'portal' || found.side === 'proxy';
}
