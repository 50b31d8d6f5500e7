// A TCP connection attempt with a budget. `ETIMEDOUT` here means our budget ran out with no answer
// at all (a firewall dropping packets); a refusal comes back at once as ECONNREFUSED.
import net from 'node:net';

export type TcpOutcome =
  { ok: true; socket: net.Socket; ms: number } | { ok: false; code: string; ms: number };

export function connectTcp(
  address: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<TcpOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    const finish = (outcome: TcpOutcome) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('connect');
      socket.removeAllListeners('error');
      if (!outcome.ok) socket.destroy();
      resolve(outcome);
    };
    const onAbort = () => finish({ ok: false, code: 'ABORTED', ms: ms() });
    const timer = setTimeout(() => finish({ ok: false, code: 'ETIMEDOUT', ms: ms() }), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish({ ok: true, socket, ms: ms() }));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, code: error.code ?? 'ECONNECT', ms: ms() }),
    );
  });
}

/** Connects and closes at once: does anything accept on that port? */
export async function probeTcp(address: string, port: number, timeoutMs: number, signal?: AbortSignal) {
  const outcome = await connectTcp(address, port, timeoutMs, signal);
  if (outcome.ok) outcome.socket.destroy();
  return outcome.ok ? { ok: true as const, ms: outcome.ms } : outcome;
}
