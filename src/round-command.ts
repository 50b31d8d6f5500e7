// What `check` and `watch` share: the flags a round is made from turned into settings, checks and
// texts, and the report file written. Both commands stay thin on top of this and runRound.
import type { Interfaces } from '@oclif/core';
import { DoctorCommand } from './command-base.js';
import { writeOrAppend } from './atomic-write.js';
import { fileProblem, FileError, UsageError } from './errors.js';
import { parseOutputFile } from './config/resolve.js';
import { selectChecks } from './checks/select.js';
import type { MessageFile } from './catalog/en.js';
import { fill } from './catalog/index.js';
import { renderReport, wantsColor, type Format } from './render/index.js';
import { neutralise } from './render/terminal.js';
import type { Report } from './report.js';
import type CheckCommand from './commands/check.js';

/** The flags a round is made from: check's own, which watch shares (without --fix, --yes, --strict). */
export type RoundFlags = Omit<Interfaces.InferredFlags<typeof CheckCommand.flags>, 'fix' | 'yes' | 'strict'>;

export abstract class RoundCommand extends DoctorCommand {
  /**
   * What a round needs from the flags, shared with `watch`: the resolved settings (their secrets
   * kept for redaction; --chain and --test-event among them), the selected checks and the texts
   * in the user's language. Bad input throws here, before anything runs.
   */
  protected async prepare(flags: RoundFlags) {
    const format: Format = flags.json ? 'json' : (flags.format as Format);
    parseOutputFile(flags.output); // an empty --output is refused before anything runs
    if (flags.append && (!flags.output || format !== 'ndjson'))
      throw new UsageError({ key: 'config.error.append' });
    const config = await this.resolveSettings(flags);
    const { catalog } = await this.speaker(flags.lang);
    const checks = selectChecks({ only: flags.only, skip: flags.skip });
    return { config, checks, catalog };
  }

  /**
   * The report in its format: to stdout (coloured for a person at a terminal), or to --output
   * with a line on stderr that says where.
   */
  protected async deliver(
    report: Report,
    options: { format: Format; catalog: MessageFile; output?: string; append: boolean },
  ): Promise<void> {
    const { format, catalog, output } = options;
    const color = !output && format === 'text' && wantsColor(process.stdout, process.env);
    const rendered = await renderReport(report, format, { catalog, color, secrets: this.knownSecrets() });
    if (!output) {
      process.stdout.write(rendered);
      return;
    }
    await this.writeOutput(output, rendered, options.append);
    this.logToStderr(neutralise(fill(catalog.messages['ui.reportWritten'], { file: output })));
  }

  /** --output: replaced atomically (a reader never sees half a report), or appended to (--append). */
  protected async writeOutput(file: string, rendered: string, append: boolean): Promise<void> {
    try {
      await writeOrAppend(file, rendered, append);
    } catch (error) {
      throw new FileError(fileProblem(error, file), 'output');
    }
  }
}
