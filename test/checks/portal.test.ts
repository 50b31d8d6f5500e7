// portal, proxy and token against a real HTTPS portal and real CONNECT proxies on 127.0.0.1.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { gatherFacts } from '../../src/checks/facts.js';
import { runChecks } from '../../src/checks/run.js';
import { portal, hostKind } from '../../src/checks/portal.js';
import { proxy } from '../../src/checks/proxy.js';
import { token } from '../../src/checks/token.js';
import type { CheckResult } from '../../src/checks/types.js';
import type { DoctorConfig } from '../../src/config/resolve.js';
import { parseProxyAddress } from '../../src/config/proxy-address.js';
import { config } from '../helpers/context.js';
import { makePki } from '../helpers/pki.js';
import {
  connectProxy,
  GOOD_TOKEN,
  portalServer,
  type PortalOptions,
  type ProxyMode,
} from '../helpers/portal.js';
import { closedPort, unresponsiveListener, type Peer } from '../helpers/servers.js';

let pki: ReturnType<typeof makePki>;
beforeAll(() => {
  pki = makePki();
});
const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

async function startPortal(options: Partial<PortalOptions> = {}) {
  const server = await portalServer({ cert: pki.chain(), key: pki.leaf.key, ...options });
  peers.push(server);
  return server;
}
async function startProxy(mode: ProxyMode) {
  const server = await connectProxy(mode);
  peers.push(server);
  return server;
}
const proxyAt = (port: number) =>
  (parseProxyAddress(`127.0.0.1:${port}`) as { ok: true; proxy: NonNullable<DoctorConfig['proxy']> }).proxy;

async function check(
  overrides: Partial<DoctorConfig>,
  env: NodeJS.ProcessEnv = {},
): Promise<Record<string, CheckResult>> {
  const cfg = config({ extraCAs: [pki.root.cert], timeoutMs: 2000, ...overrides });
  const results = await runChecks([token, proxy, portal], {
    config: cfg,
    facts: gatherFacts(cfg, env),
    catalog: en,
    env,
  });
  return Object.fromEntries(results.map((r) => [r.id, r]));
}
const url = (port: number, host = 'localhost') => new URL(`https://${host}:${port}`);

describe('portal', () => {
  it('passes a reachable portal with a Microsoft/DigiCert chain, and keeps the chain as evidence', async () => {
    const server = await startPortal();
    const { portal: result } = await check({ portalUrl: url(server.port) });
    // localhost is no tenant host: reachable, with that one warning
    expect(result!.status).toBe('warn');
    expect(result!.message).toBe('localhost is not a Defender for Cloud Apps tenant host name');
    expect(result!.evidence).toMatchObject({
      host: 'localhost',
      route: 'direct',
      http: { status: 200 },
      tls: { protocol: 'TLSv1.3' },
    });
    const chain = (result!.evidence!.tls as { chain: { subject: string }[] }).chain;
    // as linked: the two served certificates, then the anchor found in the trust (--ca-file)
    expect(chain.map((c) => c.subject)).toEqual([
      'localhost',
      'Microsoft Azure RSA TLS Issuing CA 03',
      'Test Root G2',
    ]);
    expect(result!.reproduce).toBe(
      `openssl s_client -connect localhost:${server.port} -servername localhost -verify_return_error </dev/null`,
    );
  });

  it('names TLS inspection when the chain is not Microsoft’s or DigiCert’s', async () => {
    const server = await startPortal({ cert: `${pki.inspected.cert}`, key: pki.inspected.key });
    const { portal: result } = await check({ portalUrl: url(server.port) });
    expect(result).toMatchObject({ status: 'fail', documentedError: 'SIEM agent error' });
    expect(result!.message).toContain('TLS inspection suspected');
    expect(result!.message).toContain('Contoso TLS Inspection CA');
    expect(result!.resolution!.join(' ')).toContain('importing Azure CAs into Java will not help');
  });

  it('fails an untrusted chain, an expired certificate and a certificate for another name apart', async () => {
    const untrusted = await startPortal();
    expect((await check({ portalUrl: url(untrusted.port), extraCAs: [] })).portal!.message).toContain(
      'does not lead to a CA this machine trusts',
    );
    const expired = await startPortal({ cert: pki.chain(pki.expired), key: pki.expired.key });
    const e = (await check({ portalUrl: url(expired.port) })).portal!;
    expect(e).toMatchObject({ status: 'fail', evidence: { code: 'CERT_HAS_EXPIRED' } });
    expect(e.message).toMatch(/expired on \d{4}-\d\d-\d\d/);
    const other = await startPortal({ cert: pki.chain(pki.otherName), key: pki.otherName.key });
    expect((await check({ portalUrl: url(other.port) })).portal!.message).toContain(
      'the certificate served is not for localhost',
    );
  });

  it('fails a server that speaks only TLS 1.0/1.1', async () => {
    const server = await startPortal({
      tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' },
    });
    const result = (await check({ portalUrl: url(server.port) })).portal!;
    expect(result.status).toBe('fail');
    expect(result.message).toContain('would not negotiate TLS 1.2 or newer');
  });

  it('fails a refused port and a firewall that drops, each within the budget', async () => {
    const port = await closedPort();
    expect((await check({ portalUrl: url(port, '127.0.0.1') })).portal!.message).toBe(
      `connection to 127.0.0.1:${port} refused (127.0.0.1): nothing answers HTTPS there`,
    );
    const dead = await unresponsiveListener();
    peers.push(dead);
    const result = (await check({ portalUrl: url(dead.port, '127.0.0.1'), timeoutMs: 1000 })).portal!;
    expect(result.message).toContain('got no answer within 1 s');
  });

  it('fails a name that does not resolve', async () => {
    const result = (await check({ portalUrl: url(443, 'contoso.us3.portal.does-not-exist.invalid') }))
      .portal!;
    expect(result.message).toContain('does not resolve');
  });

  it('warns about a clock more than 5 minutes off', async () => {
    const server = await startPortal({ date: new Date(Date.now() - 20 * 60_000).toUTCString() });
    const result = (await check({ portalUrl: url(server.port) })).portal!;
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/clock is (19|20|21) minutes off/);
    expect(result.evidence!.clockSkewMinutes).toBeGreaterThanOrEqual(19);
  });

  it('records the status of a portal that sends its headers at once and its body slowly', async () => {
    const server = await startPortal({ trickle: true });
    const { portal: result } = await check({ portalUrl: url(server.port), timeoutMs: 3000 });
    // reachable (localhost is no tenant host: that warning alone), not a timeout
    expect(result).toMatchObject({ status: 'warn', evidence: { http: { status: 200 } } });
    expect(result!.message).toBe('localhost is not a Defender for Cloud Apps tenant host name');
  });

  it('knows tenant host names and the generic one', () => {
    expect(hostKind('contoso.us3.portal.cloudappsecurity.com')).toBe('tenant');
    expect(hostKind('contoso.eu2.portal.cloudappsecurity.com')).toBe('tenant');
    expect(hostKind('contoso.us1.portal.cloudappsecurity.us')).toBe('tenant');
    expect(hostKind('contoso.us1.portal.cloudappsecuritygov.com')).toBe('tenant');
    expect(hostKind('portal.cloudappsecurity.com')).toBe('generic');
    expect(hostKind('example.com')).toBe('unknown');
  });
});

