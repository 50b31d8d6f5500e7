// proxy against real CONNECT proxies and a real HTTPS portal on 127.0.0.1, in the round it runs in
// (token, proxy, portal).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import type { MessageFile } from '../../src/catalog/en.js';
import { gatherFacts } from '../../src/checks/facts.js';
import { proxy } from '../../src/checks/proxy.js';
import { runChecks } from '../../src/checks/run.js';
import { parseProxyAddress } from '../../src/config/proxy-address.js';
import { config } from '../helpers/context.js';
import { GOOD_TOKEN } from '../helpers/portal.js';
import {
  check,
  closePeers,
  newPki,
  proxyAt,
  startPortal,
  startProxy,
  url,
} from '../helpers/portal-checks.js';
import { closedPort } from '../helpers/servers.js';

beforeAll(newPki);
afterEach(closePeers);

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

describe('a --proxy the agent runs with and cannot use', () => {
  /** proxy alone, on the agent's value as resolve.ts keeps it (its credentials redacted). */
  async function malformed(value: string, catalog: MessageFile) {
    const parsed = parseProxyAddress(value);
    if (parsed.ok) throw new Error(`${value} is a proxy address`);
    const cfg = config({
      proxyProblem: { value: value.replace(/^[^@]+@/, '<redacted>@'), problem: parsed.problem },
    });
    const [result] = await runChecks([proxy], { config: cfg, facts: gatherFacts(cfg, {}), catalog, env: {} });
    return result!;
  }

  it.each([
    [
      en,
      'bob:pw@proxy.contoso.local:8080',
      'the agent runs with --proxy "<redacted>@proxy.contoso.local:8080", which it cannot use: it carries credentials; the agent cannot log in to a proxy',
    ],
    [
      fr,
      'bob:pw@proxy.contoso.local:8080',
      'l’agent tourne avec --proxy "<redacted>@proxy.contoso.local:8080", qu’il ne peut pas utiliser : elle contient des identifiants ; l’agent ne sait pas s’authentifier auprès d’un proxy',
    ],
    [
      nl,
      'bob:pw@proxy.contoso.local:8080',
      'de agent draait met --proxy "<redacted>@proxy.contoso.local:8080", dat hij niet kan gebruiken: het bevat inloggegevens; de agent kan zich niet bij een proxy aanmelden',
    ],
    [
      fr,
      'proxy.contoso.local:99999',
      'l’agent tourne avec --proxy "proxy.contoso.local:99999", qu’il ne peut pas utiliser : le port « 99999 » n’est pas un nombre entier de 1 à 65535',
    ],
    [
      nl,
      'http://proxy.contoso.local:8080',
      'de agent draait met --proxy "http://proxy.contoso.local:8080", dat hij niet kan gebruiken: laat "http://" weg: de agent neemt alleen ADRES[:POORT]',
    ],
  ])('says why in the report’s language (%#)', async (catalog, value, message) => {
    const result = await malformed(value, catalog);
    expect(result).toMatchObject({ status: 'fail', documentedError: 'Invalid proxy address', message });
    // the reason is data in the evidence, the same in every language
    expect(result.evidence).toMatchObject({ source: 'agent process' });
    expect(typeof result.evidence!.problem).toBe('string');
    expect(result.evidence!.problem).not.toMatch(/\s/);
  });
});
