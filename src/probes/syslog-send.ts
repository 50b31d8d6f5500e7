// Writes bytes to a syslog server over TCP and watches what the server does with the connection.
// After the write we keep the connection open for a short observation window, as the agent
// would: a server that closes or resets it on its own in that time has refused the data. Then we
// half-close; a receiver that reads sees the end of the stream and closes too. One that never
// does within the budget has stopped reading.
import type net from 'node:net';
import { settleOnce, stopwatch } from './settle.js';

export type SendOutcome =
  | { ok: true; bytes: number; ms: number }
  | { ok: false; kind: 'reset' | 'closed' | 'stalled'; code?: string; bytes: number; ms: number };

export function sendAndWatch(
  socket: net.Socket,
  payload: Buffer,
  timeoutMs: number,
  observeMs = Math.min(250, timeoutMs / 4),
): Promise<SendOutcome> {
  const ms = stopwatch();
  const bytes = payload.length;
  const stalled = (): SendOutcome => ({ ok: false, kind: 'stalled', bytes, ms: ms() });
  return settleOnce(timeoutMs, stalled, (settle) => {
    let endSent = false;
    let observe: NodeJS.Timeout | undefined;
    const cleanup = () => {
      clearTimeout(observe);
      socket.destroy();
    };
    socket.on('error', (error: NodeJS.ErrnoException) =>
      settle({ ok: false, kind: 'reset', code: error.code ?? 'ERROR', bytes, ms: ms() }),
    );
    // The server's end of stream: expected after ours, a refusal before it.
    socket.on('end', () =>
      settle(endSent ? { ok: true, bytes, ms: ms() } : { ok: false, kind: 'closed', bytes, ms: ms() }),
    );
    socket.on('data', () => undefined); // syslog servers do not answer; drain whatever comes
    // The connection may have been open a while (shared with the connection check).
    if (socket.errored) {
      settle({
        ok: false,
        kind: 'reset',
        code: (socket.errored as NodeJS.ErrnoException).code ?? 'ERROR',
        bytes: 0,
        ms: ms(),
      });
      return cleanup;
    }
    if (socket.readableEnded || socket.destroyed) {
      settle({ ok: false, kind: 'closed', bytes: 0, ms: ms() });
      return cleanup;
    }
    socket.write(payload, (error) => {
      if (error) return;
      observe = setTimeout(() => {
        endSent = true;
        socket.end();
      }, observeMs);
    });
    return cleanup;
  });
}
