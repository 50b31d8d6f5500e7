import type { Report } from '../report.js';
import { terminalJson } from './terminal.js';

export function renderJson(report: Report): string {
  return `${terminalJson(report, 2)}\n`;
}
