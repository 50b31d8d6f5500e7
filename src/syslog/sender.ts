// Sends framed syslog messages to a server, the way the agent does: one TCP connection with every
// event on it, or one UDP datagram per event.
//
// Bounded by design, whatever the count: the connection comes first (a closed port fails before
// any event is made), then the events are made as they are written, a batch at a time, and a
// batch waits until the connection takes more ('drain'). A receiver that takes nothing for longer
// than the timeout has stalled, and the result says how many events it took before that.
import dgram from 'node:dgram';
import type net from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { resolveHost } from '../probes/dns.js';
import { settleOnce } from '../probes/settle.js';
import { closedBy, sendAndWatch } from '../probes/syslog-send.js';
import { connectTcp } from '../probes/tcp.js';

/** Events written at once: few system calls, little memory. */
const BATCH_BYTES = 64 * 1024;

export type SendResult =
  /** halfClosed: the server ended its side of the connection first, and took every event after. */
  | { ok: true; address: string; sent: number; bytes: number; ms: number; halfClosed?: true }
  | { ok: false; stage: 'dns'; code: string; ms: number }
  | { ok: false; stage: 'connect'; code: string; address: string; ms: number }
  | {
      ok: false;
      stage: 'send';
      /** refused: a UDP datagram drew "port unreachable". */
      kind: 'reset' | 'closed' | 'stalled' | 'refused';
      code?: string;
      address: string;
      /** Events the connection took before it failed. */
      sent: number;
      ms: number;
    };

type Streamed =
  | { ok: true; sent: number; bytes: number; halfClosed?: true }
  | { ok: false; kind: 'reset' | 'closed' | 'stalled' | 'refused'; code?: string; sent: number };

export async function sendMessages(options: {
  host: string;
  port: number;
  protocol: 'tcp' | 'udp';
  /** Read one at a time, as they are sent (a generator keeps memory flat in the count). */
  messages: Iterable<Buffer>;
  timeoutMs: number;
}): Promise<SendResult> {
  const { host, port, protocol, messages, timeoutMs } = options;
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const resolved = await resolveHost(host, timeoutMs);
  if (!resolved.ok) return { ok: false, stage: 'dns', code: resolved.code, ms: ms() };
  const { address, family } = resolved.addresses[0]!;

  let outcome: Streamed;
  if (protocol === 'tcp') {
    const connection = await connectTcp(address, port, timeoutMs, undefined, { halfOpen: true });
    if (!connection.ok) return { ok: false, stage: 'connect', code: connection.code, address, ms: ms() };
    outcome = await streamTcp(connection.socket, messages, timeoutMs);
  } else {
    const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
    const connectError = await new Promise<string | undefined>((resolve) => {
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'ERROR'));
      socket.connect(port, address, () => resolve(undefined));
    });
    if (connectError) {
      socket.close();
      return { ok: false, stage: 'connect', code: connectError, address, ms: ms() };
    }
    outcome = await streamUdp(socket, messages, timeoutMs);
  }
  if (outcome.ok) return { ...outcome, address, ms: ms() };
  const { kind, code, sent } = outcome;
  return { ok: false, stage: 'send', kind, ...(code && { code }), address, sent, ms: ms() };
}

