/**
 * Bad input: a malformed value, an unreadable file, a wrong password. The command prints the
 * message on one line and exits 2; nothing has been changed.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** One line that says what went wrong with a file, from a Node fs error. */
export function describeFileError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${file} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `${file} cannot be read or written with this account's rights (run as Administrator/root, or choose another file)`;
    case 'EISDIR':
      return `${file} is a folder, not a file`;
    case 'ENOTDIR':
      return `${file}: a part of that path is not a folder`;
    default:
      return `${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}
