// `watch` as one call: the session opened (its state loaded), one round every interval until
// stopped, SIGINT/SIGTERM ending the wait at once and letting the round in progress finish (a
// second signal ends the process), each line said through the caller's printers.
import type { MessageFile } from '../catalog/en.js';
import { fill } from '../catalog/index.js';
import type { Check } from '../checks/types.js';
import type { DoctorConfig } from '../config/resolve.js';
import { runRound } from '../checks/round.js';
import type { Format } from '../render/index.js';
import type { Report } from '../report.js';
import { runLoop } from './loop.js';
import { openSession } from './session.js';

export interface WatchOptions {
  checks: readonly Check[];
  config: DoctorConfig;
  catalog: MessageFile;
  toolVersion: string;
  intervalMs: number;
  /** The interval as the user wrote it, for the start line. */
  interval: string;
  once: boolean;
  statePath: string;
  warnShare: number;
  textfileDir?: string;
  output?: { file: string; format: Format; append: boolean };
  /** A report in a format, redacted. */
  render(report: Report, format: Format): Promise<string>;
  /** A line made safe for the terminal (secrets out, control characters neutralised). */
  safeLine(line: string): string;
  /** Where the changes go (stdout) and where the status lines go (stderr). */
  print(line: string): void;
  status(line: string): void;
}

/** What a watch did once it stopped: how many rounds ran. */
export interface WatchResult {
  rounds: number;
}

export async function runWatch(options: WatchOptions): Promise<WatchResult> {
  const { checks, config, catalog, safeLine } = options;
  const session = await openSession({
    runReport: (startedAt) =>
      runRound(checks, { config, catalog, toolVersion: options.toolVersion, startedAt }),
    render: options.render,
    safeLine,
    catalog,
    statePath: options.statePath,
    warnShare: options.warnShare,
    textfileDir: options.textfileDir,
    output: options.output,
  });
  for (const problem of session.problems) options.status(safeLine(problem));

  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal means now: the round in progress is abandoned.
    if (stop.signal.aborted) process.exit(130);
    options.status(fill(catalog.messages['watch.stopping'], { signal }));
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (!options.once)
    options.status(
      safeLine(
        fill(
          catalog.messages['watch.started'],
          {
            count: checks.length,
            interval: options.interval,
            file: options.statePath,
          },
          catalog.lang,
        ),
      ),
    );
  try {
    const rounds = await runLoop({
      intervalMs: options.intervalMs,
      maxRounds: options.once ? 1 : Infinity,
      signal: stop.signal,
      round: async () => {
        for (const line of await session.round()) options.print(line);
      },
      onCrash: (round, error) =>
        options.status(
          safeLine(
            fill(catalog.messages['watch.roundCrashed'], {
              round,
              reason: ((error as Error)?.message ?? String(error)).split('\n')[0]!,
            }),
          ),
        ),
    });
    return { rounds };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
