// NDJSON: one JSON object per check per line, each standing alone (runId, startedAt, host, tool
// beside the check's fields), so that a log shipper (Azure Monitor Agent, Splunk, Elastic,
// Sentinel) can take any line without the others, and a file can grow by appending.
import type { Report } from '../report.js';
import { terminalJson } from './terminal.js';

export function renderNdjson(report: Report, runId: string): string {
  return report.checks
    .map(
      (check) =>
        `${terminalJson({
          runId,
          startedAt: report.startedAt,
          host: report.host,
          tool: report.tool,
          ...check,
          ...(report.projection && { projection: report.projection }),
        })}\n`,
    )
    .join('');
}
