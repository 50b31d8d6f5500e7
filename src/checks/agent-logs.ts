// agent-logs: do the agent's own logs hold one of the documented errors? The most recent one found
// is the verdict, with its steps; the others are listed in the evidence.
import type { SkippedFile } from '../logs/scan.js';
import { fail, pass, skip, text, warn, type Check, type Finding } from './types.js';

/** One line of evidence per skipped file: its name and why (the code for an unreadable one). */
export function describeSkipped({ file, reason, code }: SkippedFile): string {
  return `${file}: ${reason}${code ? ` (${code})` : ''}`;
}

export const agentLogs = {
  id: 'agent-logs',
  async run(ctx): Promise<Finding> {
    const dir = ctx.config.logsDirectory;
    if (!dir) return skip('logs.none', undefined, { needs: ['--logs-directory'] });
    const { scanLogs, LogsDirectoryError } = await import('../logs/scan.js');
    let scan;
    try {
      scan = await scanLogs(dir);
    } catch (error) {
      if (!(error instanceof LogsDirectoryError)) throw error;
      return fail(
        'logs.unreadable',
        { dir, code: error.code },
        { evidence: { dir, code: error.code }, resolution: [text('logs.fix.dir')] },
      );
    }
    const skipped = scan.skipped.map(describeSkipped);
    if (scan.files === 0) {
      if (skipped.length === 0) return skip('logs.noFiles', { dir });
      // Files were there, none could be searched: nothing is known about the logs.
      return warn(
        'logs.noneRead',
        { dir, skipped: skipped.length },
        { evidence: { dir, files: 0, skipped }, resolution: [text('logs.fix.skipped')] },
      );
    }
    const evidence: Record<string, unknown> = {
      dir,
      files: scan.files,
      lines: scan.lines,
      truncated: scan.truncated,
    };
    if (skipped.length > 0) evidence.skipped = skipped;
    const [latest, ...others] = scan.matches;
    if (!latest) {
      // Archives and older files are left on purpose; a log that could not be read as text is a gap.
      const unread = scan.skipped.filter((f) => f.reason === 'binary' || f.reason === 'unreadable');
      if (unread.length > 0) {
        return warn(
          'logs.cleanButSkipped',
          { files: scan.files, lines: scan.lines, dir, skipped: unread.length },
          { evidence, resolution: [text('logs.fix.skipped')] },
        );
      }
      return pass('logs.clean', { files: scan.files, lines: scan.lines, dir }, { evidence });
    }
    evidence.found = scan.matches.map((m) => ({
      error: m.error,
      count: m.count,
      last: `${m.last.file}:${m.last.line}: ${m.last.text}`,
    }));
    if (others.length > 0) evidence.alsoFound = others.map((m) => m.error);
    return fail(
      'logs.found',
      { error: latest.error, count: latest.count, file: latest.last.file, line: latest.last.line },
      {
        evidence,
        documentedError: latest.error,
        reproduce: `grep -n "${latest.last.text.slice(0, 40).replace(/["`$\\]/g, '.')}" "${dir}"/*`,
      },
    );
  },
} as const satisfies Check;
