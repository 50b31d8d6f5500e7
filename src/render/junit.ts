// JUnit XML: one <testcase> per check; fail and error are <failure>, skip is <skipped>. The
// documented error stays the English identifier of SPEC.md (CI dashboards group failures by it);
// the words around it are in the report's language, like the check's message.
import type { MessageFile } from '../catalog/en.js';
import type { Report } from '../report.js';
import type { CheckResult } from '../checks/types.js';
import { neutralise } from './terminal.js';

// Text for XML: the values in it are neutralised already (the report may go to a terminal, and
// XML 1.0 forbids most control characters even when escaped); what else XML forbids is U+FFFD.
function xml(value: string): string {
  return value
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One value, as an attribute. */
const attribute = (value: string): string => xml(neutralise(value));

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** The body's lines, each neutralised; the line feeds between them are the renderer's own. */
function body(check: CheckResult, catalog: MessageFile): string {
  const ui = catalog.messages;
  const lines = [check.message];
  if (check.documentedError) lines.push(`${ui['ui.documentedError']}: ${check.documentedError}`);
  if (check.evidence) lines.push(`${ui['ui.evidence']}: ${JSON.stringify(check.evidence)}`);
  if (check.resolution)
    lines.push(`${ui['ui.resolution']}:`, ...check.resolution.map((step, i) => `  ${i + 1}. ${step}`));
  if (check.reproduce) lines.push(`${ui['ui.reproduce']}: ${check.reproduce}`);
  return lines.map(neutralise).join('\n');
}

function testcase(check: CheckResult, catalog: MessageFile): string {
  const open = `    <testcase classname="siem-doctor.check" name="${xml(check.id)}" time="${seconds(check.durationMs)}">`;
  const out = `      <system-out>${xml(body(check, catalog))}</system-out>`;
  switch (check.status) {
    case 'fail':
    case 'error':
      return [
        open,
        `      <failure message="${attribute(check.message)}" type="${attribute(check.documentedError ?? check.status)}">${xml(body(check, catalog))}</failure>`,
        '    </testcase>',
      ].join('\n');
    case 'skip':
      return [open, `      <skipped message="${attribute(check.message)}"/>`, '    </testcase>'].join('\n');
    default:
      return [open, out, '    </testcase>'].join('\n');
  }
}

export function renderJunit(report: Report, catalog: MessageFile): string {
  const { summary } = report;
  const failures = summary.fail + summary.error;
  const attrs = `tests="${report.checks.length}" failures="${failures}" errors="0" skipped="${summary.skip}" time="${seconds(report.durationMs)}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="siem-doctor" ${attrs}>`,
    `  <testsuite name="siem-doctor check" ${attrs} timestamp="${xml(report.startedAt)}" hostname="${xml(report.host)}">`,
    ...report.checks.map((check) => testcase(check, catalog)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
