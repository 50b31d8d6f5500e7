// Sends framed syslog messages to a server, the way the agent does: one TCP connection with every
// event on it, or one UDP datagram per event.
import dgram from 'node:dgram';
import { resolveHost } from '../probes/dns.js';
import { sendAndWatch } from '../probes/syslog-send.js';
import { connectTcp } from '../probes/tcp.js';

export type SendResult =
  | { ok: true; address: string; sent: number; bytes: number; ms: number }
  | {
      ok: false;
      stage: 'dns' | 'connect' | 'send';
      code: string;
      address?: string;
      sent: number;
      bytes: number;
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
  if (!resolved.ok) return { ok: false, stage: 'dns', code: resolved.code, sent: 0, bytes: 0, ms: ms() };
  const target = resolved.addresses[0]!;
  const total = messages.reduce((n, m) => n + m.length, 0);

  if (protocol === 'tcp') {
    const connection = await connectTcp(target.address, port, timeoutMs);
    if (!connection.ok) {
      return {
        ok: false,
        stage: 'connect',
        code: connection.code,
        address: target.address,
        sent: 0,
        bytes: 0,
        ms: ms(),
      };
    }
    const outcome = await sendAndWatch(connection.socket, Buffer.concat(messages), timeoutMs);
    if (outcome.ok)
      return { ok: true, address: target.address, sent: messages.length, bytes: total, ms: ms() };
    const code =
      outcome.kind === 'reset'
        ? (outcome.code ?? 'ECONNRESET')
        : outcome.kind === 'closed'
          ? 'CLOSED'
          : 'STALLED';
    return {
      ok: false,
      stage: 'send',
      code,
      address: target.address,
      sent: 0,
      bytes: outcome.bytes,
      ms: ms(),
    };
  }

  const socket = dgram.createSocket(target.family === 6 ? 'udp6' : 'udp4');
  let refused = false;
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNREFUSED') refused = true;
  });
  await new Promise<void>((resolve) => socket.connect(port, target.address, () => resolve()));
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
  if (refused)
    return { ok: false, stage: 'send', code: 'ECONNREFUSED', address: target.address, sent, bytes, ms: ms() };
  return { ok: true, address: target.address, sent, bytes, ms: ms() };
}
