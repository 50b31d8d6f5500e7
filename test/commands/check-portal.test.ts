// `check` end to end against a fake portal and proxy: flags in, report out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doctor } from '../helpers/cli.js';
import { connectProxy, GOOD_TOKEN, trustedPortal } from '../helpers/portal.js';
import type { Peer } from '../helpers/servers.js';

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
