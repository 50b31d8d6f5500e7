import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DoctorCommand } from '../command-base.js';
import { connectionFlags } from '../config/flags.js';
import { LANGUAGES } from '../catalog/index.js';
import { UsageError } from '../errors.js';
import type { LogScan } from '../logs/scan.js';

export default class Logs extends DoctorCommand {
  static override summary = "Read the agent's log directory and map what it finds to the documented errors";
  static override description = `Reads every file of the agent's log folder whole, plain or gzip-compressed (rotated logs too), newest first by the times in the lines, for the error names the agent prints and the Java exceptions behind them (PKIX path building failed, No appropriate protocol, Connection refused, UnknownHostException…). Each finding is put on its side by the host in the line (the SIEM of --syslog-host, the portal of --portal-url, the --proxy) and mapped to its documented error, with its first and last time, count and one example line; where the lines show the agent's last contact with the portal, it says what the portal shows ("Connection error" after 2 hours, "Disconnected" after 12). Files not read are named with the reason. Secrets in log lines are redacted. Exit 0 when nothing is found, 1 when something is, 2 when the folder cannot be read.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> C:\\MCAS-SIEM-Agent\\Logs',
    '<%= config.bin %> <%= command.id %> /opt/mcas/logs --json',
    '<%= config.bin %> <%= command.id %> /opt/mcas/logs --since 2d --syslog-host siem.contoso.local --portal-url https://contoso.us3.portal.cloudappsecurity.com',
  ];
  static override args = {
    dir: Args.string({
      description: "the agent's log directory (default: --logs-directory or the config file's logsDirectory)",
    }),
  };
  static override flags = {
    'logs-directory': connectionFlags['logs-directory'],
    since: Flags.string({
      description:
        "count only lines from then on, by the lines' own times: a duration back from now (30m, 2h, 7d) or a time (2026-11-30, 2026-11-30T10:00)",
      helpValue: 'DURATION|TIME',
    }),
    // the agent's settings tell the SIEM side of a line from the portal side
    'syslog-host': connectionFlags['syslog-host'],
    'syslog-port': connectionFlags['syslog-port'],
    'portal-url': connectionFlags['portal-url'],
    proxy: connectionFlags.proxy,
    token: connectionFlags.token,
    config: connectionFlags.config,
    'from-process': Flags.boolean({
      description:
        "read token, proxy, logs directory and JRE from the running agent's command line (flags still win)",
    }),
    json: Flags.boolean({ description: 'print the result as JSON' }),
    lang: Flags.string({ description: 'language of the output', options: [...LANGUAGES] }),
  };

  public async run(): Promise<LogScan> {
    const { args, flags } = await this.parse(Logs);
    const [{ scanLogs, hostsOf, quietWindow }, { parseSince }] = await Promise.all([
      import('../logs/scan.js'),
      import('../logs/times.js'),
    ]);
    const config = await this.resolveSettings(flags);
    const dir = args.dir ?? config.logsDirectory;
    if (!dir) throw new UsageError({ key: 'config.error.noLogsDirectory' });
    const now = new Date();
    const since = flags.since === undefined ? undefined : parseSince(flags.since, now);
    const scan = await scanLogs(dir, {
      hosts: hostsOf(config),
      now,
      redact: this.redactor().text,
      ...(since !== undefined && { since }),
    });
    // nothing read is not clean: it could not be confirmed (exit 1, as a finding), unless every
    // file ends before the --since window (quiet for it)
    this.verdictExitCode = scan.findings.length > 0 || (scan.files === 0 && !quietWindow(scan)) ? 1 : 0;
    if (this.jsonEnabled()) return scan; // the document, redacted by jsonDocument
    const [{ catalog }, { renderLogs }] = await Promise.all([
      this.speaker(flags.lang),
      import('../render/logs.js'),
    ]);
    for (const line of renderLogs(scan, catalog, this.redactor())) this.log(line);
    return scan;
  }
}
