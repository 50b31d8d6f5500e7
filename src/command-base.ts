// What every siem-doctor command shares.
// - A command's `run()` returns its typed result. Text goes through a renderer in src/render
//   (`this.log`, muted under --json); with --json, oclif's enableJsonFlag prints the result as the
//   one document on stdout, redacted here (`jsonDocument`) and with control characters escaped.
// - A verdict that is not a success sets `this.verdictExitCode`: the run exits with it after the
//   document is printed.
// - Bad input is a DoctorError (src/errors.ts), raised wherever it is found: it ends in one clear
//   line (under --json, `{"error": {"code", "message"}}` on stdout) and exit 2, never a stack
//   trace. The line names the input as the user gave it (the flag they typed).
// - No secret the run learnt (command line, environment, config file, the agent's own command
//   line) reaches any output.
import { Command } from '@oclif/core/command';
import { DoctorError, type InputRole } from './errors.js';
import { en, type MessageFile } from './catalog/en.js';
import { LANGUAGES, langFromEnv, loadCatalog, translate, type Lang, type Text } from './catalog/index.js';
import { resolveConfig, secretsOfSources, type DoctorConfig, type ResolveInput } from './config/resolve.js';
import { gatherSources } from './config/sources.js';
import { createRedactor, secretsFromArgv } from './render/redact.js';
import { escapeControls, terminalJson } from './render/terminal.js';

/**
 * oclif's parse errors span lines ("Parsing --count", then the reason on the next; "The following
 * error occurred:", then the error): the one line keeps what says what is wrong.
 */
export function parseErrorLine(message: string, catalog: MessageFile = en): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^See more help with --help$|^The following errors? occurred:$/.test(line));
  const line = lines.join(': ');
  const said = catalog.lang === 'en' ? line : parseErrorText(line, (text) => translate(catalog, text));
  return translate(catalog, { key: 'error.seeHelp', params: { message: said } });
}

/**
 * oclif's own wording of a parse error, in another language: the errors a user meets most; any
 * other is quoted as oclif wrote it. (English keeps oclif's line as it is.)
 */
const PARSE_ERRORS: [RegExp, (m: RegExpExecArray) => Text][] = [
  [/^Nonexistent flags?: (.+)$/, (m) => ({ key: 'parse.unknownFlag', params: { flags: m[1]! } })],
  [/^Missing required flag ([\w-]+)$/, (m) => ({ key: 'parse.missingFlag', params: { flag: `--${m[1]}` } })],
  [
    /^Expected (--[\w-]+)=(.*) to be one of: (.*)$/s,
    (m) => ({ key: 'parse.oneOf', params: { flag: m[1]!, value: m[2]!, options: m[3]! } }),
  ],
  [
    /^Parsing (--[\w-]+): Expected an integer but received: (.*)$/s,
    (m) => ({ key: 'parse.integer', params: { flag: m[1]!, value: m[2]! } }),
  ],
  [
    /^Parsing (--[\w-]+): Expected an integer greater than or equal to (-?\d+) but received: (.*)$/s,
    (m) => ({ key: 'parse.integerMin', params: { flag: m[1]!, min: m[2]!, value: m[3]! } }),
  ],
  [
    /^Parsing (--[\w-]+): Expected an integer less than or equal to (-?\d+) but received: (.*)$/s,
    (m) => ({ key: 'parse.integerMax', params: { flag: m[1]!, max: m[2]!, value: m[3]! } }),
  ],
  [
    /^All of the following must be provided when using (--[\w-]+): (.*)$/s,
    (m) => ({ key: 'parse.dependsOn', params: { flag: m[1]!, needs: m[2]! } }),
  ],
  [/^Flag (--[\w-]+) expects a value$/, (m) => ({ key: 'parse.needsValue', params: { flag: m[1]! } })],
  [/^Unexpected arguments?: (.*)$/s, (m) => ({ key: 'parse.unexpected', params: { args: m[1]! } })],
];

function parseErrorText(line: string, say: (text: Text) => string): string {
  for (const [pattern, text] of PARSE_ERRORS) {
    const m = pattern.exec(line);
    if (m) return say(text(m));
  }
  return line;
}

/** The language a run speaks: its --lang when given (and valid), else LC_ALL/LANG, else English. */
export function langOfArgv(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined && (LANGUAGES as readonly string[]).includes(value)) return value as Lang;
  }
  return langFromEnv(env);
}

