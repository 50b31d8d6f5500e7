// Sends framed syslog messages to a server, the way the agent does: one TCP connection with every
// event on it, or one UDP datagram per event.
import dgram from 'node:dgram';
import { resolveHost } from '../probes/dns.js';
import { sendAndWatch } from '../probes/syslog-send.js';
import { connectTcp } from '../probes/tcp.js';

export type SendResult =
  | { ok: true; address: string; sent: number; bytes: number; ms: number }
  | { ok: false; stage: 'dns'; code: string; ms: number }
  | { ok: false; stage: 'connect'; code: string; address: string; ms: number }
  | {
      ok: false;
      stage: 'send';
      /** refused: a UDP datagram drew "port unreachable". */
      kind: 'reset' | 'closed' | 'stalled' | 'refused';
      code?: string;
      address: string;
      sent: number;
      ms: number;
    };

export async function sendMessages(options: {
  host: string;
  port: number;
  protocol: 'tcp' | 'udp';
  messages: Buffer[];
  timeoutMs: number;
}): Promise<SendResult> {
  const { host, port, protocol, messages, timeoutMs } = options;
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const resolved = await resolveHost(host, timeoutMs);
  if (!resolved.ok) return { ok: false, stage: 'dns', code: resolved.code, ms: ms() };
  const { address, family } = resolved.addresses[0]!;
  const bytes = messages.reduce((n, m) => n + m.length, 0);

  if (protocol === 'tcp') {
    const connection = await connectTcp(address, port, timeoutMs);
    if (!connection.ok) return { ok: false, stage: 'connect', code: connection.code, address, ms: ms() };
    const outcome = await sendAndWatch(connection.socket, Buffer.concat(messages), timeoutMs);
    if (outcome.ok) return { ok: true, address, sent: messages.length, bytes, ms: ms() };
    return {
      ok: false,
      stage: 'send',
      kind: outcome.kind,
      ...(outcome.code && { code: outcome.code }),
      address,
      sent: 0,
      ms: ms(),
    };
  }

  const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
  const connectError = await new Promise<string | undefined>((resolve) => {
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'ERROR'));
    socket.connect(port, address, () => resolve(undefined));
  });
  if (connectError) {
    socket.close();
    return { ok: false, stage: 'connect', code: connectError, address, ms: ms() };
  }
  let refused = false;
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNREFUSED') refused = true;
  });
  let sent = 0;
  for (const message of messages) {
    if (refused) break;
    await new Promise<void>((resolve) => socket.send(message, () => resolve()));
    sent++;
  }
  // An ICMP refusal comes back within a round trip; give it a moment.
  await new Promise((resolve) => setTimeout(resolve, Math.min(timeoutMs, 300)));
  socket.close();
  if (refused)
    return { ok: false, stage: 'send', kind: 'refused', code: 'ECONNREFUSED', address, sent, ms: ms() };
  return { ok: true, address, sent, bytes, ms: ms() };
}
