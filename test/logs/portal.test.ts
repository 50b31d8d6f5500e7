// The portal's status as the logs let one tell it: "Connection error" 2 hours after the agent's last
// contact, "Disconnected" after 12, measured against the run's clock (handed in here).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentLogs } from '../../src/checks/agent-logs.js';
import { scanLogs } from '../../src/logs/scan.js';
import { runOne } from '../helpers/context.js';
import { doctor } from '../helpers/cli.js';
import { stamp } from '../helpers/logs.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function logDir(lines: string[]) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-portal-'));
  made.push(dir);
  await writeFile(path.join(dir, 'siem-agent.log'), `${lines.join('\n')}\n`);
  return dir;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
// a whole second: the lines keep milliseconds, the marks are compared exactly
const T = Math.floor(Date.now() / 1000) * 1000 - 30 * HOUR;
const pulled = (t: number) => `${stamp(t)} INFO  [pull] Pulled 120 activities`;
const pkix = (t: number) =>
  `${stamp(t)} ERROR [pull] javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target`;
const siemRefused = (t: number) =>
  `${stamp(t)} WARN  [push] Could not send events to siem.contoso.local:514: java.net.ConnectException: Connection refused`;

describe('the portal status the user will see', () => {
  const failing = [pulled(T - HOUR), pulled(T), pkix(T + 10 * MIN), pkix(T + HOUR)];

  it('"Connection error" 2 hours after the last contact, "Disconnected" after 12, from the run’s clock', async () => {
    const dir = await logDir(failing);
    const at = async (offset: number) => (await scanLogs(dir, { now: new Date(T + offset) })).portal;
    const marks = {
      lastContact: new Date(T).toISOString(),
      failingSince: new Date(T + 10 * MIN).toISOString(),
      basis: 'last-contact',
      connectionErrorAt: new Date(T + 2 * HOUR).toISOString(),
      disconnectedAt: new Date(T + 12 * HOUR).toISOString(),
    };
    expect(await at(HOUR + 30 * MIN)).toEqual({ ...marks, status: 'connected' });
    expect(await at(3 * HOUR)).toEqual({ ...marks, status: 'Connection error' });
    expect(await at(13 * HOUR)).toEqual({ ...marks, status: 'Disconnected' });
  });

  it('says nothing of the portal when the agent reached it after its failures, or failed only on the SIEM side', async () => {
    const recovered = await logDir([pulled(T), pkix(T + 10 * MIN), pulled(T + 20 * MIN)]);
    expect((await scanLogs(recovered, { now: new Date(T + 30 * MIN) })).portal).toBeUndefined();
    const siemOnly = await logDir([pulled(T), siemRefused(T + 10 * MIN), siemRefused(T + 20 * MIN)]);
    const scan = await scanLogs(siemOnly, { now: new Date(T + 30 * MIN) });
    expect(scan.findings[0]).toMatchObject({ error: 'Data server connection error', count: 2 });
    expect(scan.portal).toBeUndefined();
    // but contact that stopped long ago is the portal's "Disconnected" all the same
    expect((await scanLogs(siemOnly, { now: new Date(T + 20 * HOUR) })).portal).toMatchObject({
      status: 'Disconnected',
      lastContact: new Date(T).toISOString(),
    });
  });

  it('without any contact in the logs, gives the marks from the first failure, as the latest they can be', async () => {
    const dir = await logDir([pkix(T), pkix(T + HOUR)]);
    expect((await scanLogs(dir, { now: new Date(T + 3 * HOUR) })).portal).toEqual({
      failingSince: new Date(T).toISOString(),
      basis: 'first-failure',
      status: 'Connection error',
      connectionErrorAt: new Date(T + 2 * HOUR).toISOString(),
      disconnectedAt: new Date(T + 12 * HOUR).toISOString(),
    });
  });

  it('the check carries it in its evidence, and logs prints it with the times', async () => {
    const dir = await logDir(failing);
    const result = await runOne(agentLogs, { logsDirectory: dir }, process.env, new Date(T + 3 * HOUR));
    expect(result.evidence!.portal).toMatchObject({ status: 'Connection error' });
    // the command runs on the real clock: 30 hours after T. The times are local, as the lines
    // write them (stamp, to the second: T is a whole second)
    const { stdout } = await doctor(['logs', dir]);
    const seconds = (t: number) => stamp(t).replace(/,\d{3}$/, '');
    expect(seconds(T)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(failing[1]).toContain(seconds(T));
    expect(stdout).toContain(`Last contact with the portal in the logs: ${seconds(T)}\n`);
    expect(stdout).toContain(`The portal shows “Disconnected” since ${seconds(T + 12 * HOUR)}\n`);
  });
});
