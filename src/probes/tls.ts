// A TLS handshake that keeps everything a diagnosis needs: the negotiated version and cipher, the
// certificates the server sent kept apart from the chain OpenSSL completed from local stores, and
// the verdicts (chain trust, host name) kept apart instead of one opaque failure. TLS 1.2 is the
// floor, as for the agent; TLS 1.2 can be the ceiling too, as for a Java 8 agent.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';
import type net from 'node:net';
import { pemBlocks, pemBody } from '../trust/pem.js';
import { settleOnce, stopwatch } from './settle.js';

export interface ServedCertificate {
  subject: string;
  issuer: string;
  organization?: string;
  issuerOrganization?: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  selfIssued: boolean;
  der: Buffer;
}

export type TlsOutcome =
  | {
      ok: true;
      socket: tls.TLSSocket;
      protocol: string;
      cipher: string;
      /** The chain as OpenSSL linked it: what the server sent, completed from the local trust. */
      chain: ServedCertificate[];
      /** What the server sent (as far as it links from the leaf): what Java builds its path from. */
      sent: ServedCertificate[];
      /** OpenSSL's verdict on the chain against the doctor's trust (system + --ca-file). */
      trustError?: string;
      hostnameError?: string;
      ms: number;
    }
  | { ok: false; code: string; detail: string; ms: number };

function field(dn: string, key: string): string | undefined {
  for (const line of dn.split('\n')) if (line.startsWith(`${key}=`)) return line.slice(key.length + 1);
  return undefined;
}

export function describeCertificate(der: Buffer): ServedCertificate {
  const x = new X509Certificate(der);
  const cert: ServedCertificate = {
    subject: field(x.subject, 'CN') ?? x.subject.replace(/\n/g, ', '),
    issuer: field(x.issuer, 'CN') ?? x.issuer.replace(/\n/g, ', '),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    sha256: x.fingerprint256,
    selfIssued: x.subject === x.issuer,
    der,
  };
  const o = field(x.subject, 'O');
  const io = field(x.issuer, 'O');
  if (o) cert.organization = o;
  if (io) cert.issuerOrganization = io;
  return cert;
}

/**
 * The chain as Node links it, leaf first: what the server sent and then, up to a self-signed root,
 * the issuers found in the local trust.
 */
function servedChain(socket: tls.TLSSocket): ServedCertificate[] {
  const chain: ServedCertificate[] = [];
  const seen = new Set<string>();
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(describeCertificate(cert.raw));
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** The base64 bodies of the certificates in PEM texts (one text may hold several). */
function pemBodies(pems: readonly string[]): Set<string> {
  return new Set(pems.flatMap(pemBlocks).map(pemBody));
}

/**
 * The sent part of the linked chain. Node links the certificates the server sent first and only then
 * goes on with issuers from the local trust (`ca`): the sent part ends before the first certificate
 * that is one of those. (A server that also sends a root of the local trust loses it from the sent
 * part; Java does not anchor on a sent root either, so its path is judged the same.)
 */
export function sentPart(chain: ServedCertificate[], ca: readonly string[]): ServedCertificate[] {
  const local = pemBodies(ca);
  const cut = chain.findIndex((c, i) => i > 0 && local.has(c.der.toString('base64')));
  return cut === -1 ? chain : chain.slice(0, cut);
}

/**
 * Whether a failed handshake is the server refusing the protocol versions offered: its
 * protocol_version or handshake_failure alert, as OpenSSL (Node) names them. A timeout, a reset
 * or a closed connection says nothing about the versions the server accepts.
 */
export function refusesVersions(code: string): boolean {
  return code === 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' || code === 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE';
}

export function tlsHandshake(
  socket: net.Socket,
  host: string,
  options: { ca: string[]; timeoutMs: number; maxVersion?: tls.SecureVersion },
): Promise<TlsOutcome> {
  const ms = stopwatch();
  const secure = tls.connect({
    socket,
    ...(isIP(host) ? {} : { servername: host }),
    minVersion: 'TLSv1.2',
    ...(options.maxVersion && { maxVersion: options.maxVersion }),
    ca: options.ca,
    // We judge trust and name ourselves, so that the chain is seen even when it is wrong.
    rejectUnauthorized: false,
    ALPNProtocols: ['http/1.1'],
  });
  let handshaken = false;
  const timedOut = (): TlsOutcome => ({ ok: false, code: 'ETIMEDOUT', detail: 'no TLS answer', ms: ms() });
  return settleOnce<TlsOutcome>(options.timeoutMs, timedOut, (settle) => {
    secure.once('error', (error: NodeJS.ErrnoException) =>
      settle({
        ok: false,
        code: error.code ?? 'TLS_ERROR',
        detail: error.message.split('\n')[0] ?? '',
        ms: ms(),
      }),
    );
    secure.once('secureConnect', () => {
      handshaken = true;
      const hostname = tls.checkServerIdentity(host, secure.getPeerCertificate());
      const chain = servedChain(secure);
      const outcome: TlsOutcome = {
        ok: true,
        socket: secure,
        protocol: secure.getProtocol() ?? 'unknown',
        cipher: secure.getCipher()?.name ?? 'unknown',
        chain,
        sent: sentPart(chain, options.ca),
        ms: ms(),
      };
      // Node files a name mismatch under authorizationError too; the name has its own verdict.
      const authError = secure.authorizationError ? String(secure.authorizationError) : undefined;
      if (!secure.authorized && authError && authError !== 'ERR_TLS_CERT_ALTNAME_INVALID')
        outcome.trustError = authError;
      if (hostname) outcome.hostnameError = hostname.message;
      settle(outcome);
    });
    return () => {
      secure.removeAllListeners('secureConnect');
      secure.removeAllListeners('error');
      secure.on('error', () => undefined);
      if (!handshaken) secure.destroy();
    };
  });
}

/** Trust for the doctor's own probes: Node's CA list plus what --ca-file adds. */
export function trustAnchors(extra: string[] = []): string[] {
  return [...tls.rootCertificates, ...extra];
}
