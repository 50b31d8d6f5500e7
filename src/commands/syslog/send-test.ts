import * as Flags from '@oclif/core/flags';
import os from 'node:os';
import { DoctorCommand } from '../../command-base.js';
import { connectionFlags } from '../../config/flags.js';
import { LANGUAGES } from '../../catalog/index.js';
import { UsageError } from '../../errors.js';
import { hasControls } from '../../render/terminal.js';
import { renderSendTest, type SendTestResult } from '../../render/send-test.js';

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

  public async run(): Promise<SendTestResult> {
    const { flags } = await this.parse(SendTest);
    const { catalog } = await this.speaker(flags.lang);
    const systemName = flags['system-name'];
    // a line feed would end the event early and start a forged one; other controls reach the SIEM's screens
    if (systemName !== undefined && hasControls(systemName))
      throw new UsageError({ key: 'sendTest.badSystemName', params: { value: systemName } });
    const config = await this.resolveSettings(flags);
    const { version } = this.config;
    if (!config.syslogHost) throw new UsageError({ key: 'sendTest.needHost' });
    if (!config.syslogPort) throw new UsageError({ key: 'sendTest.needPort' });
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

    this.verdictExitCode = result.ok ? 0 : 1;
    const sent: SendTestResult = { ...result, host, port, protocol, framing, runId, count: flags.count };
    // under --json the document alone says it
    if (!this.jsonEnabled()) {
      const { out, err } = renderSendTest(sent, catalog, { timeoutMs: config.timeoutMs, pri: flags.pri });
      for (const line of out) this.log(line);
      for (const line of err) this.logToStderr(line);
    }
    return sent;
  }
}
