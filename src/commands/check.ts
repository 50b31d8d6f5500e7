import * as Flags from '@oclif/core/flags';
import { RoundCommand } from '../round-command.js';
import { connectionFlags } from '../config/flags.js';
import { LANGUAGES, fill } from '../catalog/index.js';
import { FORMATS, type Format } from '../render/index.js';
import { renderFixLines } from '../render/fixes.js';
import { neutralise } from '../render/terminal.js';
import { exitCodeFor, type Report } from '../report.js';
import { redactReport } from '../render/redact.js';
// What every run needs is imported here, into the start-up bundle: a lazy chunk per module costs
// more to find and link than the code itself. What only some runs need stays lazy.
import { runRound } from '../checks/round.js';
import type { FixOptions } from '../checks/fix.js';
import type { Check as DoctorCheck, CheckResult } from '../checks/types.js';

export default class CheckCommand extends RoundCommand {
  static override summary = 'Run the checks and say which documented agent error each problem is';
  static override description = `Every check probes the real thing — the Java runtime, the network, the SIEM server — and reports pass, warn, fail or skip with its evidence. A finding that matches an error of the agent or the portal names it exactly as they show it and gives the steps to mend it.

Exit codes: 0 nothing failed, 1 a check failed or crashed (or warned, with --strict), 2 bad input.`;
  static override examples = [
    {
      description: 'Everything that can be checked from the given settings',
      command: '<%= config.bin %> <%= command.id %> --syslog-host siem.contoso.local --syslog-port 514',
    },
    {
      description: 'Only the Java checks, as JSON for a script',
      command: '<%= config.bin %> <%= command.id %> --only java-runtime,java-tls,java-certs --json',
    },
    {
      description: 'A CI preflight that fails on warnings and writes JUnit',
      command:
        '<%= config.bin %> <%= command.id %> --strict --skip lifecycle --format junit --output siem-doctor.xml',
    },
  ];

  static override flags = {
    ...connectionFlags,
    only: Flags.string({ description: 'run only these checks', helpValue: 'ID[,ID]' }),
    skip: Flags.string({ description: 'leave these checks out', helpValue: 'ID[,ID]' }),
    strict: Flags.boolean({ description: 'warnings fail the run (exit 1)' }),
    format: Flags.string({ description: 'report format', options: [...FORMATS], default: 'text' }),
    json: Flags.boolean({ description: 'same as --format json' }),
    output: Flags.string({
      char: 'o',
      description: 'write the report to this file instead of stdout',
      helpValue: 'FILE',
    }),
    append: Flags.boolean({ description: 'with --format ndjson --output FILE: add the lines to the file' }),
    lang: Flags.string({
      description: 'language of the report [default: from LC_ALL/LANG, else en]',
      options: [...LANGUAGES],
    }),
    chain: Flags.string({
      description:
        "the portal's served chain as PEM (leaf first), for java-certs when the portal cannot be probed from here",
      helpValue: 'FILE',
    }),
    'from-process': Flags.boolean({
      description:
        "read token, proxy, logs directory and JRE from the running agent's command line (flags still win, but the JRE judged is the agent's own)",
    }),
    fix: Flags.boolean({
      description: 'offer the fixes that exist (java-certs: import the portal chain’s CAs), each confirmed',
    }),
    yes: Flags.boolean({
      char: 'y',
      description: 'with --fix: apply without asking (required without a terminal)',
    }),
    'test-event': Flags.boolean({
      description: 'send the marked test event to the SIEM (syslog-send); --no-test-event to leave it out',
      allowNo: true,
      default: true,
    }),
  };

  public async run(): Promise<Report | undefined> {
    const { flags } = await this.parse(CheckCommand);
    const format: Format = flags.json ? 'json' : (flags.format as Format);
    const { config, checks, catalog } = await this.prepare(flags);
    const spinner = await this.startSpinner(
      format,
      fill(catalog.messages['ui.running'], { count: checks.length }, catalog.lang),
    );
    const report = await runRound(checks, {
      config,
      catalog,
      toolVersion: this.config.version,
      afterChecks: async (results, runOptions) => {
        spinner?.stop();
        return flags.fix ? this.fix(checks, results, runOptions, flags.yes) : { results };
      },
    }).finally(() => spinner?.stop());
    for (const line of renderFixLines(report.fixes, catalog, this.redactor())) this.logToStderr(line);
    this.verdictExitCode = exitCodeFor(report, flags.strict);
    // --json to stdout: the report is the document the command returns
    if (this.jsonEnabled() && !flags.output) return report;
    await this.deliver(report, { format, catalog, output: flags.output, append: flags.append });
    return undefined;
  }

  protected override jsonDocument(report: Report): unknown {
    return redactReport(report, this.knownSecrets());
  }

  /** --fix: each fix is confirmed at a terminal, or taken with --yes; without either it is not applied. */
  private async fix(
    checks: readonly DoctorCheck[],
    results: CheckResult[],
    options: Omit<FixOptions, 'confirm'>,
    yes: boolean,
  ) {
    const { applyFixes } = await import('../checks/fix.js');
    const confirm = async (question: string) => {
      if (yes) return true;
      if (!process.stdin.isTTY || !process.stderr.isTTY) return false;
      const { confirm: ask } = await import('@inquirer/prompts');
      return ask({ message: `${neutralise(question)}?`, default: false }); // it names certificates and files
    };
    return applyFixes(checks, results, { ...options, confirm });
  }

  /** A spinner on stderr, only for a person at a terminal reading the text report. */
  private async startSpinner(format: Format, text: string) {
    if (format !== 'text' || !process.stderr.isTTY || process.env.CI) return undefined;
    const { default: ora } = await import('ora');
    return ora({ text, stream: process.stderr }).start();
  }
}
