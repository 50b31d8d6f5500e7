// A TLS handshake that keeps everything a diagnosis needs: the negotiated version and cipher, the
// chain exactly as served, and the verdicts (chain trust, host name) kept apart instead of one
// opaque failure. TLS 1.2 is the floor, as for the agent.
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';
import type net from 'node:net';
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
      chain: ServedCertificate[];
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
 * The chain as OpenSSL linked it, leaf first: what the server sent and, when verification found
 * one, the trust anchor last.
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

export function tlsHandshake(
  socket: net.Socket,
  host: string,
  options: { ca: string[]; timeoutMs: number },
): Promise<TlsOutcome> {
  const ms = stopwatch();
  const secure = tls.connect({
    socket,
    ...(isIP(host) ? {} : { servername: host }),
    minVersion: 'TLSv1.2',
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
      const outcome: TlsOutcome = {
        ok: true,
        socket: secure,
        protocol: secure.getProtocol() ?? 'unknown',
        cipher: secure.getCipher()?.name ?? 'unknown',
        chain: servedChain(secure),
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
