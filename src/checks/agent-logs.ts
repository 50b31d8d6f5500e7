// agent-logs: do the agent's own logs hold one of the documented errors? The same scan as
// `siem-doctor logs` (every file, each line put on its side by the hosts of this run's settings):
// the most recent finding with a documented error is the verdict, with why it is that error and
// its steps; every finding is in the evidence.
import type { LogFinding, SkippedFile } from '../logs/scan.js';
import { DEFAULT_STOREPASS } from '../config/resolve.js';
import { fail, pass, skip, text, warn, type Check, type Finding } from './types.js';

/** One line of evidence per skipped file: its name and why (the code for an unreadable one). */
export function describeSkipped({ file, reason, code }: SkippedFile): string {
  return `${file}: ${reason}${code ? ` (${code})` : ''}`;
}

/** A finding as evidence: what, on which side, how often, when, and where last. */
function describeFinding(f: LogFinding) {
  return {
    ...(f.error && { error: f.error }),
    label: f.label,
    side: f.side,
    ...(f.host && { host: f.port === undefined ? f.host : `${f.host}:${f.port}` }),
    count: f.count,
    ...(f.first.time && { first: f.first.time }),
    ...(f.last.time && { last: f.last.time }),
    example: `${f.example.file}:${f.example.line}: ${f.example.text}`,
  };
}

/** `value` as one word for a POSIX shell: in single quotes, each quote as '\'' (closed, escaped, reopened). */
export function shellWord(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** Files that are logs but could not be read (wholly or in part): a gap in a clean verdict. */
const GAPS: SkippedFile['reason'][] = ['binary', 'unreadable', 'not-a-file'];

/** Reading is about 2.5 s per GB here: the network probes' budget would cut a big folder short. */
const BUDGET_MS = 10 * 60_000;

export const agentLogs = {
  id: 'agent-logs',
  budgetMs: () => BUDGET_MS,
  async run(ctx): Promise<Finding> {
    const dir = ctx.config.logsDirectory;
    if (!dir) return skip('logs.none', undefined, { needs: ['--logs-directory'] });
    const [{ scanLogs, hostsOf, LogsDirectoryError }, { localTime, whyKey }, { en }, { createRedactor }] =
      await Promise.all([
        import('../logs/scan.js'),
        import('../render/logs.js'),
        import('../catalog/en.js'),
        import('../render/redact.js'),
      ]);
    // words that read the same in every language: Java's label, the host, times, the file
    const params = (f: LogFinding) => ({
      error: f.error ?? '',
      label: f.label,
      endpoint: f.host === undefined ? '' : ` (${endpointOf(f)})`,
      count: f.count,
      first: localTime(f.first.time, '?'),
      last: localTime(f.last.time, '?'),
      file: f.example.file,
      line: f.example.line,
    });
    let scan;
    try {
      // the settings' secrets out of an example line before it is cut (the report redacts again;
      // the JRE's default store password is public)
      const { token, storepass } = ctx.config;
      const secrets = [token, storepass === DEFAULT_STOREPASS ? undefined : storepass];
      scan = await scanLogs(dir, {
        hosts: hostsOf(ctx.config),
        now: ctx.now,
        signal: ctx.signal,
        redact: createRedactor(secrets).text,
      });
    } catch (error) {
      if (!(error instanceof LogsDirectoryError)) throw error;
      return fail(
        'logs.unreadable',
        { dir, code: error.errno },
        { evidence: { dir, code: error.errno }, resolution: [text('logs.fix.dir')] },
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
    const damaged = scan.read.filter((f) => f.damaged).map((f) => `${f.file}: ${f.damaged}`);
    const evidence: Record<string, unknown> = { dir, files: scan.files, lines: scan.lines };
    if (skipped.length > 0) evidence.skipped = skipped;
    if (damaged.length > 0) evidence.damaged = damaged;
    if (scan.findings.length > 0) evidence.findings = scan.findings.map(describeFinding);
    if (scan.portal) evidence.portal = scan.portal;
    // pasted into a POSIX shell: the label and the folder as literal words, whatever they hold
    const reproduce = (f: LogFinding) => `zgrep -n -F -- ${shellWord(f.label)} ${shellWord(dir)}/*`;
    const [latest] = scan.findings.filter((f) => f.error !== undefined);
    if (latest) {
      const why = whyKey(latest);
      return fail('logs.foundMapped', params(latest), {
        evidence,
        documentedError: latest.error!,
        ...(why && why in en.messages && { explanation: text(why, { host: endpointOf(latest) }) }),
        reproduce: reproduce(latest),
      });
    }
    const [undecided] = scan.findings;
    if (undecided) {
      const why = whyKey(undecided);
      return warn('logs.undecided', params(undecided), {
        evidence,
        resolution: [
          ...(why && why in en.messages ? [text(why, { host: endpointOf(undecided) })] : []),
          text('logs.fix.sides'),
        ],
        reproduce: reproduce(undecided),
      });
    }
    // Folders are left on purpose; a log that could not be read as text, or only in part, is a gap.
    const gaps = scan.skipped.filter((f) => GAPS.includes(f.reason)).length + damaged.length;
    if (gaps > 0) {
      return warn(
        'logs.cleanButSkipped',
        { files: scan.files, lines: scan.lines, dir, skipped: gaps },
        { evidence, resolution: [text(damaged.length > 0 ? 'logs.fix.damaged' : 'logs.fix.skipped')] },
      );
    }
    return pass('logs.clean', { files: scan.files, lines: scan.lines, dir }, { evidence });
  },
} as const satisfies Check;

const endpointOf = (f: LogFinding) =>
  f.host === undefined ? '?' : f.port === undefined ? f.host : `${f.host}:${f.port}`;
