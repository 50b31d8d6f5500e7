// `check` end to end against a fake portal and proxy: flags in, report out.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctor } from '../helpers/cli.js';
import { ROOT } from '../helpers/paths.js';
import { connectProxy, GOOD_TOKEN, trustedPortal } from '../helpers/portal.js';
import { closedPort, type Peer } from '../helpers/servers.js';

let caFile: string;
let portal: Peer;
let relay: Peer;
beforeAll(async () => {
  ({ portal, caFile } = await trustedPortal());
  relay = await connectProxy(407);
});
afterAll(async () => {
  await portal.close();
  await relay.close();
});

describe('check against the portal', () => {
  it('passes the token and reports the portal, never printing the token', async () => {
    const args = [
      'check',
      '--only',
      'token,portal',
      '--portal-url',
      `https://localhost:${portal.port}`,
      '--ca-file',
      caFile,
      '--json',
    ];
    const { stdout, exitCode } = await doctor(args, { SIEM_DOCTOR_TOKEN: GOOD_TOKEN });
    const doc = JSON.parse(stdout);
    expect(doc.checks.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      ['token', 'pass'],
      ['portal', 'warn'], // localhost is no tenant host
    ]);
    expect(exitCode).toBe(0);
    expect(stdout).not.toContain(GOOD_TOKEN);
  });

  it('names "Invalid proxy address" for a proxy that wants credentials, in text', async () => {
    const args = [
      'check',
      '--only',
      'proxy,portal',
      '--portal-url',
      `https://localhost:${portal.port}`,
      '--ca-file',
      caFile,
    ];
    const { stdout, exitCode } = await doctor([...args, '--proxy', `127.0.0.1:${relay.port}`]);
    expect(exitCode).toBe(1);
    expect(stdout).toContain('Documented error: Invalid proxy address');
    expect(stdout).toContain('wants credentials (HTTP 407, Basic)');
    expect(stdout).toMatch(/Reproduce: curl -v -x http:\/\/127\.0\.0\.1:\d+ https:\/\/localhost:\d+\//);
  });
});

describe('check --only portal with a Java that is slow to answer', () => {
  let home: string;
  beforeAll(async () => {
    // a JAVA_HOME whose java takes 8 s to say anything: longer than the portal check's budget
    home = await mkdtemp(path.join(os.tmpdir(), 'sd-slow-java-'));
    await mkdir(path.join(home, 'bin'));
    await writeFile(path.join(home, 'bin', 'java'), '#!/bin/sh\nexec sleep 8\n');
    await chmod(path.join(home, 'bin', 'java'), 0o755);
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });
  /** siem-doctor as a separate process (the slow java is its child), ended after 30 s whatever happens. */
  const run = (args: string[]) =>
    execa(process.execPath, [path.join(ROOT, 'bin', 'run.js'), ...args, '--java-home', home, '--json'], {
      reject: false,
      timeout: 30_000,
      env: { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', PATH: process.env.PATH },
      extendEnv: false,
    });

  it('a refused port is reported as refused, without waiting for the Java', async () => {
    const port = await closedPort();
    const result = await run(['check', '--only', 'portal', '--portal-url', `https://127.0.0.1:${port}`]);
    expect(result.timedOut).toBe(false);
    const [check] = JSON.parse(result.stdout).checks;
    expect([check.id, check.status, check.evidence.code]).toEqual(['portal', 'fail', 'ECONNREFUSED']);
    expect(result.exitCode).toBe(1);
  }, 40_000);

  it('a reachable portal is judged within the budget, the Java still unknown', async () => {
    const args = ['check', '--only', 'portal', '--portal-url', `https://localhost:${portal.port}`];
    const result = await run([...args, '--ca-file', caFile, '--timeout', '2']);
    expect(result.timedOut).toBe(false);
    const [check] = JSON.parse(result.stdout).checks;
    expect([check.id, check.status]).toEqual(['portal', 'warn']); // localhost is no tenant host
    expect(check.evidence.tls12).toBeUndefined(); // asked, but only a Java 8 agent's answer
  }, 40_000);
});
