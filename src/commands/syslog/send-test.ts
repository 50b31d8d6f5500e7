import * as Flags from '@oclif/core/flags';
import os from 'node:os';
import { DoctorCommand } from '../../command-base.js';
import { connectionFlags } from '../../config/flags.js';
import { LANGUAGES, type Text } from '../../catalog/index.js';
import { UsageError } from '../../errors.js';
import { hasControls } from '../../render/terminal.js';
import { tcpFailure } from '../../checks/syslog-connection.js';
import type { SendResult } from '../../syslog/sender.js';

export default class SendTest extends DoctorCommand {
  static override summary = "Send sample events in the agent's CEF format to the SIEM";
  static override description = `Sends activities and alerts shaped like the agent's (every one marked: externalId siem-doctor-…, and a msg that says it is a test) over TCP or UDP, framed by line feed as the agent does or octet-counted, optionally with the PRI and RFC 3164 header of the portal's Generic CEF options. Exit 1 when the server refused or dropped the connection.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> --syslog-host siem.contoso.local --syslog-port 514',
    '<%= config.bin %> <%= command.id %> --syslog-host 127.0.0.1 --syslog-port 6514 --protocol udp --count 20',
    '<%= config.bin %> <%= command.id %> --syslog-host siem.contoso.local --syslog-port 514 --pri 134 --rfc3164',
  ];

  static override flags = {
    'syslog-host': connectionFlags['syslog-host'],
    'syslog-port': connectionFlags['syslog-port'],
    protocol: connectionFlags.protocol,
    timeout: connectionFlags.timeout,
    config: connectionFlags.config,
    count: Flags.integer({ description: 'how many events', default: 5, min: 1, max: 1_000_000 }),
    framing: Flags.string({
      description: 'lf: a line feed ends each event (the agent); octet: RFC 6587 octet counting',
      options: ['lf', 'octet'],
      default: 'lf',
    }),
    pri: Flags.integer({
      description: 'put <PRI> in front of each event (e.g. 134 = local0.info)',
      min: 0,
      max: 191,
    }),
    rfc3164: Flags.boolean({
      description: 'use an RFC 3164 header (Mmm dd hh:mm:ss host) instead of the agent’s ISO time',
    }),
    'system-name': Flags.string({
      description: 'system name written after the time (the agent’s [system name])',
    }),
    json: Flags.boolean({ description: 'print the result as JSON' }),
    lang: Flags.string({ description: 'language of the output', options: [...LANGUAGES] }),
  };

  public async run(): Promise<unknown> {
    const { flags } = await this.parse(SendTest);
    const systemName = flags['system-name'];
    // a line feed would end the event early and start a forged one; other controls reach the SIEM's screens
    if (systemName !== undefined && hasControls(systemName))
      throw new UsageError(
        `--system-name "${systemName}" holds control characters (a line feed ends an event): give one line of text`,
      );
    const config = await this.resolveSettings(flags);
    const { version } = this.config;
    if (!config.syslogHost)
      throw new UsageError('--syslog-host is required, e.g. --syslog-host siem.contoso.local');
    if (!config.syslogPort) throw new UsageError('--syslog-port is required, e.g. --syslog-port 514');
    const { syslogHost: host, syslogPort: port, protocol } = config;

    const [{ eachSampleEvent, newRunId }, cef, { frame }, { sendMessages }] = await Promise.all([
      import('../../syslog/test-events.js'),
      import('../../syslog/cef.js'),
      import('../../syslog/framing.js'),
      import('../../syslog/sender.js'),
    ]);
    const runId = newRunId();
    const framing = flags.framing as 'lf' | 'octet';
    const hostname = systemName ?? os.hostname();
    // made one at a time as the sender asks for them: memory stays flat whatever --count
    function* messages() {
      const events = eachSampleEvent({ count: flags.count, runId, version, systemName });
      for (const event of events) {
        const line = flags.rfc3164 ? cef.formatRfc3164Line(event, hostname) : cef.formatAgentLine(event);
        yield frame(line, { framing, pri: flags.pri });
      }
    }
    const result = await sendMessages({
      host,
      port,
      protocol,
      messages: messages(),
      timeoutMs: config.timeoutMs,
    });

    const { say } = await this.speaker(flags.lang);
    this.verdictExitCode = result.ok ? 0 : 1;
    if (this.jsonEnabled()) return { ...result, host, port, protocol, framing, runId, count: flags.count };
    if (result.ok) {
      this.log(
        say({
          key: 'sendTest.sent',
          params: {
            count: result.sent,
            bytes: result.bytes,
            host,
            port,
            protocol,
            address: result.address,
            framing,
          },
        }),
      );
      this.log(say({ key: 'sendTest.find', params: { runId, count: flags.count } }));
      if (protocol === 'udp') this.log(say({ key: 'sendTest.udp' }));
      if (protocol === 'tcp' && framing === 'lf' && flags.pri === undefined)
        this.log(say({ key: 'syslog.hint.framing' }));
    } else {
      this.logToStderr(
        say({
          key: 'sendTest.failed',
          params: {
            host,
            port,
            protocol,
            reason: say(failureText(result, host, port, config.timeoutMs)),
          },
        }),
      );
      if (result.stage === 'send')
        this.logToStderr(
          say({ key: 'sendTest.sentBefore', params: { sent: result.sent, count: flags.count } }),
        );
    }
    return undefined;
  }
}

/** Why sending failed, in the words the syslog checks use for the same outcomes. */
function failureText(
  result: Exclude<SendResult, { ok: true }>,
  host: string,
  port: number,
  timeoutMs: number,
): Text {
  switch (result.stage) {
    case 'dns':
      return { key: 'syslog.dnsFailed', params: { host, code: result.code } };
    case 'connect':
      return tcpFailure(result.code, result.address, port, timeoutMs);
    default:
      switch (result.kind) {
        case 'refused':
          return { key: 'syslog.udpRefused', params: { address: result.address, port } };
        case 'reset':
          return { key: 'syslog.sendReset', params: { code: result.code ?? 'ECONNRESET' } };
        case 'closed':
          return { key: 'syslog.sendClosed' };
        default:
          return { key: 'syslog.sendStalled', params: { seconds: timeoutMs / 1000 } };
      }
  }
}
