import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { renderReport } from '../../src/render/index.js';
import { project } from '../../src/watch/projection.js';
import { failingReport, passingReport } from '../helpers/reports.js';
import type { Report } from '../../src/report.js';

const render = (report: Report, secrets: string[] = []) =>
  renderReport(report, 'prometheus', { catalog: en, color: false, secrets });

/** promtool (Debian's prometheus package) as the judge of the exposition format. */
async function promtool(text: string) {
  return execa('promtool', ['check', 'metrics'], { input: text, reject: false });
}

const HOUR = 3600_000;
const withProjection = (report: Report, failingForMs: number | undefined) => {
  const now = new Date('2026-11-22T12:00:00Z');
  report.projection = project(
    {
      version: 1,
      checks:
        failingForMs === undefined
          ? {}
          : {
              portal: {
                status: 'fail',
                lastRun: now.toISOString(),
                failingSince: new Date(now.getTime() - failingForMs).toISOString(),
              },
            },
    },
    now,
  );
  return report;
};

describe('the Prometheus renderer', () => {
  it.each([
    ['a passing run', () => passingReport()],
    ['a failing run with escaped labels', () => failingReport()],
    ['a watch round with no outage', () => withProjection(passingReport(), undefined)],
    ['a watch round 1 h 50 min into an outage', () => withProjection(failingReport(), 1.83 * HOUR)],
    ['a watch round past both marks', () => withProjection(failingReport(), 13 * HOUR)],
  ])('writes what promtool check metrics accepts: %s', async (_name, make) => {
    const result = await promtool(await render(make()));
    expect(result.stdout + result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('has a series for every check and status, 1 for the status the check has', async () => {
    const out = await render(failingReport());
    expect(out).toContain('siem_doctor_check_status{check="portal",status="fail"} 1');
    expect(out).toContain('siem_doctor_check_status{check="portal",status="pass"} 0');
    expect(out).toContain('siem_doctor_check_status{check="agent-logs",status="error"} 1');
    expect(out.match(/^siem_doctor_check_status\{/gm)).toHaveLength(4 * 5);
    expect(out).toContain('siem_doctor_check_duration_seconds{check="portal"} 1.5');
    expect(out).toContain('siem_doctor_documented_error{check="portal",error="SIEM agent error"} 1');
    expect(out).toContain(
      'siem_doctor_documented_error{check="syslog-connection",error="Data server connection error"} 1',
    );
    expect(out).toContain(`siem_doctor_run_timestamp_seconds ${Date.parse('2026-11-22T10:00:00Z') / 1000}`);
    expect(out).toContain('# TYPE siem_doctor_check_status gauge');
    expect(out).toContain('# HELP siem_doctor_check_status ');
  });

  it('escapes backslash, double quote and line feed in label values', async () => {
    const out = await render(failingReport('agent "02"\\fleet\nb'));
    expect(out).toContain('siem_doctor_info{version="1.2.3",host="agent \\"02\\"\\\\fleet\\nb"} 1');
  });

  it('leaves out the documented error family when no check has one', async () => {
    expect(await render(passingReport())).not.toContain('siem_doctor_documented_error');
  });

  it('carries the projection: seconds until each mark, the projected state, the warnings', async () => {
    const out = await render(withProjection(failingReport(), 110 * 60_000));
    expect(out).toContain('siem_doctor_portal_seconds_until{mark="connection_error"} 600');
    expect(out).toContain('siem_doctor_portal_seconds_until{mark="disconnected"} 36600');
    expect(out).toContain('siem_doctor_portal_mark_warning{mark="connection_error"} 1');
    expect(out).toContain('siem_doctor_portal_status_projection{state="connected"} 1');
    const healthy = await render(withProjection(passingReport(), undefined));
    expect(healthy).toContain('siem_doctor_portal_seconds_until{mark="connection_error"} +Inf');
    expect(healthy).toContain('siem_doctor_portal_mark_warning{mark="connection_error"} 0');
  });

  it('redacts before it renders', async () => {
    const report = failingReport('host-with-S3cr3tPassw0rd-in-it'); // a long secret is redacted wherever it stands
    expect(await render(report, ['S3cr3tPassw0rd'])).not.toContain('S3cr3tPassw0rd');
  });
});
