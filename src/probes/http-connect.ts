// HTTP CONNECT over our own socket, as the agent does it through --proxy: no credentials (the
// agent has no way to give any). Node's fetch ignores proxies, so this is done by hand.
import type net from 'node:net';
import { settleOnce, stopwatch } from './settle.js';

export type ConnectOutcome =
  | { ok: true; status: number; ms: number }
  | {
      ok: false;
      status?: number;
      statusText?: string;
      headers?: Record<string, string>;
      code?: string;
      ms: number;
    };

const MAX_HEADER_BYTES = 16 * 1024;

export function parseResponseHead(
  head: string,
): { status: number; statusText: string; headers: Record<string, string> } | undefined {
  const [statusLine, ...lines] = head.split('\r\n');
  const match = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/.exec(statusLine ?? '');
  if (!match) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(match[1]), statusText: match[2] ?? '', headers };
}

/**
 * After a 200, how long the tunnel must stay open before it is taken as usable. A proxy that
 * answers 200 and closes at once (the agent then fails with "Unable to tunnel through proxy" or a
 * closed connection) does so within a round trip; a portal never closes before our ClientHello.
 */
const TUNNEL_SETTLE_MS = 200;

/** Asks the proxy on `socket` for a tunnel to `target` (host:port). On 200 the socket is the tunnel. */
export function httpConnect(
  socket: net.Socket,
  target: string,
  timeoutMs: number,
  userAgent: string,
  settleMs = Math.min(TUNNEL_SETTLE_MS, timeoutMs / 4),
): Promise<ConnectOutcome> {
  const ms = stopwatch();
  let received = Buffer.alloc(0);
  // Set once the proxy said 200: what came after its answer already belongs to the tunnel.
  let tunnelled: Buffer | undefined;
  const open = (): ConnectOutcome => ({ ok: true, status: 200, ms: ms() });
  return settleOnce<ConnectOutcome>(
    timeoutMs,
    () => (tunnelled ? open() : { ok: false, code: 'ETIMEDOUT', ms: ms() }),
    (settle) => {
      let settleTimer: NodeJS.Timeout | undefined;
      // A tunnel that ends or breaks right after the 200 is no tunnel: the proxy closed it.
      const closedTunnel = (): ConnectOutcome => ({
        ok: false,
        status: 200,
        code: 'TUNNEL_CLOSED',
        ms: ms(),
      });
      const onError = (error: NodeJS.ErrnoException) =>
        settle(tunnelled ? closedTunnel() : { ok: false, code: error.code ?? 'ERROR', ms: ms() });
      const onEnd = () => settle(tunnelled ? closedTunnel() : { ok: false, code: 'CLOSED', ms: ms() });
      const onData = (chunk: Buffer) => {
        if (tunnelled) {
          // the far end speaks through the tunnel: it is open
          tunnelled = Buffer.concat([tunnelled, chunk]);
          return settle(open());
        }
        received = Buffer.concat([received, chunk]);
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) {
          if (received.length > MAX_HEADER_BYTES) settle({ ok: false, code: 'NOT_HTTP', ms: ms() });
          return;
        }
        const head = parseResponseHead(received.toString('latin1', 0, end));
        if (!head) return settle({ ok: false, code: 'NOT_HTTP', ms: ms() });
        if (head.status !== 200) {
          return settle({
            ok: false,
            status: head.status,
            statusText: head.statusText,
            headers: head.headers,
            ms: ms(),
          });
        }
        tunnelled = received.subarray(end + 4);
        if (tunnelled.length > 0) return settle(open());
        settleTimer = setTimeout(() => settle(open()), settleMs);
      };
      socket.on('data', onData);
      socket.on('error', onError);
      socket.on('end', onEnd);
      socket.write(
        `CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\nUser-Agent: ${userAgent}\r\nProxy-Connection: keep-alive\r\n\r\n`,
      );
      return () => {
        clearTimeout(settleTimer);
        // Hold the stream: nothing may flow past between our listener and the TLS layer taking over.
        socket.pause();
        socket.off('data', onData);
        socket.off('error', onError);
        socket.off('end', onEnd);
        // Given back only now that our listener is gone: unshift emits at once, and would feed the
        // bytes to us again.
        if (tunnelled && tunnelled.length > 0) socket.unshift(tunnelled);
      };
    },
  );
}
