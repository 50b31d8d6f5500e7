// The Prometheus text exposition format (version 0.0.4), for node_exporter's and windows_exporter's
// textfile collectors. Every check has a series for every status (1 for its own, 0 for the
// others), so that a series never disappears when a status changes and alerts can test `== 1`.
import type { Report } from '../report.js';
import { STATUSES } from '../checks/types.js';
import { PORTAL_STATES, type Projection } from '../watch/projection.js';

/** The metric names this renderer writes (README and the report to the lead list them). */
export const METRICS = {
  info: 'siem_doctor_info',
  runTimestamp: 'siem_doctor_run_timestamp_seconds',
  runDuration: 'siem_doctor_run_duration_seconds',
  checkStatus: 'siem_doctor_check_status',
  checkDuration: 'siem_doctor_check_duration_seconds',
  documentedError: 'siem_doctor_documented_error',
  projection: 'siem_doctor_portal_status_projection',
  secondsUntil: 'siem_doctor_portal_seconds_until',
  markWarning: 'siem_doctor_portal_mark_warning',
} as const;

// Label values escape backslash, double quote and line feed; HELP text backslash and line feed.
const labelValue = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

type Labels = Record<string, string>;
type Sample = [Labels, number];

function value(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return Number.isNaN(n) ? 'NaN' : String(n);
}

function family(name: string, help: string, samples: Sample[]): string[] {
  if (samples.length === 0) return [];
  const lines = [
    `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
    `# TYPE ${name} gauge`,
  ];
  for (const [labels, n] of samples) {
    const pairs = Object.entries(labels).map(([k, v]) => `${k}="${labelValue(v)}"`);
    lines.push(`${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${value(n)}`);
  }
  return lines;
}

function projectionFamilies(projection: Projection): string[] {
  return [
    ...family(
      METRICS.projection,
      "The agent's status in the portal as projected from how long portal, proxy or Java trust have failed (1 for the projected state).",
      PORTAL_STATES.map((state) => [{ state }, state === projection.state ? 1 : 0]),
    ),
    ...family(
      METRICS.secondsUntil,
      'Seconds until the portal shows the mark if the outage goes on: 0 once reached, +Inf while there is no outage.',
      projection.marks.map((m) => [{ mark: m.state }, m.secondsUntil ?? Infinity]),
    ),
    ...family(
      METRICS.markWarning,
      'The outage has lasted more than the warning share of the mark and has not reached it yet.',
      projection.marks.map((m) => [{ mark: m.state }, m.warning ? 1 : 0]),
    ),
  ];
}

export function renderPrometheus(report: Report): string {
  const lines = [
    ...family(METRICS.info, 'siem-doctor version and the host it ran on.', [
      [{ version: report.tool.version, host: report.host }, 1],
    ]),
    ...family(METRICS.runTimestamp, 'When the run started, in seconds since the Unix epoch.', [
      [{}, Date.parse(report.startedAt) / 1000],
    ]),
    ...family(METRICS.runDuration, 'How long the run took, in seconds.', [[{}, report.durationMs / 1000]]),
    ...family(
      METRICS.checkStatus,
      "Each check's status: 1 for the status it has, 0 for the others.",
      report.checks.flatMap((c) =>
        STATUSES.map((status): Sample => [{ check: c.id, status }, c.status === status ? 1 : 0]),
      ),
    ),
    ...family(
      METRICS.checkDuration,
      'How long each check took, in seconds.',
      report.checks.map((c) => [{ check: c.id }, c.durationMs / 1000]),
    ),
    ...family(
      METRICS.documentedError,
      'The documented agent error a check found, by its name as the agent and portal show it.',
      report.checks.flatMap((c): Sample[] =>
        c.documentedError ? [[{ check: c.id, error: c.documentedError }, 1]] : [],
      ),
    ),
    ...(report.projection ? projectionFamilies(report.projection) : []),
  ];
  return `${lines.join('\n')}\n`;
}
