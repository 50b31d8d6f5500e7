// Writes bytes to a syslog server over TCP and watches what the server does with the connection.
// After the write we keep the connection open for a short observation window, as the agent
// would: a server that closes or resets it on its own in that time has refused the data. Then we
// half-close; a receiver that reads sees the end of the stream and closes too. One that never
// does within the budget has stopped reading.
import type net from 'node:net';

export type SendOutcome =
  | { ok: true; bytes: number; ms: number }
  | { ok: false; kind: 'reset' | 'closed' | 'stalled'; code?: string; bytes: number; ms: number };

export function sendAndWatch(
  socket: net.Socket,
  payload: Buffer,
  timeoutMs: number,
  observeMs = Math.min(250, timeoutMs / 4),
): Promise<SendOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let endSent = false;
    let settled = false;
    let observe: NodeJS.Timeout | undefined;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(observe);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ ok: false, kind: 'stalled', bytes: payload.length, ms: ms() }),
      timeoutMs,
    );
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, kind: 'reset', code: error.code ?? 'ERROR', bytes: payload.length, ms: ms() }),
    );
    // The server's end of stream: expected after ours, a refusal before it.
    socket.on('end', () =>
      finish(
        endSent
          ? { ok: true, bytes: payload.length, ms: ms() }
          : { ok: false, kind: 'closed', bytes: payload.length, ms: ms() },
      ),
    );
    socket.on('data', () => undefined); // syslog servers do not answer; drain whatever comes
    // The connection may have been open a while (shared with the connection check).
    if (socket.errored) {
      const code = (socket.errored as NodeJS.ErrnoException).code ?? 'ERROR';
      return finish({ ok: false, kind: 'reset', code, bytes: 0, ms: ms() });
    }
    if (socket.readableEnded || socket.destroyed)
      return finish({ ok: false, kind: 'closed', bytes: 0, ms: ms() });
    socket.write(payload, (error) => {
      if (error) return;
      observe = setTimeout(() => {
        endSent = true;
        socket.end();
      }, observeMs);
    });
  });
}
