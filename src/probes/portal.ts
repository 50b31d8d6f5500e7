// The agent's first hop, layer by layer: DNS → TCP → (CONNECT through the proxy) → TLS → HTTP.
// Each layer records what it saw and how long it took; the first that fails decides. One deadline
// covers the whole probe (--timeout), so a dead path costs that and no more. The token is sent
// only over a TLS connection that is trusted and for the right name: never to an inspecting proxy.
// For a Java 8 agent (TLS 1.2 unless told otherwise) a second handshake, at the same time and over
// its own connection, caps TLS at 1.2: a path that only speaks TLS 1.3 fails that agent.
import http from 'node:http';
import type net from 'node:net';
import { resolveHost } from './dns.js';
import { httpConnect } from './http-connect.js';
import { connectTcp } from './tcp.js';
import { TOKEN_PATH } from './portal-api.js';
import { settleOnce, stopwatch } from './settle.js';
import { refusesVersions, tlsHandshake, type ServedCertificate } from './tls.js';
import type { ProxyAddress } from '../config/proxy-address.js';

export type LayerName = 'proxy-dns' | 'proxy-tcp' | 'connect' | 'dns' | 'tcp' | 'tls' | 'http';

export interface Layer {
  name: LayerName;
  ok: boolean;
  ms: number;
  code?: string;
  detail?: string;
}

export interface PortalProbe {
  host: string;
  port: number;
  proxy?: ProxyAddress;
  layers: Layer[];
  /** The layer that failed first, if any. */
  failed?: Layer;
  addresses?: string[];
  proxyAddresses?: string[];
  connect?: { status?: number; statusText?: string; proxyAuthenticate?: string };
  tls?: {
    protocol: string;
    cipher: string;
    /** As OpenSSL linked it, completed from the local trust. */
    chain: ServedCertificate[];
    /** What the server sent: what Java's path is judged from. */
    sent: ServedCertificate[];
    trustError?: string;
    hostnameError?: string;
  };
  /**
   * The handshake with TLS 1.2 as the maximum (asked for a Java 8 agent). `refused`: the server
   * answered with a protocol_version or handshake_failure alert; any other failure (a timeout, a
   * reset) leaves TLS 1.2 unconfirmed, not refused.
   */
  tls12?:
    | { ok: true; protocol: string; cipher: string }
    | { ok: false; refused: boolean; code: string; detail: string };
  http?: { status: number; date?: string; detail?: string; path: string };
}

export interface PortalProbeOptions {
  url: URL;
  proxy?: ProxyAddress;
  token?: string;
  ca: string[];
  timeoutMs: number;
  userAgent: string;
  /**
   * Also handshake with TLS 1.2 as the maximum, as a Java 8 client does by default. A promise is
   * waited on alongside the agent's path, and no longer than the deadline.
   */
  alsoTls12?: boolean | Promise<boolean>;
}

type LayerRecorder = (
  name: LayerName,
  outcome: { ok: boolean; ms: number; code?: string; detail?: string },
) => void;

export async function probePortal(options: PortalProbeOptions): Promise<PortalProbe> {
  const deadline = performance.now() + options.timeoutMs;
  const left = () => Math.max(1, Math.round(deadline - performance.now()));
  const host = options.url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(options.url.port || 443);
  // The TLS 1.2 handshake goes its own way at the same time, as soon as it is known to be wanted;
  // its layers are not the agent's path.
  let done = false;
  const wanted = Promise.resolve(options.alsoTls12).catch(() => false);
  const tls12 = wanted.then((yes) => (yes && !done ? handshakeTls12(options, host, port, left) : undefined));
  const probe = await probeLayers(options, host, port, left);
  // Only a path that got through TLS is worth the answer. Whether it is wanted (a Java lookup) is
  // waited for no longer than the deadline; the handshake itself ends by the deadline.
  const answer12 = probe.tls && (await within(wanted, left())) ? await tls12 : undefined;
  done = true;
  if (answer12) probe.tls12 = answer12;
  return probe;
}