/** The messages gathered into chunks of about BATCH_BYTES, with how many events each holds. */
function* batches(messages: Iterable<Buffer>): Generator<{ chunk: Buffer; events: number }> {
  let parts: Buffer[] = [];
  let length = 0;
  for (const message of messages) {
    parts.push(message);
    length += message.length;
    if (length >= BATCH_BYTES) {
      yield { chunk: Buffer.concat(parts, length), events: parts.length };
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield { chunk: Buffer.concat(parts, length), events: parts.length };
}

type Failure = { kind: 'reset' | 'closed' | 'stalled'; code?: string };

/**
 * Writes the batches one after the other, each once the connection has taken the one before;
 * the last goes through sendAndWatch, which watches how the server ends the connection, as the
 * syslog-send check does for its one event.
 */
async function streamTcp(
  socket: net.Socket,
  messages: Iterable<Buffer>,
  timeoutMs: number,
): Promise<Streamed> {
  let sent = 0; // events whose bytes the system took
  let bytes = 0;
  let failure: Failure | undefined;
  /**
   * The events taken when the server ended its side of the stream: it closed the connection (the
   * next write fails, and what was written since is lost) or only half-closed it and reads on.
   */
  let sentAtEnd: number | undefined;
  const onError = (error: NodeJS.ErrnoException) =>
    (failure ??= { kind: closedBy(error, sentAtEnd !== undefined), code: error.code ?? 'ERROR' });
  const onEnd = () => (sentAtEnd ??= sent);
  const ignore = () => undefined; // syslog servers do not answer; drain whatever comes
  socket.on('error', onError).on('end', onEnd).on('data', ignore);

  /** Taken before a failure: after a close, only what came before the server's end of stream. */
  const taken = (kind: Failure['kind']) => (kind === 'closed' && sentAtEnd !== undefined ? sentAtEnd : sent);
  const pending = batches(messages);
  let next = pending.next();
  for (;;) {
    const batch = next.done ? { chunk: Buffer.alloc(0), events: 0 } : next.value;
    next = pending.next();
    bytes += batch.chunk.length;
    if (next.done) {
      socket.off('error', onError).off('end', onEnd).off('data', ignore);
      const outcome = failure
        ? { ok: false as const, ...failure }
        : await sendAndWatch(socket, batch.chunk, timeoutMs);
      if (outcome.ok)
        return {
          ok: true,
          sent: sent + batch.events,
          bytes,
          ...(outcome.halfClosed && { halfClosed: true }),
        };
      socket.destroy();
      return {
        ok: false,
        kind: outcome.kind,
        ...(outcome.code && { code: outcome.code }),
        sent: taken(outcome.kind),
      };
    }
    const flowing = socket.write(batch.chunk, (error) => {
      if (!error) sent += batch.events;
    });
    // a turn of the event loop either way, so that an error or an end of stream is seen
    if (flowing) await nextTurn();
    else if ((await drained(socket, timeoutMs)) === 'stalled') failure ??= { kind: 'stalled' };
    if (failure) {
      socket.destroy();
      return { ok: false, ...failure, sent: taken(failure.kind) };
    }
  }
}

/**
 * Until the connection takes more ('drain'), fails or closes, or has taken nothing for `timeoutMs`.
 * The server's end of stream is not its end: the connection is half-open (see streamTcp).
 */
function drained(socket: net.Socket, timeoutMs: number): Promise<'drain' | 'gone' | 'stalled'> {
  return settleOnce<'drain' | 'gone' | 'stalled'>(
    timeoutMs,
    () => 'stalled',
    (settle) => {
      const onDrain = () => settle('drain');
      const onGone = () => settle('gone'); // the persistent listeners tell why
      socket.on('drain', onDrain).on('error', onGone).on('close', onGone);
      return () => socket.off('drain', onDrain).off('error', onGone).off('close', onGone);
    },
  );
}

/** One datagram at a time, each sent before the next is made. */
async function streamUdp(
  socket: dgram.Socket,
  messages: Iterable<Buffer>,
  timeoutMs: number,
): Promise<Streamed> {
  let refused = false;
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNREFUSED') refused = true;
  });
  let sent = 0;
  let bytes = 0;
  for (const message of messages) {
    if (refused) break;
    await new Promise<void>((resolve) => socket.send(message, () => resolve()));
    sent++;
    bytes += message.length;
  }
  // An ICMP refusal comes back within a round trip; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, Math.min(timeoutMs, 300)));
  socket.close();
  if (refused) return { ok: false, kind: 'refused', code: 'ECONNREFUSED', sent };
  return { ok: true, sent, bytes };
}
