import { execa } from 'execa';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { renderReport, FORMATS } from '../../src/render/index.js';
import { buildReport, exitCodeFor } from '../../src/report.js';
import type { CheckResult } from '../../src/checks/types.js';
import { RAW_CONTROL } from '../helpers/terminal.js';

const TOKEN = 'Q2FsbGVkSW5UaGVUb2tlbkJlY2F1c2VJdE11c3ROb3RMZWFrMDEyMzQ1Njc4OWFiY2RlZg==';
const STOREPASS = 's3cret-Store!';

// A report where a careless check put the secrets everywhere a string can go.
function leakyReport() {
  const checks: CheckResult[] = [
    {
      id: 'token',
      title: 'Agent token is accepted',
      status: 'fail',
      documentedError: 'Invalid token',
      message: `portal refused token ${TOKEN} & said <no>`,
      evidence: { token: TOKEN, [`k-${TOKEN}`]: 1, nested: { list: [`Authorization: Token ${TOKEN}`] } },
      resolution: [`restart with --token ${TOKEN}`, `keytool -storepass ${STOREPASS}`],
      reproduce: `curl -H "Authorization: Token ${TOKEN}" https://contoso.portal.cloudappsecurity.com`,
      durationMs: 12,
    },
    {
      id: 'proxy',
      title: 'Proxy',
      status: 'error',
      message: `http://bob:${STOREPASS}@proxy:8080 broke`,
      durationMs: 1,
    },
    { id: 'portal', title: 'Portal', status: 'skip', message: 'not run: x', durationMs: 0 },
    {
      id: 'lifecycle',
      title: 'Life',
      status: 'warn',
      message: 'deprecated',
      resolution: ['move'],
      durationMs: 0,
    },
    { id: 'java-runtime', title: 'Java', status: 'pass', message: 'ok \u0007 bell', durationMs: 3 },
  ];
  return buildReport(checks, {
    version: '9.9.9',
    startedAt: new Date('2026-11-22T10:00:00Z'),
    durationMs: 17,
  });
}

describe('redaction', () => {
  it.each(FORMATS)('%s output holds neither the token nor the store password', async (format) => {
    const out = await renderReport(leakyReport(), format, {
      catalog: en,
      color: false,
      secrets: [TOKEN, STOREPASS],
    });
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(STOREPASS);
    expect(out).not.toContain(TOKEN.slice(0, 20));
    // Prometheus carries no message, so nothing in it needed redacting.
    if (format !== 'prometheus')
      expect(out).toContain(format === 'junit' ? '&lt;redacted&gt;' : '<redacted>');
  });
});

