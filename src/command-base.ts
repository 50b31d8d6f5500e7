// What every siem-doctor command shares: bad input ends in one clear line and exit 2, never a
// stack trace, and no secret the run learnt (command line, environment, config file, the agent's
// own command line) reaches that line or any other output.
import { Command } from '@oclif/core/command';
import { DoctorError } from './errors.js';
import { langFromEnv, loadCatalog, translate, type Lang, type Text } from './catalog/index.js';
import { resolveConfig, type DoctorConfig, type ResolveInput } from './config/resolve.js';
import { createRedactor, secretsFromArgv } from './render/redact.js';
import { escapeControls } from './render/terminal.js';

/**
 * oclif's parse errors span lines ("Parsing --count", then the reason on the next; "The following
 * error occurred:", then the error): the one line keeps what says what is wrong.
 */
export function parseErrorLine(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^See more help with --help$|^The following errors? occurred:$/.test(line));
  return `${lines.join(': ')} (see --help)`;
}

interface OclifError extends Error {
  oclif?: { exit?: number };
  code?: string;
}

export abstract class DoctorCommand extends Command {
  /** Secrets learnt while running (config file, the running agent), added to those on the command line. */
  protected secrets: string[] = [];

  /** The settings of this run from flags, environment, config file and agent; their secrets kept. */
  protected resolveSettings(flags: ResolveInput['flags']): Promise<DoctorConfig> {
    return resolveConfig({ flags, argv: this.argv, env: process.env, secrets: this.secrets });
  }

  /** Every secret this run knows, for the redactor and the report renderer. */
  protected knownSecrets(): string[] {
    return [...this.secrets, ...secretsFromArgv(this.argv, process.env)];
  }

  /** The texts in the user's language (--lang, else LC_ALL/LANG, else English), and a way to say one. */
  protected async speaker(lang: string | undefined) {
    const catalog = await loadCatalog((lang as Lang | undefined) ?? langFromEnv(process.env));
    return { catalog, say: (text: Text) => translate(catalog, text) };
  }

  protected redactor() {
    return createRedactor(this.knownSecrets());
  }

  protected override async catch(error: OclifError): Promise<unknown> {
    // this.exit() and oclif's own exit travel as errors: let them through untouched.
    if (error.code === 'EEXIT') throw error;
    const parseError = error.oclif?.exit === 2 && !(error instanceof DoctorError);
    const usage = error instanceof DoctorError || parseError;
    // A DoctorError is one line of ours: a line feed in it comes from the input it quotes, and is
    // escaped below rather than cutting the line short.
    let line = parseError
      ? parseErrorLine(error.message)
      : error instanceof DoctorError
        ? error.message.trim()
        : (error.message ?? String(error)).split('\n')[0]!.trim();
    if (!usage) line = `unexpected failure: ${line}`;
    // the line may quote what the user typed or a file held: its control characters are escaped
    this.logToStderr(`Error: ${escapeControls(this.redactor().text(line))}`);
    if (!usage && process.env.SIEM_DOCTOR_DEBUG) this.logToStderr(this.redactor().text(error.stack ?? ''));
    return this.exit(usage ? 2 : 1);
  }
}