describe('token', () => {
  it('passes a token the portal accepts, showing only its last 4 characters', async () => {
    const server = await startPortal();
    const { token: result } = await check({ portalUrl: url(server.port), token: GOOD_TOKEN });
    expect(result).toMatchObject({
      status: 'pass',
      message: `the portal accepted the token ending in …${GOOD_TOKEN.slice(-4)}`,
    });
    expect(JSON.stringify(result)).not.toContain(GOOD_TOKEN);
    expect(server.requests.at(-1)!.authorization).toBe(`Token ${GOOD_TOKEN}`);
  });

  it('fails a token the portal refuses, with the portal’s detail', async () => {
    const server = await startPortal();
    const other = `${'Z9y8X7w6'.repeat(9)}`;
    const { token: result } = await check({ portalUrl: url(server.port), token: other });
    expect(result).toMatchObject({ status: 'fail', documentedError: 'Invalid token' });
    expect(result!.message).toBe(
      `the portal refused the token ending in …${other.slice(-4)} (HTTP 401: Invalid token)`,
    );
  });

  it.each([
    [403, '{"detail":"You do not have permission to perform this action."}'],
    [401, '{"detail":"Invalid user - the owner of this token is not permitted to use tokens"}'],
    [401, 'Unauthorized'],
  ])(
    'warns "could not confirm", not fails, on HTTP %i that does not say the token is invalid (%#)',
    async (status, body) => {
      const server = await startPortal({ status, body });
      const { token: result } = await check({ portalUrl: url(server.port), token: GOOD_TOKEN });
      expect(result).toMatchObject({ status: 'warn', evidence: { status } });
      expect(result!.documentedError).toBeUndefined();
      expect(result!.message).toContain(`could not confirm the token ending in …${GOOD_TOKEN.slice(-4)}`);
      expect(result!.message).toContain(`HTTP ${status}`);
    },
  );

  it('warns, not fails, when the portal throttles or errs', async () => {
    const server = await startPortal({ status: 429 });
    const { token: result } = await check({ portalUrl: url(server.port), token: GOOD_TOKEN });
    expect(result).toMatchObject({ status: 'warn' });
    expect(result!.documentedError).toBeUndefined();
  });

  it.each([
    ['  ' + GOOD_TOKEN, 'spaces or line breaks'],
    [`${GOOD_TOKEN}\n`, 'spaces or line breaks'],
    [`"${GOOD_TOKEN}"`, 'wrapped in quotes'],
    [GOOD_TOKEN.slice(0, 40), 'is 40 characters long'],
    [`${GOOD_TOKEN.slice(0, 70)}-+`, 'characters a token never has ("-" "+")'],
    ['', 'the token is empty'],
  ])('fails offline a copy-paste breakage (%#) without sending it', async (value, expected) => {
    const server = await startPortal();
    const { token: result } = await check({ portalUrl: url(server.port), token: value });
    expect(result!.status).toBe('fail');
    expect(result!.message).toContain(expected);
    expect(server.requests.every((h) => h.authorization === undefined)).toBe(true);
  });

  it('never sends the token to a server whose chain is untrusted', async () => {
    const server = await startPortal({ cert: pki.inspected.cert, key: pki.inspected.key });
    const { token: result } = await check({ portalUrl: url(server.port), token: GOOD_TOKEN });
    expect(result!.status).toBe('skip');
    expect(server.requests).toHaveLength(0);
  });

  it('skips without a token, and stays offline without a portal', async () => {
    expect((await check({})).token!.status).toBe('skip');
    expect((await check({ token: GOOD_TOKEN })).token).toMatchObject({
      status: 'skip',
      message: expect.stringContaining('well formed'),
    });
  });
});

