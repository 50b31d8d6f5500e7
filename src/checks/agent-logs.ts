// agent-logs: do the agent's own logs hold one of the documented errors? The most recent one found
// is the verdict, with its steps; the others are listed in the evidence.
import { fail, pass, skip, text, type Check, type Finding } from './types.js';

export const agentLogs = {
  id: 'agent-logs',
  async run(ctx): Promise<Finding> {
    const dir = ctx.config.logsDirectory;
    if (!dir) return skip('logs.none');
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
    if (scan.files === 0) return skip('logs.noFiles', { dir });
    const evidence: Record<string, unknown> = {
      dir,
      files: scan.files,
      lines: scan.lines,
      truncated: scan.truncated,
    };
    const [latest, ...others] = scan.matches;
    if (!latest) return pass('logs.clean', { files: scan.files, lines: scan.lines, dir }, { evidence });
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
