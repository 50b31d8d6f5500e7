// A fake tenant portal on 127.0.0.1 (HTTPS with a generated chain) and an HTTP CONNECT proxy, both
// real servers. The portal answers GET /api/v1/agents/siem/ like the real API: 401
// {"detail":"Invalid token"} unless the token is the one it knows.
import { mkdtemp, writeFile } from 'node:fs/promises';
import https from 'node:https';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { makePki } from './pki.js';
import { listenOnLoopback, type Peer } from './servers.js';

export const GOOD_TOKEN = `${'A1b2C3d4'.repeat(10)}==`; // 82 characters of the token alphabet

export interface PortalOptions {
  cert: string; // leaf + intermediates, PEM
  key: string;
  tls?: Pick<tls.SecureContextOptions, 'minVersion' | 'maxVersion' | 'ciphers'>;
  /** Answer every API call with this status (429, 503…) instead of judging the token. */
  status?: number;
  /** Send this Date header (for clock-skew tests). */
  date?: string;
  /** With `status`: this body instead of the throttling one. */
  body?: string;
  /** Send the status line and headers at once, then the body a byte every 300 ms. */
  trickle?: boolean;
}

export async function portalServer(
  options: PortalOptions,
): Promise<Peer & { requests: http.IncomingHttpHeaders[] }> {
  const requests: http.IncomingHttpHeaders[] = [];
  const server = https.createServer({ cert: options.cert, key: options.key, ...options.tls }, (req, res) => {
    requests.push(req.headers);
    if (options.date) res.setHeader('Date', options.date);
    res.setHeader('Content-Type', 'application/json');
    if (options.trickle) return trickle(res);
    if (req.url !== '/api/v1/agents/siem/') return res.end('{"portal":"home"}');
    if (options.status) {
      res.statusCode = options.status;
      return res.end(options.body ?? '{"detail":"Request was throttled."}');
    }
    if (req.headers.authorization === `Token ${GOOD_TOKEN}`) return res.end('{"data":[],"total":0}');
    res.statusCode = 401;
    res.end('{"detail":"Invalid token"}');
  });
  server.on('tlsClientError', () => undefined);
  return { ...(await listenOnLoopback(server)), requests };
}

/** Headers now, then a slow body: a portal behind a congested link, or a slow back end. */
function trickle(res: http.ServerResponse): void {
  const body = Buffer.from('{"data":[],"total":0}');
  res.writeHead(200, { 'Content-Length': body.length });
  res.flushHeaders();
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed || sent >= body.length) return clearInterval(timer);
    res.write(body.subarray(sent, ++sent));
  }, 300);
  res.on('close', () => clearInterval(timer));
}

/** A portal with a generated chain, and the CA file (for --ca-file) that makes this machine trust it. */
export async function trustedPortal(): Promise<{ portal: Peer; caFile: string }> {
  const pki = makePki();
  const portal = await portalServer({ cert: pki.chain(), key: pki.leaf.key });
  const caFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'sd-ca-')), 'ca.pem');
  await writeFile(caFile, pki.root.cert);
  return { portal, caFile };
}

export type ProxyMode = 'tunnel' | 407 | 403 | 502 | 'silent' | 'closeAfter200';

/** An HTTP CONNECT proxy: tunnels, or answers as a proxy that wants auth, filters, or fails upstream. */
export async function connectProxy(mode: ProxyMode): Promise<Peer & { targets: string[] }> {
  const targets: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(400).end());
  server.on('connect', (req: http.IncomingMessage, duplex, head: Buffer) => {
    const client = duplex as net.Socket;
    targets.push(req.url ?? '');
    client.on('error', () => undefined);
    sockets.add(client);
    if (mode === 'silent') return; // takes the request and never answers
    // says the tunnel is there, then closes it: what the agent meets as "Unable to tunnel"
    if (mode === 'closeAfter200') return client.end('HTTP/1.1 200 Connection established\r\n\r\n');
    if (mode === 407) {
      // with a body, as real proxies send one: the probe must not read it back into itself
      const body = '<html><body>Proxy authentication required</body></html>\n'.repeat(20);
      return client.end(
        `HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
    }
    if (mode === 403) return client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    if (mode === 502) return client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host === 'localhost' ? '127.0.0.1' : host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    sockets.add(upstream);
  });
  return { ...(await listenOnLoopback(server, sockets)), targets };
}
