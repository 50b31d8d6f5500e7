// One `watch` round end to end: the checks' report, the state brought up to date and kept, the
// portal's view projected from it, the metrics and NDJSON written, and the lines that tell what
// changed. Holds only the state (one entry per check) between rounds, so memory stays flat.
import path from 'node:path';
import type { MessageFile } from '../catalog/en.js';
import { fill, translate } from '../catalog/index.js';
import { writeFileAtomically, writeOrAppend } from '../atomic-write.js';
import type { Format } from '../render/index.js';
import { projectionLines } from '../render/projection-text.js';
import type { Report } from '../report.js';
import { project, type Projection } from './projection.js';
import { readState, updateState, writeState, type StateChange, type WatchState } from './state.js';

/** The file node_exporter's and windows_exporter's textfile collectors read in --textfile-dir. */
export const TEXTFILE_NAME = 'siem_doctor.prom';

export interface SessionOptions {
  /** The checks of one round, as `check` runs them. */
  runReport(startedAt: Date): Promise<Report>;
  /** Puts a report in a format, redacted (render/index.ts's renderReport, secrets bound). */
  render(report: Report, format: Format): Promise<string>;
  /** Makes a line safe for the terminal (secrets out, control characters neutralised). */
  safeLine(line: string): string;
  catalog: MessageFile;
  statePath: string;
  warnShare: number;
  textfileDir?: string;
  output?: { file: string; format: Format; append: boolean };
  now?: () => Date;
}

export interface WatchSession {
  /** Problems met while loading the state (a damaged file), as lines for stderr. */
  problems: string[];
  /** Runs a round; resolves with the lines for stdout (state changes, a changed projection). */
  round(): Promise<string[]>;
}

export async function openSession(options: SessionOptions): Promise<WatchSession> {
  const now = options.now ?? (() => new Date());
  const ui = options.catalog.messages;
  const loaded = await readState(options.statePath);
  let state: WatchState = loaded.state;
  const problems = loaded.problem
    ? [
        translate(options.catalog, {
          key: 'watch.stateDamaged',
          params: { file: options.statePath },
          parts: { reason: loaded.problem },
        }),
      ]
    : [];
  let lastProjection = '';

  const changeLine = (change: StateChange, at: Date) =>
    options.safeLine(
      fill(ui[change.from ? 'watch.change' : 'watch.first'], {
        time: at.toISOString(),
        check: change.id,
        from: change.from ? ui[`ui.status.${change.from}`] : '',
        to: ui[`ui.status.${change.to}`],
        message: change.message,
      }),
    );

  // The projection is told when it says something new, not every round.
  const projectionChanged = (projection: Projection) => {
    const key = JSON.stringify([
      projection.state,
      projection.failingSince,
      projection.marks.map((m) => m.warning),
    ]);
    const changed = key !== lastProjection;
    lastProjection = key;
    return changed;
  };

  return {
    problems,
    async round() {
      const report = await options.runReport(now());
      const ended = now();
      const updated = updateState(state, report.checks, ended);
      state = updated.state;
      report.projection = project(state, ended, options.warnShare);
      await writeState(options.statePath, state);
      if (options.textfileDir)
        await writeFileAtomically(
          path.join(options.textfileDir, TEXTFILE_NAME),
          await options.render(report, 'prometheus'),
        );
      if (options.output) {
        const { file, format, append } = options.output;
        await writeOrAppend(file, await options.render(report, format), append);
      }
      const lines = updated.changes.map((change) => changeLine(change, ended));
      if (projectionChanged(report.projection))
        lines.push(...projectionLines(report.projection, options.catalog).map(options.safeLine));
      return lines;
    },
  };
}
