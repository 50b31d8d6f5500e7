// The portal path through Debian's tinyproxy, and the whole `check` against peers that never
// answer: real processes, real sockets, 127.0.0.1 only.
import { execa, type ResultPromise } from 'execa';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTcp } from '../src/probes/tcp.js';
import { GOOD_TOKEN, trustedPortal } from './helpers/portal.js';
import { closedPort, unresponsiveListener, type Peer } from './helpers/servers.js';
import { ROOT } from './helpers/paths.js';

const BIN = path.join(ROOT, 'bin', 'run.js');

async function tinyproxy(
  dir: string,
  name: string,
  extra: string,
): Promise<{ port: number; process: ResultPromise }> {
  const port = await closedPort();
  const conf = path.join(dir, `${name}.conf`);
  await writeFile(
    conf,
    `Port ${port}\nListen 127.0.0.1\nTimeout 10\nMaxClients 20\nAllow 127.0.0.1\nLogLevel Error\n${extra}\n`,
  );
  const child = execa('tinyproxy', ['-d', '-c', conf], { reject: false });
  for (let i = 0; i < 200; i++) {
    if ((await probeTcp('127.0.0.1', port, 200)).ok) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  return { port, process: child };
}

describe('through tinyproxy', () => {
  let dir: string;
  let caFile: string;
  let portal: Peer;
  const proxies: Record<'open' | 'auth' | 'filtered', { port: number; process: ResultPromise }> = {} as never;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sd-tinyproxy-'));
    ({ portal, caFile } = await trustedPortal());
    await writeFile(path.join(dir, 'filter'), 'localhost\n');
    proxies.open = await tinyproxy(dir, 'open', '');
    proxies.auth = await tinyproxy(dir, 'auth', 'BasicAuth agent s3cret');
    proxies.filtered = await tinyproxy(
      dir,
      'filtered',
      `Filter "${path.join(dir, 'filter')}"\nFilterDefaultDeny No`,
    );
  });

  afterAll(async () => {
    for (const p of Object.values(proxies)) p.process.kill();
    await Promise.all(Object.values(proxies).map((p) => p.process));
    await portal.close();
  });

  const check = (proxyPort: number, token?: string) =>
    execa(
      BIN,
      [
        'check',
        '--only',
        'token,proxy,portal',
        '--portal-url',
        `https://localhost:${portal.port}`,
        '--ca-file',
        caFile,
        '--proxy',
        `127.0.0.1:${proxyPort}`,
        '--json',
      ],
      { reject: false, env: token ? { SIEM_DOCTOR_TOKEN: token } : {} },
    );
  const statuses = (stdout: string) =>
    Object.fromEntries(
      JSON.parse(stdout).checks.map((c: { id: string; status: string; message: string }) => [c.id, c]),
    );

  it('tunnels to the portal, and the token is accepted through it', async () => {
    const { stdout, exitCode } = await check(proxies.open.port, GOOD_TOKEN);
    const checks = statuses(stdout);
    expect(checks.proxy.status).toBe('pass');
    expect(checks.token.status).toBe('pass');
    expect(checks.portal.status).toBe('warn'); // localhost is no tenant host
    expect(exitCode).toBe(0);
    expect(stdout).not.toContain(GOOD_TOKEN);
  });

  it('407 from a proxy with BasicAuth: credentials the agent cannot give', async () => {
    const { stdout, exitCode } = await check(proxies.auth.port);
    const checks = statuses(stdout);
    expect(exitCode).toBe(1);
    expect(checks.proxy).toMatchObject({ status: 'fail', documentedError: 'Invalid proxy address' });
    expect(checks.proxy.message).toContain('HTTP 407');
    expect(checks.portal.status).toBe('skip');
  });

  it('403 from a proxy whose filter blocks the portal', async () => {
    const { stdout } = await check(proxies.filtered.port);
    expect(statuses(stdout).proxy.message).toContain('(HTTP 403): its policy blocks the portal');
  });
});

describe('when nothing answers', () => {
  it('with --timeout 2, portal, proxy and SIEM all unresponsive: each probe says it gave up after 2 s', async () => {
    const [proxy, siem] = await Promise.all([unresponsiveListener(), unresponsiveListener()]);
    try {
      const { stdout, exitCode } = await execa(
        BIN,
        [
          'check',
          '--timeout',
          '2',
          '--proxy',
          `127.0.0.1:${proxy.port}`,
          '--portal-url',
          'https://contoso.us3.portal.cloudappsecurity.com',
          '--syslog-host',
          '127.0.0.1',
          '--syslog-port',
          String(siem.port),
          '--token',
          GOOD_TOKEN,
          '--json',
        ],
        { reject: false },
      );
      const checks = JSON.parse(stdout).checks as { id: string; status: string; message: string }[];
      const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
      expect(exitCode).toBe(1);
      expect(byId.proxy!.message).toContain('did not answer within 2 s');
      expect(byId['syslog-connection']!.message).toContain('got no answer within 2 s');
      expect(byId.portal!.status).toBe('skip');
      expect(byId.token!.status).toBe('skip');
    } finally {
      await Promise.all([proxy.close(), siem.close()]);
    }
  });
});