interface OclifError extends Error {
  oclif?: { exit?: number };
  code?: string;
}

/** What a failed run says: its exit code, the stable code of SPEC.md's JSON errors, one line. */
export interface Failure {
  exitCode: 1 | 2;
  code: string;
  line: string;
}

export abstract class DoctorCommand extends Command {
  static override enableJsonFlag = true;

  /** Secrets learnt while running (config file, the running agent), added to those on the command line. */
  protected secrets: string[] = [];

  /** Set by `run()` when its verdict is not a success (1); the run exits with it after printing. */
  protected verdictExitCode = 0;

  /** JSON documents are indented by this many spaces; 0 prints one line (a stream's last line). */
  protected jsonIndent = 2;

  /**
   * The settings of this run: what they come from is read first (config file, the files they
   * name, the running agent), its secrets kept for the redactor, then judged by resolveConfig.
   */
  protected async resolveSettings(flags: ResolveInput['flags']): Promise<DoctorConfig> {
    const sources = await gatherSources({ flags, argv: this.argv, env: process.env });
    this.secrets.push(...secretsOfSources(sources));
    return resolveConfig(sources);
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

  /** The JSON document of a result: redacted. A command whose document has its own shape overrides it. */
  protected jsonDocument(result: unknown): unknown {
    return this.redactor().deep(result);
  }

  public override async _run<T>(): Promise<T> {
    // oclif's _run: run(), then under --json the document of what it returned
    const result = await super._run<T>();
    if (this.verdictExitCode !== 0) this.exit(this.verdictExitCode);
    return result;
  }

  protected override toSuccessJson(result: unknown): unknown {
    return this.jsonDocument(result);
  }

  /**
   * Progress and status lines go to stderr in every mode: under --json too, since stdout alone
   * carries the document (oclif would mute them).
   */
  public override logToStderr(message = ''): void {
    process.stderr.write(`${message}\n`);
  }

  protected override logJson(json: unknown): void {
    process.stdout.write(`${terminalJson(json, this.jsonIndent || undefined)}\n`);
  }

  /** How a flag-less library error names its input: by the flag, when the user typed it. */
  protected inputLabel(role: InputRole | undefined): string | undefined {
    if (!role) return undefined;
    const flag = `--${role}`; // an input role is named as the flag that gives it
    const typed = this.argv.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
    return typed ? flag : undefined;
  }

  /**
   * What an error means for the user: bad input (2, with its code) or a failure of ours (1), said
   * in the run's language.
   */
  protected failure(error: OclifError, catalog: MessageFile = en): Failure {
    const say = (text: Text) => translate(catalog, text);
    const parseError = error.oclif?.exit === 2 && !(error instanceof DoctorError);
    if (parseError) return { exitCode: 2, code: 'usage', line: parseErrorLine(error.message, catalog) };
    if (error instanceof DoctorError) {
      // one line of ours: a line feed in it comes from the input it quotes, and is escaped below
      const message = say(error.text).trim();
      const label = this.inputLabel(error.input);
      if (!label || message.startsWith(label)) return { exitCode: 2, code: error.code, line: message };
      // a message that starts by quoting the value reads `--flag "value" …`, any other `--flag: …`
      const line = message.startsWith('"')
        ? `${label} ${message}`
        : say({ key: 'error.about', params: { input: label, message } });
      return { exitCode: 2, code: error.code, line };
    }
    const first = (error.message ?? String(error)).split('\n')[0]!.trim();
    return {
      exitCode: 1,
      code: 'internal',
      line: say({ key: 'error.unexpected', params: { reason: first } }),
    };
  }

  protected override async catch(error: OclifError): Promise<unknown> {
    // this.exit() and oclif's own exit travel as errors: let them through untouched.
    if (error.code === 'EEXIT') throw error;
    const catalog = await loadCatalog(langOfArgv(this.argv, process.env));
    const say = (text: Text) => translate(catalog, text);
    const { exitCode, code, line } = this.failure(error, catalog);
    const safe = this.redactor().text(line);
    if (this.jsonEnabled()) this.logJson({ error: { code, message: safe } });
    // the line may quote what the user typed or a file held: its control characters are escaped
    else this.logToStderr(say({ key: 'error.line', params: { message: escapeControls(safe) } }));
    if (exitCode === 1 && process.env.SIEM_DOCTOR_DEBUG)
      this.logToStderr(this.redactor().text(error.stack ?? ''));
    return this.exit(exitCode);
  }
}
