// portal and java-tls for a Java 8 agent (TLS 1.2 at most by default), against real TLS servers on
// 127.0.0.1 that speak only TLS 1.3, only up to TLS 1.2, or both; and portal's wording of what it
// found (the route, a certificate not yet valid by the injected clock) in every language.
import { X509Certificate } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import type { MessageFile } from '../../src/catalog/en.js';
import { gatherFacts, type Facts } from '../../src/checks/facts.js';
import { javaTls } from '../../src/checks/java-tls.js';
import { portal } from '../../src/checks/portal.js';
import { proxy } from '../../src/checks/proxy.js';
import { runChecks } from '../../src/checks/run.js';
import type { CheckResult } from '../../src/checks/types.js';
import { parseProxyAddress } from '../../src/config/proxy-address.js';
import type { DoctorConfig } from '../../src/config/resolve.js';
import { config } from '../helpers/context.js';
import { SYSTEM_JDK } from '../helpers/jre.js';
import { JRE } from '../helpers/paths.js';
import { issue, makePki } from '../helpers/pki.js';
import { connectProxy, portalServer, type PortalOptions } from '../helpers/portal.js';
import type { Peer } from '../helpers/servers.js';

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

const TENANT = 'contoso.us3.portal.cloudappsecurity.com';

/**
 * Runs proxy, portal and java-tls with real facts. `asTenant` shows the probe's answer under a
 * tenant host name (the server is 127.0.0.1): only the host name the check judges changes.
 */
