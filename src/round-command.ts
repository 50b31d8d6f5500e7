// What `check` and `watch` share: the flags a round is made from turned into settings, checks and
// texts, and the report file written. Both commands stay thin on top of this and runRound.
import type { Interfaces } from '@oclif/core';
import { DoctorCommand } from './command-base.js';
import { writeOrAppend } from './atomic-write.js';
import { describeFileError, FileError, UsageError } from './errors.js';
import { parseOutputFile } from './config/resolve.js';
import { selectChecks } from './checks/select.js';
import type { Format } from './render/index.js';
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
      throw new UsageError('--append adds NDJSON lines to a file: use it with --format ndjson --output FILE');
    const config = await this.resolveSettings(flags);
    const checks = selectChecks({ only: flags.only, skip: flags.skip });
    const { catalog } = await this.speaker(flags.lang);
    return { config, checks, catalog };
  }

  /** --output: replaced atomically (a reader never sees half a report), or appended to (--append). */
  protected async writeOutput(file: string, rendered: string, append: boolean): Promise<void> {
    try {
      await writeOrAppend(file, rendered, append);
    } catch (error) {
      throw new FileError(describeFileError(error, file), 'output');
    }
  }
}
