// UDP has no handshake. The only evidence we can get is a refusal: a connected UDP socket receives
// the ICMP "port unreachable" as ECONNREFUSED. Silence proves nothing either way.
import dgram from 'node:dgram';
import { settleOnce, stopwatch } from './settle.js';

export type UdpOutcome = { refused: true; ms: number } | { refused: false; ms: number; code?: string };

export function probeUdp(address: string, family: 4 | 6, port: number, waitMs: number): Promise<UdpOutcome> {
  const ms = stopwatch();
  const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
  return settleOnce<UdpOutcome>(
    waitMs,
    () => ({ refused: false, ms: ms() }),
    (settle) => {
      socket.on('error', (error: NodeJS.ErrnoException) =>
        settle(
          error.code === 'ECONNREFUSED'
            ? { refused: true, ms: ms() }
            : { refused: false, ms: ms(), code: error.code },
        ),
      );
      // An empty datagram: enough to draw a refusal, nothing for a SIEM to store.
      socket.connect(port, address, () => socket.send(Buffer.alloc(0)));
      return () => {
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        try {
          socket.close();
        } catch {
          // already closed
        }
      };
    },
  );
}