async function check(
  overrides: Partial<DoctorConfig>,
  options: { catalog?: MessageFile; asTenant?: boolean; now?: Date } = {},
): Promise<Record<string, CheckResult>> {
  const cfg = config({ extraCAs: [pki.root.cert], timeoutMs: 3000, ...overrides });
  const env = { PATH: process.env.PATH ?? '' };
  const real = gatherFacts(cfg, env);
  const facts: Facts = options.asTenant
    ? { ...real, portal: async () => ({ ...(await real.portal())!, host: TENANT }) }
    : real;
  const results = await runChecks([proxy, portal, javaTls], {
    config: cfg,
    facts,
    catalog: options.catalog ?? en,
    env,
    ...(options.now && { now: options.now }),
  });
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

const url = (port: number) => new URL(`https://localhost:${port}`);
const JAVA8 = { javaHome: JRE('jre8u291'), javaHomeSource: '--java-home' as const };
const JAVA17 = { javaHome: SYSTEM_JDK, javaHomeSource: '--java-home' as const };

describe('portal and java-tls for a Java 8 agent', () => {
  it('fails a portal that only speaks TLS 1.3: the Java 8 agent offers TLS 1.2 at most', async () => {
    const server = await startPortal({ tls: { minVersion: 'TLSv1.3' } });
    const results = await check({ portalUrl: url(server.port), ...JAVA8 });
    const found = results.portal!;
    expect(found.status).toBe('fail');
    expect(found.message).toMatch(/^localhost speaks TLSv1\.3 with this machine but refuses TLS 1\.2 \(/);
    // both results, side by side
    expect(found.evidence).toMatchObject({ tls: { protocol: 'TLSv1.3' }, tls12: { ok: false } });
    expect(found.resolution?.[0]).toContain('-Djdk.tls.client.protocols=TLSv1.2,TLSv1.3');
    // java-tls (the offline model: this JRE cannot run here) says the same of the agent's Java
    const tls = results['java-tls']!;
    expect(String(tls.evidence?.judgedBy)).toMatch(/^the offline model/);
    expect(tls.status).toBe('fail');
    expect(tls.message).toMatch(
      /^localhost refuses TLS 1\.2 .*this Java 1\.8\.0_291 offers TLS 1\.2 at most/,
    );
    expect(tls.reproduce).toContain('-tls1_2');
  });

  it('does not ask a Java 17 agent’s portal for TLS 1.2: TLS 1.3 is that agent’s default', async () => {
    const server = await startPortal({ tls: { minVersion: 'TLSv1.3' } });
    const found = (await check({ portalUrl: url(server.port), ...JAVA17 })).portal!;
    expect(found.status).toBe('warn'); // localhost is no tenant host: reachable otherwise
    expect(found.evidence?.tls12).toBeUndefined();
  });

  it('passes a portal that speaks TLS 1.2 (at most) to a Java 8 agent', async () => {
    const server = await startPortal({ tls: { maxVersion: 'TLSv1.2' } });
    const results = await check({ portalUrl: url(server.port), ...JAVA8 }, { asTenant: true });
    const found = results.portal!;
    expect(found.status).toBe('pass');
    expect(found.evidence).toMatchObject({
      tls: { protocol: 'TLSv1.2' },
      tls12: { ok: true, protocol: 'TLSv1.2' },
    });
    // one result: both handshakes agree
    expect(found.message).toMatch(/ over TLSv1\.2 \(.*\), directly, in \d+ ms$/);
    expect(results['java-tls']!.status).toBe('pass');
  });

  it('reports both results when they differ: TLS 1.3 for this machine, TLS 1.2 for the Java 8 agent', async () => {
    const server = await startPortal();
    const found = (await check({ portalUrl: url(server.port), ...JAVA8 }, { asTenant: true })).portal!;
    expect(found.status).toBe('pass');
    expect(found.message).toMatch(
      /answered HTTP \d+ over TLSv1\.3 .*directly.*with TLS 1\.2 at most, as a Java 8 agent asks, it negotiated TLSv1\.2 \(/,
    );
    expect(found.evidence).toMatchObject({
      tls: { protocol: 'TLSv1.3' },
      tls12: { ok: true, protocol: 'TLSv1.2' },
    });
  });
});

describe('portal’s words', () => {
  it('names the route in the user’s language, never an English "via …" or "direct" inside it', async () => {
    const server = await startPortal();
    const relay = await connectProxy('tunnel');
    peers.push(relay);
    const proxyAddress = (
      parseProxyAddress(`127.0.0.1:${relay.port}`) as { ok: true; proxy: NonNullable<DoctorConfig['proxy']> }
    ).proxy;
    const said: Record<string, string> = {};
    for (const [lang, catalog] of [
      ['en', en],
      ['fr', fr],
      ['nl', nl],
    ] as const) {
      const found = (
        await check(
          { portalUrl: url(server.port), proxy: proxyAddress, ...JAVA17 },
          { catalog, asTenant: true },
        )
      ).portal!;
      expect(found.status).toBe('pass');
      said[lang] = found.message;
    }
    expect(said.en).toContain(`through the proxy 127.0.0.1:${relay.port}`);
    expect(said.fr).toContain(`par le proxy 127.0.0.1:${relay.port}`);
    expect(said.nl).toContain(`via de proxy 127.0.0.1:${relay.port}`);
    expect(said.fr).not.toMatch(/via 127|direct,/);
    // the evidence keeps the route as data, the same in every language
  });

  it('says from when a certificate not yet valid is valid (its notBefore), by the injected clock', async () => {
    const DAY = 86_400_000;
    // An issuing CA that starts in two days: OpenSSL refuses it as not yet valid today.
    const later = issue({
      subject: { CN: 'Microsoft Azure RSA TLS Issuing CA 04', O: 'Microsoft Corporation', C: 'US' },
      issuer: pki.root,
      ca: true,
      notBefore: new Date(Date.now() + 2 * DAY),
      notAfter: new Date(Date.now() + 300 * DAY),
    });
    const leaf = issue({
      subject: { CN: 'localhost', O: 'Microsoft Corporation' },
      issuer: later,
      hosts: ['localhost', '127.0.0.1'],
    });
    const server = await startPortal({ cert: `${leaf.cert}${later.cert}`, key: leaf.key });
    const notBefore = new Date(new X509Certificate(later.cert).validFrom);
    const notAfter = new Date(new X509Certificate(later.cert).validTo);
    const leafNotAfter = new Date(new X509Certificate(leaf.cert).validTo);
    // the check's clock: a day before the CA starts (derived from the certificate's own dates)
    const now = new Date(notBefore.getTime() - DAY);
    const found = (await check({ portalUrl: url(server.port), ...JAVA17 }, { now })).portal!;
    expect(found.status).toBe('fail');
    expect(found.evidence?.code).toBe('CERT_NOT_YET_VALID');
    const date = notBefore.toISOString().slice(0, 10);
    expect(found.message).toBe(
      `the certificate served by localhost is valid only from ${date}: check this machine’s clock`,
    );
    expect(found.message).not.toContain(notAfter.toISOString().slice(0, 10));
    expect(found.message).not.toContain(leafNotAfter.toISOString().slice(0, 10));
  });
});
