// A TCP connection attempt with a budget. `ETIMEDOUT` here means our budget ran out with no answer
// at all (a firewall dropping packets); a refusal comes back at once as ECONNREFUSED.
import net from 'node:net';
import { settleOnce, stopwatch } from './settle.js';

export type TcpOutcome =
  { ok: true; socket: net.Socket; ms: number } | { ok: false; code: string; ms: number };

/**
 * `halfOpen`: the server's end of stream leaves our side open (Node would end it at once), so that
 * we can go on writing to a server that half-closes but reads on, as `ncat --recv-only` does.
 */
export function connectTcp(
  address: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
  { halfOpen = false }: { halfOpen?: boolean } = {},
): Promise<TcpOutcome> {
  const ms = stopwatch();
  const socket = net.connect({ host: address, port, allowHalfOpen: halfOpen });
  let connected = false;
  return settleOnce<TcpOutcome>(
    timeoutMs,
    () => ({ ok: false, code: 'ETIMEDOUT', ms: ms() }),
    (settle) => {
      const onAbort = () => settle({ ok: false, code: 'ABORTED', ms: ms() });
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('connect', () => {
        connected = true;
        settle({ ok: true, socket, ms: ms() });
      });
      socket.once('error', (error: NodeJS.ErrnoException) =>
        settle({ ok: false, code: error.code ?? 'ECONNECT', ms: ms() }),
      );
      return () => {
        signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners('connect');
        socket.removeAllListeners('error');
        if (!connected) socket.destroy();
      };
    },
  );
}

/** Connects and closes at once: does anything accept on that port? */
export async function probeTcp(address: string, port: number, timeoutMs: number, signal?: AbortSignal) {
  const outcome = await connectTcp(address, port, timeoutMs, signal);
  if (outcome.ok) outcome.socket.destroy();
  return outcome.ok ? { ok: true as const, ms: outcome.ms } : outcome;
}
