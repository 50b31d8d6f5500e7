// portal against a real HTTPS portal on 127.0.0.1, in the round it runs in (token, proxy, portal);
// then, for a Java 8 agent (TLS 1.2 at most by default), beside java-tls, against real TLS servers
// that speak only TLS 1.3, only up to TLS 1.2, or both; and portal's wording of what it found (the
// route, a certificate not yet valid by the injected clock) in every language.
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import type { MessageFile } from '../../src/catalog/en.js';
import { gatherFacts, type Facts } from '../../src/checks/facts.js';
import { javaTls } from '../../src/checks/java-tls.js';
import { portal, hostKind } from '../../src/checks/portal.js';
import { proxy } from '../../src/checks/proxy.js';
import { runChecks } from '../../src/checks/run.js';
import type { CheckResult } from '../../src/checks/types.js';
import { parseProxyAddress } from '../../src/config/proxy-address.js';
import type { DoctorConfig } from '../../src/config/resolve.js';
import { config } from '../helpers/context.js';
import { SYSTEM_JDK } from '../helpers/jre.js';
import { JRE } from '../helpers/paths.js';
import { issue } from '../helpers/pki.js';
import { connectProxy } from '../helpers/portal.js';
import { check, closePeers, newPki, peers, pki, startPortal, url } from '../helpers/portal-checks.js';
import { closedPort, tcpServer, unresponsiveListener } from '../helpers/servers.js';

beforeAll(newPki);
afterEach(closePeers);

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

const TENANT = 'contoso.us3.portal.cloudappsecurity.com';

/**
 * Runs proxy, portal and java-tls with real facts. `asTenant` shows the probe's answer under a
 * tenant host name (the server is 127.0.0.1): only the host name the check judges changes.
 * The round of the Java 8 and wording tests below: each of their describes calls it `check`.
 */
async function checkWithJavaTls(
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

const JAVA8 = { javaHome: JRE('jre8u291'), javaHomeSource: '--java-home' as const };
const JAVA17 = { javaHome: SYSTEM_JDK, javaHomeSource: '--java-home' as const };

/**
 * Whether a TLS ClientHello (the first record a client sends) offers TLS 1.3: its
 * supported_versions extension (43) lists 0x0304. A client with TLS 1.2 at most sends none.
 */
function offersTls13(hello: Buffer): boolean {
  let at = 5 + 4 + 2 + 32; // record header, handshake header, client version, random
  at += 1 + hello[at]!; // session id
  at += 2 + hello.readUInt16BE(at); // cipher suites
  at += 1 + hello[at]!; // compression methods
  const end = Math.min(hello.length, at + 2 + hello.readUInt16BE(at));
  for (at += 2; at + 4 <= end; at += 4 + hello.readUInt16BE(at + 2)) {
    if (hello.readUInt16BE(at) !== 43) continue;
    const list = hello.subarray(at + 5, at + 5 + hello[at + 4]!);
    for (let i = 0; i + 1 < list.length; i += 2) if (list.readUInt16BE(i) === 0x0304) return true;
  }
  return false;
}

/**
 * A portal that answers a TLS 1.3 client (the real portal behind it) and does to a client with TLS
 * 1.2 at most what a broken path does: hold the connection without a word, or reset it.
 */
async function portalFailingTls12(how: 'silent' | 'reset') {
  const upstream = await startPortal();
  const front = await tcpServer((socket) => {
    let hello = Buffer.alloc(0);
    const read = (chunk: Buffer) => {
      hello = Buffer.concat([hello, chunk]);
      if (hello.length < 5 || hello.length < 5 + hello.readUInt16BE(3)) return; // the whole record
      socket.off('data', read);
      if (!offersTls13(hello)) {
        if (how === 'reset') socket.resetAndDestroy();
        return; // silent: the connection stays open, unanswered, until the client gives up
      }
      const real = net.connect(upstream.port, '127.0.0.1');
      real.on('error', () => socket.destroy());
      socket.on('close', () => real.destroy());
      real.write(hello);
      socket.pipe(real).pipe(socket);
    };
    socket.on('data', read);
  });
  peers.push(front);
  return front;
}

describe('portal and java-tls for a Java 8 agent', () => {
  const check = checkWithJavaTls;
  // asserts java-tls too; in this file because it is named after what portal finds
  it('fails a portal that only speaks TLS 1.3: the Java 8 agent offers TLS 1.2 at most', async () => {
    const server = await startPortal({ tls: { minVersion: 'TLSv1.3' } });
    const results = await check({ portalUrl: url(server.port), ...JAVA8 });
    const found = results.portal!;
    expect(found.status).toBe('fail');
    expect(found.message).toMatch(/^localhost speaks TLSv1\.3 with this machine but refuses TLS 1\.2 \(/);
    // both results, side by side
    expect(found.evidence).toMatchObject({
      tls: { protocol: 'TLSv1.3' },
      tls12: { ok: false, refused: true },
    });
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

  // asserts java-tls too: only the server's refusal (an alert) is a refusal
  it.each(['silent', 'reset'] as const)(
    'does not call a TLS 1.2 handshake that a %s path ends a refusal: evidence, “could not confirm”',
    async (how) => {
      const server = await portalFailingTls12(how);
      const results = await check(
        { portalUrl: url(server.port), ...JAVA8, timeoutMs: 1500 },
        { asTenant: true },
      );
      const found = results.portal!;
      expect(found.status).toBe('pass');
      expect(found.message).not.toContain('TLS 1.2');
      const code = how === 'silent' ? 'ETIMEDOUT' : 'ECONNRESET';
      expect(found.evidence).toMatchObject({
        tls: { protocol: 'TLSv1.3' },
        tls12: { ok: false, refused: false, code },
      });
      expect(String(found.evidence?.tls12Unconfirmed)).toBe(
        `could not confirm whether the portal accepts TLS 1.2: the handshake with TLS 1.2 at most ended with ${code}, not with the server refusing the version`,
      );
      const tls = results['java-tls']!;
      expect(tls.status).toBe('pass');
      expect(tls.evidence?.portalTls12).toMatchObject({ refused: false, code });
    },
  );

  it('does not ask a Java 17 agent’s portal for TLS 1.2: TLS 1.3 is that agent’s default', async () => {
    const server = await startPortal({ tls: { minVersion: 'TLSv1.3' } });
    const found = (await check({ portalUrl: url(server.port), ...JAVA17 })).portal!;
    expect(found.status).toBe('warn'); // localhost is no tenant host: reachable otherwise
    expect(found.evidence?.tls12).toBeUndefined();
  });

  // asserts java-tls too; in this file because it is named after what portal finds
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
  const check = checkWithJavaTls;
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