describe('renderers', () => {
  it('json is the SPEC document and nothing else', async () => {
    const out = await renderReport(leakyReport(), 'json', { catalog: en, color: false, secrets: [] });
    const doc = JSON.parse(out);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'siem-doctor', version: '9.9.9' },
      durationMs: 17,
    });
    expect(doc.summary).toEqual({ pass: 1, warn: 1, fail: 1, skip: 1, error: 1 });
    expect(Object.keys(doc.checks[0])).toEqual([
      'id',
      'title',
      'status',
      'documentedError',
      'message',
      'evidence',
      'resolution',
      'reproduce',
      'durationMs',
    ]);
  });

  it('junit is well-formed XML that xmllint accepts, with failure and skipped where due', async () => {
    const out = await renderReport(leakyReport(), 'junit', { catalog: en, color: false, secrets: [TOKEN] });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-junit-'));
    const file = path.join(dir, 'report.xml');
    await writeFile(file, out);
    const lint = await execa('xmllint', ['--noout', file], { reject: false });
    expect(lint.stderr).toBe('');
    expect(lint.exitCode).toBe(0);
    const count = async (xpath: string) =>
      Number((await execa('xmllint', ['--xpath', `count(${xpath})`, file])).stdout);
    expect(await count('//testcase')).toBe(5);
    expect(await count('//testcase[@name="token"]/failure[@type="Invalid token"]')).toBe(1);
    expect(await count('//testcase[@name="proxy"]/failure')).toBe(1);
    expect(await count('//testcase[@name="portal"]/skipped')).toBe(1);
    expect(await count('//testsuite[@failures="2" and @skipped="1" and @tests="5"]')).toBe(1);
  });

  it('text is plain without colour, with details under non-passing checks and a summary', async () => {
    const out = await renderReport(leakyReport(), 'text', { catalog: en, color: false, secrets: [] });
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).toContain('Documented error: Invalid token');
    expect(out).toContain('Resolution:');
    expect(out).toContain('  1. restart with');
    expect(out).toContain('Reproduce: curl');
    expect(out).toContain('1 passed, 1 warning, 1 failed, 1 skipped, 1 error in 17 ms');
  });

  it('text says when nothing was checked, so that "0 failed" is not read as healthy', async () => {
    const skipped = (id: 'token' | 'portal', flag: string) => ({
      id,
      title: id,
      status: 'skip' as const,
      message: 'not run',
      needs: [flag],
      durationMs: 0,
    });
    const report = buildReport([skipped('token', '--token'), skipped('portal', '--portal-url')], {
      version: '1',
      startedAt: new Date(),
      durationMs: 1,
    });
    const out = await renderReport(report, 'text', { catalog: en, color: false, secrets: [] });
    expect(out).toContain('0 passed, 0 warnings, 0 failed, 2 skipped, 0 errors in 1 ms');
    expect(out).toContain(
      'nothing was checked: 2 checks could not run for lack of input (token, portal); give --token --portal-url to run them',
    );
    const coloured = await renderReport(report, 'text', { catalog: en, color: true, secrets: [] });
    expect(coloured).not.toMatch(/\u001b\[32m0 passed/); // not painted green
  });

  it('text is coloured when asked', async () => {
    const out = await renderReport(leakyReport(), 'text', { catalog: en, color: true, secrets: [] });
    expect(out).toMatch(/\u001b\[31m/);
  });
});

describe('what a check quotes from outside', () => {
  // A log line, a host name, a certificate subject: a check's message and evidence may hold bytes
  // of anyone's; ESC ]0; retitles the window, ESC [2J clears the screen, U+009B is CSI.
  const hostile = 'x\u001b]0;owned\u0007 \u001b[2J \u009b31m \u007f\nFAKE PASS line';
  function hostileReport() {
    const check: CheckResult = {
      id: 'agent-logs',
      title: `Agent logs ${hostile}`,
      status: 'fail',
      documentedError: 'Invalid token',
      message: `found in ${hostile}`,
      evidence: { [`file ${hostile}`]: hostile, list: [hostile], nested: { line: hostile } },
      resolution: [`open ${hostile}`],
      reproduce: `grep ${hostile}`,
      durationMs: 1,
    };
    return buildReport([check], { version: '1', startedAt: new Date(), durationMs: 1 });
  }

  it.each(FORMATS)('%s output holds none of them raw', async (format) => {
    const out = await renderReport(hostileReport(), format, { catalog: en, color: false, secrets: [] });
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).not.toMatch(/^FAKE PASS/m); // a line feed in a value starts no line of its own
    if (format === 'text') expect(out).toContain('found in x?]0;owned? ?[2J ?31m ??FAKE PASS line');
    if (format === 'json') expect(JSON.parse(out).checks[0].message).toBe(`found in ${hostile}`);
  });

  it('colour is the renderer’s only escape sequence', async () => {
    const out = await renderReport(hostileReport(), 'text', { catalog: en, color: true, secrets: [] });
    expect(out.replace(/\u001b\[\d+m/g, '')).not.toMatch(RAW_CONTROL);
  });
});

describe('exit codes', () => {
  it('are 1 on fail or error, and on warn only under --strict', () => {
    const report = leakyReport();
    expect(exitCodeFor(report, false)).toBe(1);
    const onlyWarn = buildReport(
      report.checks.filter((c) => c.status === 'warn' || c.status === 'pass'),
      {
        version: '1',
        startedAt: new Date(),
        durationMs: 1,
      },
    );
    expect(exitCodeFor(onlyWarn, false)).toBe(0);
    expect(exitCodeFor(onlyWarn, true)).toBe(1);
  });
});
