// syslog-send: one marked test event, written the way the agent writes, and the connection
// watched for a reset, an early close or a write that does not drain (fail). A receiver that
// takes the event and keeps the connection open gives no error to the agent either: that is a
// warning, receipt not confirmed, since TCP cannot tell it from one that does not read.
import { ncatCommand, tcpFailure } from './syslog-connection.js';
import { fail, pass, skip, text, warn, type Check, type Finding } from './types.js';

export const syslogSend = {
  id: 'syslog-send',
  documentedError: 'Data server send error',
  requires: ['syslog-connection'],
  // a connection, then the write watched for up to the same budget
  budgetMs: (config) => 2 * config.timeoutMs + 1000,
  async run(ctx): Promise<Finding> {
    const { syslogHost: host, syslogPort: port, protocol, timeoutMs } = ctx.config;
    if (!ctx.config.sendTestEvent) return skip('syslog.sendDisabled');
    if (!host) return skip('syslog.noHost', undefined, { needs: ['--syslog-host', '--syslog-port'] });
    if (!port) return skip('syslog.noPort', undefined, { needs: ['--syslog-port'] });
    if (protocol === 'udp') return skip('syslog.sendUdp');

    // loaded on use, so that a run without a SIEM server never pays for them
    const [
      os,
      { connectTcp },
      { sendAndWatch },
      { formatAgentLine },
      { frame },
      { connectivityTestEvent, newRunId },
    ] = await Promise.all([
      import('node:os'),
      import('../probes/tcp.js'),
      import('../probes/syslog-send.js'),
      import('../syslog/cef.js'),
      import('../syslog/framing.js'),
      import('../syslog/test-events.js'),
    ]);
    const shared = await ctx.facts.syslogConnection(ctx.signal);
    if (!shared) return skip('syslog.noHost');
    const { target } = shared;
    const reproduce = ncatCommand(host, port, 'tcp', target.family);
    const fixes = [
      text('syslog.fix.reset'),
      text('syslog.fix.stall'),
      text('syslog.fix.sendTest', { host, port, protocol }),
    ];
    let socket = ctx.facts.syslogSocket.take();
    if (!socket) {
      const fresh = await connectTcp(target.address, port, timeoutMs, ctx.signal, { halfOpen: true });
      if (!fresh.ok) {
        return {
          status: 'fail',
          message: tcpFailure(fresh.code, target.address, port, timeoutMs),
          evidence: { host, address: target.address, port, code: fresh.code },
          resolution: [text('syslog.fix.portal'), text('syslog.fix.listening', { port })],
          reproduce,
        };
      }
      socket = fresh.socket;
    }
    const externalId = newRunId();
    const line = formatAgentLine(
      connectivityTestEvent({
        runId: externalId,
        version: ctx.toolVersion,
        now: ctx.now,
        host: os.hostname(),
      }),
    );
    const payload = frame(line, { framing: 'lf' });
    const outcome = await sendAndWatch(socket, payload, timeoutMs);
    const evidence = {
      host,
      address: target.address,
      port,
      bytes: payload.length,
      externalId,
      ms: outcome.ms,
    };
    if (outcome.ok && outcome.confirmed) {
      return pass(
        'syslog.sendOk',
        { bytes: payload.length, externalId, host, port },
        { evidence, reproduce },
      );
    }
    if (outcome.ok) {
      // Written and drained, no reset, no close: what the agent sees as success. Receipt is what
      // TCP cannot show here, so this is a warning with what was observed, never a failure. A
      // server that half-closed first took the last byte without a reset: it reads on.
      const halfClosed = outcome.halfClosed === true;
      return warn(
        halfClosed ? 'syslog.sendHalfClosed' : 'syslog.sendUnconfirmed',
        { bytes: payload.length, externalId, host, port },
        {
          evidence: {
            ...evidence,
            drained: true,
            peerClosed: halfClosed,
            ...(halfClosed ? { halfClosed } : { waitedMs: outcome.ms }),
          },
          resolution: [
            text(halfClosed ? 'syslog.fix.findHalfClosed' : 'syslog.fix.findEvent', { externalId }),
            fixes[2]!,
          ],
          reproduce,
        },
      );
    }
    const observed = { ...evidence, drained: outcome.drained };
    switch (outcome.kind) {
      case 'reset':
        return fail(
          'syslog.sendReset',
          { code: outcome.code ?? '' },
          {
            evidence: { ...observed, code: outcome.code },
            resolution: fixes,
            reproduce,
          },
        );
      case 'closed':
        return fail('syslog.sendClosed', undefined, {
          evidence: { ...observed, bytes: 0, ...(outcome.code && { code: outcome.code }) },
          resolution: fixes,
          reproduce,
        });
      default:
        return fail(
          'syslog.sendStalled',
          { seconds: timeoutMs / 1000 },
          {
            evidence: { ...observed, code: 'STALLED' },
            resolution: [fixes[1]!, fixes[0]!, fixes[2]!],
            reproduce,
          },
        );
    }
  },
} as const satisfies Check;
