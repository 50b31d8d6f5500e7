import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DoctorCommand } from '../command-base.js';
import { connectionFlags } from '../config/flags.js';
import { LANGUAGES } from '../catalog/index.js';
import { UsageError } from '../errors.js';
import { neutralise } from '../render/terminal.js';

export default class Logs extends DoctorCommand {
  static override summary = "Read the agent's log directory and map what it finds to the documented errors";
  static override description = `Looks through the agent's logs (newest files first) for the error names the agent prints and the Java exceptions behind them (PKIX path building failed, No appropriate protocol, UnknownHostException…), and says which documented error each is, how often, where last, and what to do. Secrets in log lines are redacted. Exit 0 when none is found, 1 when one is, 2 when the folder cannot be read.`;
  static override examples = [
    '<%= config.bin %> <%= command.id %> C:\\MCAS-SIEM-Agent\\Logs',
    '<%= config.bin %> <%= command.id %> /opt/mcas/logs --json',
  ];
  static override args = {
    dir: Args.string({
      description: "the agent's log directory (default: --logs-directory or the config file's logsDirectory)",
    }),
  };
  static override flags = {
    'logs-directory': connectionFlags['logs-directory'],
    config: connectionFlags.config,
    'from-process': Flags.boolean({
      description:
        "read token, proxy, logs directory and JRE from the running agent's command line (flags still win)",
    }),
    json: Flags.boolean({ description: 'print the result as JSON' }),
    lang: Flags.string({ description: 'language of the output', options: [...LANGUAGES] }),
  };

  public async run(): Promise<unknown> {
    const { args, flags } = await this.parse(Logs);
    const { scanLogs, LogsDirectoryError } = await import('../logs/scan.js');
    const config = await this.resolveSettings(flags);
    const dir = args.dir ?? config.logsDirectory;
    if (!dir)
      throw new UsageError("name the agent's log directory: siem-doctor logs DIR (or --logs-directory DIR)");
    let scan;
    try {
      scan = await scanLogs(dir);
    } catch (error) {
      if (error instanceof LogsDirectoryError) throw new UsageError(error.message);
      throw error;
    }
    const redactor = this.redactor();
    // Every line through the redactor: log lines, but also the folder and file names around them;
    // and none raw to the terminal (they are the agent's, or anyone's who could write there).
    const print = (line: string) => this.log(neutralise(redactor.text(line)));
    this.verdictExitCode = scan.matches.length > 0 ? 1 : 0;
    if (this.jsonEnabled()) return scan; // the document, redacted by jsonDocument
    {
      const { catalog, say } = await this.speaker(flags.lang);
      if (scan.matches.length === 0)
        print(say({ key: 'logs.clean', params: { files: scan.files, lines: scan.lines, dir } }));
      // every file not searched, so that "clean" is read for what it covers
      for (const { file, reason, code } of scan.skipped)
        print(
          say({
            key: 'logs.skippedFile',
            params: {
              file,
              reason: say({ key: `logs.skip.${reason}`, params: { code: code ?? '' } }),
            },
          }),
        );
      for (const [i, m] of scan.matches.entries()) {
        print(
          say({
            key: 'logs.found',
            params: { error: m.error, count: m.count, file: m.last.file, line: m.last.line },
          }),
        );
        print(`    ${m.last.text}`);
        if (i === 0)
          catalog.documentedErrors[m.error].resolution.forEach((step, n) => print(`    ${n + 1}. ${step}`));
      }
    }
    return scan;
  }
}
