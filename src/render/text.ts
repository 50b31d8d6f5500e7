// The human report: one line per check, and under every check that did not pass, its documented
// error, evidence, resolution steps and a command to see it by hand. Every value is neutralised
// (terminal.ts) before it is painted: messages quote hosts, file names and log lines.
import { Chalk, type ChalkInstance } from 'chalk';
import type { MessageFile } from '../catalog/en.js';
import { fill } from '../catalog/index.js';
import { localizedName } from '../catalog/documented-errors.js';
import type { Report } from '../report.js';
import type { CheckResult, Status } from '../checks/types.js';
import { neutralise } from './terminal.js';

const SYMBOL: Record<Status, string> = { pass: '✔', warn: '!', fail: '✖', skip: '-', error: '‼' };

function paint(chalk: ChalkInstance, status: Status, value: string): string {
  switch (status) {
    case 'pass':
      return chalk.green(value);
    case 'warn':
      return chalk.yellow(value);
    case 'fail':
      return chalk.red(value);
    case 'error':
      return chalk.magenta(value);
    default:
      return chalk.gray(value);
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return neutralise(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return neutralise(value.join(', '));
  return neutralise(JSON.stringify(value));
}

function details(check: CheckResult, catalog: MessageFile, chalk: ChalkInstance): string[] {
  const ui = catalog.messages;
  const lines: string[] = [];
  const indent = '      ';
  if (check.documentedError)
    lines.push(
      `${indent}${chalk.bold(ui['ui.documentedError'])}: ${neutralise(localizedName(check.documentedError, catalog.lang))}`,
    );
  if (check.evidence) {
    lines.push(`${indent}${chalk.bold(ui['ui.evidence'])}:`);
    for (const [key, value] of Object.entries(check.evidence))
      lines.push(`${indent}  ${neutralise(key)}: ${formatValue(value)}`);
  }
  if (check.resolution?.length) {
    lines.push(`${indent}${chalk.bold(ui['ui.resolution'])}:`);
    check.resolution.forEach((step, i) => lines.push(`${indent}  ${i + 1}. ${neutralise(step)}`));
  }
  if (check.reproduce)
    lines.push(`${indent}${chalk.bold(ui['ui.reproduce'])}: ${chalk.cyan(neutralise(check.reproduce))}`);
  return lines;
}

export function renderText(report: Report, catalog: MessageFile, options: { color: boolean }): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(...report.checks.map((c) => c.id.length), 8);
  const labels = report.checks.map((c) => catalog.messages[`ui.status.${c.status}`]);
  const labelWidth = Math.max(...labels.map((l) => l.length), 4);
  const lines: string[] = [];
  report.checks.forEach((check, i) => {
    const label = paint(chalk, check.status, `${SYMBOL[check.status]} ${labels[i]!.padEnd(labelWidth)}`);
    lines.push(`${label}  ${chalk.bold(check.id.padEnd(width))}  ${neutralise(check.title)}`);
    lines.push(`${' '.repeat(6)}${neutralise(check.message)}`);
    if (check.status !== 'pass' && check.status !== 'skip') lines.push(...details(check, catalog, chalk));
  });
  const summary = fill(
    catalog.messages['ui.summary'],
    { ...report.summary, ms: report.durationMs },
    catalog.lang,
  );
  // A run that could not check everything is not painted as healthy.
  const worst =
    report.summary.fail + report.summary.error > 0
      ? 'fail'
      : report.summary.warn > 0 || report.notRun
        ? 'warn'
        : 'pass';
  lines.push('', paint(chalk, worst, summary));
  if (report.notRun) {
    const { count, checks, flags } = report.notRun;
    const key =
      report.summary.pass + report.summary.warn + report.summary.fail === 0
        ? 'ui.nothingChecked'
        : 'ui.notRun';
    lines.push(
      paint(
        chalk,
        'warn',
        fill(
          catalog.messages[key],
          { count, checks: checks.join(', '), flags: flags.join(' ') },
          catalog.lang,
        ),
      ),
    );
  }
  lines.push('');
  return lines.join('\n');
}
