// UDP has no handshake. The only evidence we can get is a refusal: a connected UDP socket receives
// the ICMP "port unreachable" as ECONNREFUSED. Silence proves nothing either way.
import dgram from 'node:dgram';

export type UdpOutcome = { refused: true; ms: number } | { refused: false; ms: number; code?: string };

export function probeUdp(address: string, family: 4 | 6, port: number, waitMs: number): Promise<UdpOutcome> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const socket = dgram.createSocket(family === 6 ? 'udp6' : 'udp4');
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: UdpOutcome) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      try {
        socket.close();
      } catch {
        // already closed
      }
      resolve(outcome);
    };
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(
        error.code === 'ECONNREFUSED'
          ? { refused: true, ms: ms() }
          : { refused: false, ms: ms(), code: error.code },
      ),
    );
    socket.connect(port, address, () => {
      // An empty datagram: enough to draw a refusal, nothing for a SIEM to store.
      socket.send(Buffer.alloc(0));
      timer = setTimeout(() => finish({ refused: false, ms: ms() }), waitMs);
    });
  });
}
