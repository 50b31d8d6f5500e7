// Writes bytes to a syslog server over TCP and watches what the server does with the connection.
// Three moments, each with its own evidence:
// 1. the write drains into the kernel (a receiver that does not read lets the buffers fill, and a
//    large write then never drains: that is a stall);
// 2. a short observation window with the connection open, as the agent keeps it: a server that
//    resets it in that time has refused the data. The last byte is held back until the window
//    ends: a server that ended its side of the stream (before ours) may have closed the
//    connection, or only half-closed it and read on (`ncat --recv-only` does so at once). Only a
//    write tells them apart: to a closed connection it draws a reset, which fails the next write;
//    a half-closed one takes it, as it takes the agent's events;
// 3. we half-close and wait a short, bounded time for the server's close. A receiver that reads to
//    the end and closes confirms receipt. One that keeps its side open is not an error (the agent
//    never closes, so it would see none): TCP cannot tell that apart from a receiver that does not
//    read one small event, so receipt stays unconfirmed. We never wait out the whole budget for it.
import type net from 'node:net';
import { settleOnce, stopwatch } from './settle.js';

export type SendOutcome =
  /**
   * confirmed: the server read to our end of stream and closed. halfClosed: the server had ended
   * its side before ours, and took every byte without a reset (it reads on, unconfirmed).
   */
  | { ok: true; confirmed: boolean; halfClosed?: true; bytes: number; ms: number }
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

/**
 * What a write error says of the server: it had closed the connection (EPIPE: a write after its
 * close drew a reset; any error once it ended its side of the stream), or it reset it.
 */
export function closedBy(error: NodeJS.ErrnoException, peerEnded: boolean): 'closed' | 'reset' {
  return peerEnded || error.code === 'EPIPE' ? 'closed' : 'reset';
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
  /** The server's end of stream came before ours: it closed, or only half-closed (see step 2). */
  let peerEnded = socket.readableEnded;
  const unconfirmed = (): SendOutcome => ({
    ok: true,
    confirmed: false,
    ...(peerEnded && { halfClosed: true as const }),
    bytes,
    ms: ms(),
  });
  // The whole budget runs out only when the write never drained (step 1).
  const onTimeout = (): SendOutcome => (drained ? unconfirmed() : failure('stalled'));
  return settleOnce(timeoutMs, onTimeout, (settle) => {
    let endSent = false;
    let timer: NodeJS.Timeout | undefined;
    const cleanup = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    // after the server's end of stream, a write that fails says it had closed the connection
    socket.on('error', (error: NodeJS.ErrnoException) =>
      settle(failure(closedBy(error, peerEnded), error.code ?? 'ERROR')),
    );
    // The server's end of stream: a confirmation after ours; before it, the last byte tells.
    socket.on('end', () => {
      if (endSent) settle({ ok: true, confirmed: true, bytes, ms: ms() });
      else peerEnded = true;
    });
    socket.on('data', () => undefined); // syslog servers do not answer; drain whatever comes
    // The connection may have been open a while (shared with the connection check).
    if (socket.errored) {
      settle({ ...failure('reset', (socket.errored as NodeJS.ErrnoException).code ?? 'ERROR'), bytes: 0 });
      return cleanup;
    }
    if (socket.destroyed || socket.writableEnded) {
      settle({ ...failure('closed'), bytes: 0 });
      return cleanup;
    }
    const finish = () => {
      endSent = true;
      socket.end();
      // a server that ended its side already has nothing more to show
      if (peerEnded) settle(unconfirmed());
      else timer = setTimeout(() => settle(unconfirmed()), times.closeWaitMs);
    };
    const held = payload.length > 1 ? payload.length - 1 : payload.length;
    socket.write(payload.subarray(0, held), (error) => {
      if (error) return; // the 'error' event reports it
      drained = true;
      timer = setTimeout(() => {
        if (held === payload.length) return finish();
        socket.write(payload.subarray(held), (lastError) => {
          if (!lastError) finish();
        });
      }, times.observeMs);
    });
    return cleanup;
  });
}
