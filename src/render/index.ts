// The one door to output: a report is redacted here, then put in the chosen format. No renderer
// can be reached without passing the redactor.
import type { MessageFile } from '../catalog/en.js';
import type { Report } from '../report.js';
import { redactReport } from './redact.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderText } from './text.js';
import { renderPrometheus } from './prometheus.js';
import { renderNdjson } from './ndjson.js';
import { projectionLines } from './projection-text.js';
import { fill } from '../catalog/index.js';

export const FORMATS = ['text', 'json', 'junit', 'prometheus', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

export async function renderReport(
  report: Report,
  format: Format,
  options: {
    catalog: MessageFile;
    color: boolean;
    secrets: Iterable<string | undefined>;
    /** NDJSON's runId; a fresh one when not given. */
    runId?: string;
  },
): Promise<string> {
  const safe = redactReport(report, options.secrets);
  switch (format) {
    case 'json':
      return renderJson(safe);
    case 'junit':
      return renderJunit(safe, options.catalog);
    case 'prometheus':
      return renderPrometheus(safe);
    case 'ndjson':
      return renderNdjson(safe, options.runId ?? (await import('node:crypto')).randomUUID());
    default:
      return [
        renderText(safe, options.catalog, { color: options.color }),
        ...(safe.projection ? projectionLines(safe.projection, options.catalog).map((l) => `${l}\n`) : []),
        `${fill(options.catalog.messages['watch.host'], { host: safe.host })}\n`,
      ].join('');
  }
}

/** Colour only for a terminal that wants it: NO_COLOR, TERM=dumb and pipes get plain text. */
export function wantsColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
