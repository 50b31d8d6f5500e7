// Reports of every shape the machine formats meet: passing, failing with a documented error,
// crashed, skipped, and label values that need escaping.
import { buildReport, type Report } from '../../src/report.js';
import type { CheckResult } from '../../src/checks/types.js';

const STARTED = new Date('2026-11-22T10:00:00Z');

export function passingReport(host = 'agent-01'): Report {
  const checks: CheckResult[] = [
    { id: 'java-runtime', title: 'Java', status: 'pass', message: 'Java 17', durationMs: 4 },
    {
      id: 'lifecycle',
      title: 'Life',
      status: 'warn',
      message: 'deprecated',
      resolution: ['move'],
      durationMs: 0,
    },
  ];
  return buildReport(checks, { version: '1.2.3', startedAt: STARTED, durationMs: 12, host });
}

export function failingReport(host = 'agent "02"\\fleet\nb'): Report {
  const checks: CheckResult[] = [
    {
      id: 'portal',
      title: 'Portal',
      status: 'fail',
      documentedError: 'SIEM agent error',
      message: 'TLS handshake failed',
      durationMs: 1500,
    },
    {
      id: 'syslog-connection',
      title: 'SIEM',
      status: 'fail',
      documentedError: 'Data server connection error',
      message: 'refused',
      durationMs: 3,
    },
    { id: 'syslog-send', title: 'Send', status: 'skip', message: 'not run', durationMs: 0 },
    { id: 'agent-logs', title: 'Logs', status: 'error', message: 'crashed', durationMs: 7 },
  ];
  return buildReport(checks, { version: '1.2.3', startedAt: STARTED, durationMs: 1510, host });
}
