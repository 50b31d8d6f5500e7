// Writes bytes to a syslog server over TCP and watches what the server does with the connection.
// Three moments, each with its own evidence:
// 1. the write drains into the kernel (a receiver that does not read lets the buffers fill, and a
//    large write then never drains: that is a stall);
// 2. a short observation window with the connection open, as the agent keeps it: a server that
//    closes or resets it on its own in that time has refused the data;
// 3. we half-close and wait a short, bounded time for the server's close. A receiver that reads to
//    the end and closes confirms receipt. One that keeps its side open is not an error (the agent
//    never closes, so it would see none): TCP cannot tell that apart from a receiver that does not
//    read one small event, so receipt stays unconfirmed. We never wait out the whole budget for it.
import type net from 'node:net';
import { settleOnce, stopwatch } from './settle.js';

export type SendOutcome =
  /** confirmed: the server read to our end of stream and closed. */
  | { ok: true; confirmed: boolean; bytes: number; ms: number }
  | {
      ok: false;
      kind: 'reset' | 'closed' | 'stalled';
      code?: string;
      bytes: number;
      /** Whether the write had gone into the kernel's buffers before this happened. */
      drained: boolean;
      ms: number;
    };

export interface WatchTimes {
  /** Connection kept open after the write, as the agent keeps it. */
  observeMs: number;
  /** After our end of stream: how long the server's close is waited for. */
  closeWaitMs: number;
}

/** A fraction of the budget, never less than 500 ms nor more than 1 s (nor the budget itself). */
export function watchTimes(timeoutMs: number): WatchTimes {
  return {
    observeMs: Math.min(250, timeoutMs / 4),
    closeWaitMs: Math.min(timeoutMs / 2, Math.max(500, Math.min(1000, timeoutMs / 4))),
  };
}

export function sendAndWatch(
  socket: net.Socket,
  payload: Buffer,
  timeoutMs: number,
  times: WatchTimes = watchTimes(timeoutMs),
): Promise<SendOutcome> {
  const ms = stopwatch();
  const bytes = payload.length;
  let drained = false;
  const failure = (kind: 'reset' | 'closed' | 'stalled', code?: string): SendOutcome => ({
    ok: false,
    kind,
    ...(code !== undefined && { code }),
    bytes,
    drained,
    ms: ms(),
  });
  // The whole budget runs out only when the write never drained (step 1).
  const onTimeout = (): SendOutcome =>
    drained ? { ok: true, confirmed: false, bytes, ms: ms() } : failure('stalled');
  return settleOnce(timeoutMs, onTimeout, (settle) => {
    let endSent = false;
    let timer: NodeJS.Timeout | undefined;
    const cleanup = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    socket.on('error', (error: NodeJS.ErrnoException) => settle(failure('reset', error.code ?? 'ERROR')));
    // The server's end of stream: a confirmation after ours, a refusal before it.
    socket.on('end', () =>
      settle(endSent ? { ok: true, confirmed: true, bytes, ms: ms() } : failure('closed')),
    );
    socket.on('data', () => undefined); // syslog servers do not answer; drain whatever comes
    // The connection may have been open a while (shared with the connection check).
    if (socket.errored) {
      settle({ ...failure('reset', (socket.errored as NodeJS.ErrnoException).code ?? 'ERROR'), bytes: 0 });
      return cleanup;
    }
    if (socket.readableEnded || socket.destroyed) {
      settle({ ...failure('closed'), bytes: 0 });
      return cleanup;
    }
    socket.write(payload, (error) => {
      if (error) return; // the 'error' event reports it
      drained = true;
      timer = setTimeout(() => {
        endSent = true;
        socket.end();
        timer = setTimeout(() => settle({ ok: true, confirmed: false, bytes, ms: ms() }), times.closeWaitMs);
      }, times.observeMs);
    });
    return cleanup;
  });
}