describe('proxy', () => {
  it('tunnels to the portal through a CONNECT proxy', async () => {
    const server = await startPortal();
    const relay = await startProxy('tunnel');
    const results = await check({
      portalUrl: url(server.port),
      proxy: proxyAt(relay.port),
      token: GOOD_TOKEN,
    });
    expect(results.proxy).toMatchObject({
      status: 'pass',
      message: expect.stringContaining(`tunnels CONNECT localhost:${server.port} (HTTP 200)`),
    });
    expect(results.portal!.evidence).toMatchObject({ route: `via 127.0.0.1:${relay.port}` });
    expect(results.token!.status).toBe('pass');
    expect(relay.targets).toEqual([`localhost:${server.port}`]);
    expect(results.portal!.reproduce).toContain(`-proxy 127.0.0.1:${relay.port}`);
  });

  it.each([
    [
      407 as const,
      'wants credentials (HTTP 407, Basic), which the agent cannot give',
      'without authentication',
    ],
    [403 as const, 'refuses CONNECT', 'Allow CONNECT'],
    [502 as const, 'could not reach', 'The proxy itself cannot reach the portal'],
  ])('fails CONNECT answered %s, and the portal is skipped', async (mode, message, fix) => {
    const server = await startPortal();
    const relay = await startProxy(mode);
    const results = await check({ portalUrl: url(server.port), proxy: proxyAt(relay.port) });
    expect(results.proxy).toMatchObject({ status: 'fail', documentedError: 'Invalid proxy address' });
    expect(results.proxy!.message).toContain(message);
    expect(results.proxy!.resolution!.join(' ')).toContain(fix);
    expect(results.portal).toMatchObject({ status: 'skip', message: 'not run: proxy did not pass (fail)' });
  });

  it('fails a proxy address that refuses connections', async () => {
    const port = await closedPort();
    const results = await check({ portalUrl: url(443, 'localhost'), proxy: proxyAt(port) });
    expect(results.proxy!.message).toBe(
      `connection to the proxy 127.0.0.1:${port} refused: nothing listens there`,
    );
  });

  it('fails a proxy that answers CONNECT with 200 and then closes the tunnel', async () => {
    const server = await startPortal();
    const squid = await startProxy('closeAfter200');
    const results = await check({ portalUrl: url(server.port), proxy: proxyAt(squid.port) });
    expect(results.proxy).toMatchObject({
      status: 'fail',
      documentedError: 'Invalid proxy address',
      evidence: { status: 200, code: 'TUNNEL_CLOSED' },
    });
    expect(results.proxy!.message).toContain('HTTP 200 and then closed the tunnel');
    expect(results.portal!.status).toBe('skip');
  });

  it('fails a proxy that takes CONNECT and never answers', async () => {
    const relay = await startProxy('silent');
    const results = await check({
      portalUrl: url(443, 'localhost'),
      proxy: proxyAt(relay.port),
      timeoutMs: 800,
    });
    expect(results.proxy!.message).toContain('did not answer CONNECT within 0.8 s');
  });

  it('says the agent ignores HTTPS_PROXY', async () => {
    const results = await check({}, { HTTPS_PROXY: 'http://proxy:3128' });
    expect(results.proxy).toMatchObject({
      status: 'skip',
      message: expect.stringContaining('HTTPS_PROXY is set, but the agent ignores it'),
    });
  });

  it('without a portal URL, checks that the proxy answers and says CONNECT was not tried', async () => {
    const relay = await startProxy('tunnel');
    const results = await check({ proxy: proxyAt(relay.port) });
    expect(results.proxy).toMatchObject({
      status: 'warn',
      message: expect.stringContaining('CONNECT was not tried'),
    });
  });
});
