// The support bundle carries what the agent's logs say: the same findings as `siem-doctor logs`.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { doctor } from '../helpers/cli.js';
import { stamp } from '../helpers/logs.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

it('bundle holds every finding of the logs, with its side, times and example line', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-bundle-logs-'));
  made.push(dir);
  const logs = path.join(dir, 'logs');
  await mkdir(logs);
  const t = Date.now() - 60_000;
  await writeFile(
    path.join(logs, 'siem-agent.log'),
    [
      `${stamp(t)} WARN  [push] Could not send events to siem.contoso.local:514`,
      'java.net.ConnectException: Connection refused (Connection refused)',
      `${stamp(t + 1000)} ERROR [pull] javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure`,
    ].join('\n'),
  );
  const file = path.join(dir, 'bundle.json');
  const run = await doctor([
    'bundle',
    '--logs-directory',
    logs,
    '--syslog-host',
    'siem.contoso.local',
    '--output',
    file,
  ]);
  expect(run.exitCode).toBe(0);
  const bundle = JSON.parse(await readFile(file, 'utf8'));
  expect(bundle.logs).toMatchObject({ status: 'fail', files: 1, lines: 3 });
  expect(bundle.logs.findings).toEqual([
    expect.objectContaining({
      error: 'TLS 1.2 required',
      label: 'handshake_failure',
      side: 'portal',
      count: 1,
    }),
    expect.objectContaining({
      error: 'Data server connection error',
      label: 'Connection refused',
      side: 'siem',
      host: 'siem.contoso.local:514',
      example: 'siem-agent.log:2: java.net.ConnectException: Connection refused (Connection refused)',
    }),
  ]);
  expect(Date.parse(bundle.logs.findings[1].first)).toBe(t);
});
