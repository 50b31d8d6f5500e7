// The errors siem-doctor raises on purpose. Libraries (keystore/, trust/, config/, logs/, syslog/,
// probes/) throw a DoctorError with the facts and the role of the input it is about, never a flag
// name: the same library runs under `certs import --keystore X` and under `check --fix`, where no
// such flag was typed. The command layer (`command-base.ts`) words it with the flag the user
// actually used, prints one line (or, under --json, `{"error": {"code", "message"}}`) and exits 2.
// The message is a text of the catalog (a key and its parameters), said in the user's language;
// `message` holds it in English, for logs and for code that quotes it.
import { en } from './catalog/en.js';
import { translate, type Text } from './catalog/index.js';

/** What the error is about: the kind of thing that was wrong. Stable; appears in JSON errors. */
export type ErrorCode = 'usage' | 'keystore' | 'file' | 'network' | 'config' | 'busy';

/**
 * Which input the error is about, by the name of the flag that gives it (`keystore` is
 * `--keystore`): the command names that flag when the user typed it, and otherwise lets the
 * message name the input (a path, a variable, the trust store `check --fix` chose…).
 */
export type InputRole =
  | 'keystore'
  | 'storepass'
  | 'keytool'
  | 'java-home'
  | 'from'
  | 'chain'
  | 'config'
  | 'portal-url'
  | 'token'
  | 'proxy'
  | 'syslog-host'
  | 'syslog-port'
  | 'output'
  | 'output-max-size'
  | 'forward'
  | 'since'
  // framework (#12): the settings of resolve.ts and the check selection
  | 'protocol'
  | 'timeout'
  | 'ca-file'
  | 'logs-directory'
  | 'from-process'
  | 'only'
  | 'skip'
  | 'append';

/**
 * Bad input or a refused change: a malformed value, an unreadable file, a wrong password, a store
 * another run holds. The command prints the message on one line and exits 2; nothing has been
 * changed. `message` states the facts without naming a flag; `input` says which input it is about.
 */
export class DoctorError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly code: ErrorCode,
    /** What to say, in the user's language (`message` is its English). */
    readonly text: Text,
    readonly input?: InputRole,
  ) {
    super(translate(en, text));
  }
}

/** A keystore that cannot be opened, parsed or written (damaged, wrong password, read-only). */
export class KeystoreFileError extends DoctorError {
  constructor(message: Text, input: InputRole = 'keystore') {
    super('keystore', message, input);
  }
}

/** A file or folder that cannot be read or written. */
export class FileError extends DoctorError {
  constructor(message: Text, input?: InputRole) {
    super('file', message, input);
  }
}

/** A peer that could not be reached when reaching it is what the command was asked to do. */
export class NetworkError extends DoctorError {
  constructor(message: Text, input?: InputRole) {
    super('network', message, input);
  }
}

/** A setting that is malformed or contradicts another (flag, environment, config file). */
export class ConfigError extends DoctorError {
  constructor(message: Text, input?: InputRole) {
    super('config', message, input);
  }
}

/**
 * Bad input at the command line itself. Kept for the command layer: libraries raise the
 * domain errors above instead.
 */
export class UsageError extends DoctorError {
  constructor(message: Text, input?: InputRole) {
    super('usage', message, input);
  }
}

/** What went wrong with a file, from a Node fs error, as a text to say (`FILE does not exist`). */
export function fileProblem(error: unknown, file: string): Text {
  // one of ours (a FIFO, a file past the cap: files.ts): its own text, after the name
  if (error instanceof DoctorError)
    return { key: 'file.other', params: { file }, parts: { reason: error.text } };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { key: 'file.missing', params: { file } };
    case 'EACCES':
    case 'EPERM':
      return { key: 'file.rights', params: { file } };
    case 'EISDIR':
      return { key: 'file.folder', params: { file } };
    case 'ENOTDIR':
      return { key: 'file.notFolder', params: { file } };
    case 'ENOSPC':
    case 'EDQUOT':
      return { key: 'file.full', params: { file } };
    case 'EROFS':
      return { key: 'file.readOnly', params: { file } };
    default:
      return {
        key: 'file.other',
        params: { file, reason: error instanceof Error ? error.message.split('\n')[0]! : String(error) },
      };
  }
}