/** What `promise` gives if it settles within `ms`, else undefined (it is not waited on further). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The agent's own path, layer by layer, within the deadline behind `left`. */
async function probeLayers(
  options: PortalProbeOptions,
  host: string,
  port: number,
  left: () => number,
): Promise<PortalProbe> {
  const probe: PortalProbe = { host, port, layers: [] };
  if (options.proxy) probe.proxy = options.proxy;
  // Every probe outcome has { ok, ms, code? }: a layer is recorded from it as it is.
  const record: LayerRecorder = (name, outcome) => {
    const layer: Layer = { name, ok: outcome.ok, ms: outcome.ms };
    if (!outcome.ok && outcome.code) layer.code = outcome.code;
    if (outcome.detail) layer.detail = outcome.detail;
    probe.layers.push(layer);
    if (!layer.ok) probe.failed ??= layer;
  };

  const socket = await openPath(options, host, port, probe, record, left);
  if (!socket) return probe;
  const secure = await tlsHandshake(socket, host, { ca: options.ca, timeoutMs: left() });
  if (!secure.ok) {
    socket.destroy();
    record('tls', secure);
    return probe;
  }
  probe.tls = { protocol: secure.protocol, cipher: secure.cipher, chain: secure.chain, sent: secure.sent };
  if (secure.trustError) probe.tls.trustError = secure.trustError;
  if (secure.hostnameError) probe.tls.hostnameError = secure.hostnameError;
  const trusted = !secure.trustError && !secure.hostnameError;
  record('tls', { ok: trusted, ms: secure.ms, code: secure.trustError ?? 'ERR_TLS_CERT_ALTNAME_INVALID' });
  if (!trusted) {
    secure.socket.destroy();
    return probe;
  }

  const path = options.token !== undefined ? TOKEN_PATH : '/';
  const answer = await httpGet(secure.socket, host, port, path, options, left());
  if (!answer.ok) {
    record('http', answer);
    return probe;
  }
  probe.http = { status: answer.status, path };
  if (answer.date) probe.http.date = answer.date;
  if (answer.detail) probe.http.detail = answer.detail;
  record('http', { ...answer, detail: `HTTP ${answer.status}` });
  return probe;
}

/** DNS → TCP, or through the proxy (DNS → TCP → CONNECT): the open socket, or undefined. */
async function openPath(
  options: PortalProbeOptions,
  host: string,
  port: number,
  probe: PortalProbe,
  record: LayerRecorder,
  left: () => number,
): Promise<net.Socket | undefined> {
  let socket: net.Socket | undefined;
  if (options.proxy) {
    // With a proxy the agent never resolves the portal itself: the proxy does.
    const resolved = await resolveHost(options.proxy.host, left());
    record('proxy-dns', resolved);
    if (!resolved.ok) return undefined;
    probe.proxyAddresses = resolved.addresses.map((a) => a.address);
    const tcp = await connectTcp(resolved.addresses[0]!.address, options.proxy.port, left());
    record('proxy-tcp', tcp);
    if (!tcp.ok) return undefined;
    const tunnel = await httpConnect(tcp.socket, `${host}:${port}`, left(), options.userAgent);
    probe.connect = {};
    if (tunnel.status !== undefined) probe.connect.status = tunnel.status;
    if (!tunnel.ok) {
      if (tunnel.statusText) probe.connect.statusText = tunnel.statusText;
      const scheme = tunnel.headers?.['proxy-authenticate'];
      if (scheme) probe.connect.proxyAuthenticate = scheme.split(/\s/)[0]!;
      tcp.socket.destroy();
      record('connect', { ...tunnel, code: tunnel.code ?? `HTTP_${tunnel.status}` });
      return undefined;
    }
    record('connect', tunnel);
    socket = tcp.socket;
  } else {
    const resolved = await resolveHost(host, left());
    record('dns', resolved);
    if (!resolved.ok) return undefined;
    probe.addresses = resolved.addresses.map((a) => a.address);
    // Like a browser, try the addresses in turn; the evidence keeps the first failure.
    let firstFailure: { ok: false; code: string; ms: number } | undefined;
    for (const address of probe.addresses) {
      const tcp = await connectTcp(address, port, left());
      if (tcp.ok) {
        socket = tcp.socket;
        record('tcp', { ...tcp, detail: address });
        break;
      }
      firstFailure ??= tcp;
      if (tcp.code === 'ETIMEDOUT') break; // the budget is spent
    }
    if (!socket) {
      record('tcp', firstFailure!);
      return undefined;
    }
  }

  return socket;
}

