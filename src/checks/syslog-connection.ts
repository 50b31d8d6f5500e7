// syslog-connection: can the agent open a connection to the SIEM server? Every address of the name
// is tried, so a stale DNS entry or a half-moved server shows. UDP has no handshake: only a refusal
// is evidence, and silence is a warning, never a pass. Probes load on use: start-up stays lean.
import { fail, pass, skip, text, warn, type Check, type Finding } from './types.js';
import type { Text } from '../catalog/index.js';

const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export function ncatCommand(host: string, port: number, protocol: 'tcp' | 'udp', family: 4 | 6 = 4): string {
  return `ncat -${family} -v${protocol === 'udp' ? ' -u' : ''} ${host} ${port}`;
}

export function tcpFailure(code: string, address: string, port: number, timeoutMs: number): Text {
  if (code === 'ECONNREFUSED') return text('syslog.refused', { address, port });
  if (code === 'ETIMEDOUT') return text('syslog.timedOut', { address, port, seconds: timeoutMs / 1000 });
  if (code === 'ECONNRESET') return text('syslog.connectReset', { address, port });
  if (UNREACHABLE.has(code)) return text('syslog.unreachable', { address, port, code });
  return text('syslog.connectFailed', { address, port, code });
}

export const syslogConnection = {
  id: 'syslog-connection',
  documentedError: 'Data server connection error',
  async run(ctx): Promise<Finding> {
    const { syslogHost: host, syslogPort: port, protocol, timeoutMs } = ctx.config;
    if (!host) return skip('syslog.noHost', undefined, { needs: ['--syslog-host', '--syslog-port'] });
    if (!port) return skip('syslog.noPort', undefined, { needs: ['--syslog-port'] });
    const fixes = [
      text('syslog.fix.portal'),
      text('syslog.fix.listening', { port }),
      text('syslog.fix.firewall', { host, port }),
    ];

    const [{ probeTcp }, { probeUdp }] = await Promise.all([
      import('../probes/tcp.js'),
      import('../probes/udp.js'),
    ]);
    const resolved = await ctx.facts.syslogAddresses();
    if (!resolved.ok) {
      return fail(
        'syslog.dnsFailed',
        { host, code: resolved.code },
        {
          evidence: { host, port, protocol, code: resolved.code },
          resolution: [text('syslog.fix.dns'), text('syslog.fix.portal')],
          reproduce: `nslookup ${host}`,
        },
      );
    }
    const addresses = resolved.addresses.map((a) => a.address);
    const family = resolved.addresses[0]!.family;
    const reproduce = ncatCommand(host, port, protocol, family);

    if (protocol === 'udp') {
      const waitMs = Math.min(timeoutMs, 1000);
      const results = await Promise.all(
        resolved.addresses.map((a) => probeUdp(a.address, a.family, port, waitMs)),
      );
      const refused = resolved.addresses.filter((_, i) => results[i]!.refused);
      const evidence = { host, addresses, port, protocol, refused: refused.map((a) => a.address) };
      if (refused.length > 0) {
        return fail(
          'syslog.udpRefused',
          { address: refused[0]!.address, port },
          {
            evidence: { ...evidence, code: 'ECONNREFUSED' },
            resolution: fixes,
            reproduce,
          },
        );
      }
      return warn(
        'syslog.udpUnconfirmed',
        { address: addresses.join(', '), port },
        {
          evidence,
          resolution: [text('syslog.fix.udp')],
          reproduce,
        },
      );
    }

    // The first address goes through the shared connection, which syslog-send then writes on.
    const [primary, ...others] = resolved.addresses;
    const results = await Promise.all([
      ctx.facts.syslogConnection(ctx.signal).then((shared) => ({
        address: primary!.address,
        ...(shared!.outcome.ok ? { ok: true as const, ms: shared!.outcome.ms } : shared!.outcome),
      })),
      ...others.map(async (a) => ({
        address: a.address,
        ...(await probeTcp(a.address, port, timeoutMs, ctx.signal)),
      })),
    ]);
    const accepted = results.filter((r) => r.ok);
    const failed = results.filter((r): r is typeof r & { ok: false; code: string } => !r.ok);
    const evidence = {
      host,
      addresses,
      port,
      protocol,
      attempts: results.map((r) => ({ address: r.address, outcome: r.ok ? 'accepted' : r.code, ms: r.ms })),
    };
    if (failed.length === 0) {
      return pass('syslog.tcpOk', { host, port, addresses: addresses.join(', ') }, { evidence, reproduce });
    }
    const first = failed[0]!;
    const reason = tcpFailure(first.code, first.address, port, timeoutMs);
    if (accepted.length > 0) {
      // The agent may pick any of the addresses: some of its connections will fail.
      return warn(
        'syslog.partial',
        { ok: accepted.length, total: results.length, host, port },
        {
          evidence: { ...evidence, code: first.code },
          resolution: [text('syslog.fix.ipChanged'), ...fixes.slice(1)],
          reproduce,
          documented: true,
        },
      );
    }
    return {
      status: 'fail',
      message: reason,
      evidence: { ...evidence, code: first.code },
      resolution: fixes,
      reproduce,
    };
  },
} as const satisfies Check;