/** The same path again, a handshake with TLS 1.2 at most, and the connection closed. */
async function handshakeTls12(
  options: PortalProbeOptions,
  host: string,
  port: number,
  left: () => number,
): Promise<PortalProbe['tls12']> {
  const scratch: PortalProbe = { host, port, layers: [] };
  const socket = await openPath(options, host, port, scratch, () => undefined, left);
  if (!socket) return undefined;
  const secure = await tlsHandshake(socket, host, {
    ca: options.ca,
    timeoutMs: left(),
    maxVersion: 'TLSv1.2',
  });
  if (!secure.ok) {
    socket.destroy();
    return { ok: false, refused: refusesVersions(secure.code), code: secure.code, detail: secure.detail };
  }
  secure.socket.destroy();
  return { ok: true, protocol: secure.protocol, cipher: secure.cipher };
}

type HttpAnswer =
  | { ok: true; status: number; date?: string; detail?: string; ms: number }
  | { ok: false; code: string; ms: number };

/** How long a body is awaited once the status line and headers are in, for its `detail` text. */
const BODY_WAIT_MS = 500;
const MAX_BODY_CHARS = 16_384;

/**
 * One GET on the TLS socket. The portal has answered once its status line and headers arrive: the
 * body is read only for the portal's `detail` text, for a short while, and a slow body never turns
 * that answer into a timeout.
 */
function httpGet(
  socket: net.Socket,
  host: string,
  port: number,
  path: string,
  options: PortalProbeOptions,
  timeoutMs: number,
): Promise<HttpAnswer> {
  const ms = stopwatch();
  const failed = (error: NodeJS.ErrnoException): HttpAnswer => ({
    ok: false,
    code: error.code ?? 'ERROR',
    ms: ms(),
  });
  // Set when the headers are in: from then on, any ending reports the status.
  let answered: ((body: string) => HttpAnswer) | undefined;
  let body = '';
  return settleOnce<HttpAnswer>(
    timeoutMs,
    () => answered?.(body) ?? { ok: false, code: 'ETIMEDOUT', ms: ms() },
    (settle) => {
      let bodyTimer: NodeJS.Timeout | undefined;
      const headers: Record<string, string> = {
        Host: port === 443 ? host : `${host}:${port}`,
        'User-Agent': options.userAgent,
        Accept: 'application/json',
        Connection: 'close',
      };
      if (options.token !== undefined) headers.Authorization = `Token ${options.token}`;
      const request = http.request(
        { createConnection: () => socket, method: 'GET', path, headers },
        (response) => {
          const status = response.statusCode ?? 0;
          const headersMs = ms();
          answered = (text) => {
            const answer: HttpAnswer = { ok: true, status, ms: headersMs };
            const date = response.headers.date;
            if (date) answer.date = date;
            const detail = portalDetail(text);
            if (detail) answer.detail = detail;
            return answer;
          };
          const done = () => settle(answered!(body));
          bodyTimer = setTimeout(done, Math.min(BODY_WAIT_MS, Math.max(1, timeoutMs - headersMs)));
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            if (body.length < MAX_BODY_CHARS) body += chunk;
          });
          response.on('end', done);
          // the body breaking off after the headers does not undo the answer
          response.on('error', done);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) =>
        settle(answered ? answered(body) : failed(error)),
      );
      request.end();
      return () => {
        clearTimeout(bodyTimer);
        socket.destroy();
      };
    },
  );
}

/** The portal explains refusals as `{"detail": "Invalid token"}`. */
function portalDetail(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { detail?: unknown };
    return typeof parsed.detail === 'string' ? parsed.detail.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}
