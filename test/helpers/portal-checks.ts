// token, proxy and portal run as a round runs them, against the portal and CONNECT proxies of
// portal.ts on 127.0.0.1, with one fresh PKI per test file. Shared by token.test.ts, proxy.test.ts
// and portal.test.ts; a test file calls beforeAll(newPki) and afterEach(closePeers).
import { en } from '../../src/catalog/en.js';
import { gatherFacts } from '../../src/checks/facts.js';
import { runChecks } from '../../src/checks/run.js';
import { portal } from '../../src/checks/portal.js';
import { proxy } from '../../src/checks/proxy.js';
import { token } from '../../src/checks/token.js';
import type { CheckResult } from '../../src/checks/types.js';
import type { DoctorConfig } from '../../src/config/resolve.js';
import { parseProxyAddress } from '../../src/config/proxy-address.js';
import { config } from './context.js';
import { makePki } from './pki.js';
import { connectProxy, portalServer, type PortalOptions, type ProxyMode } from './portal.js';
import type { Peer } from './servers.js';

/** The test file's chains (a live binding: set by newPki, in its beforeAll). */
export let pki: ReturnType<typeof makePki>;
export function newPki(): void {
  pki = makePki();
}

/** The servers a test started: closed after it (afterEach(closePeers)). */
export const peers: Peer[] = [];
export async function closePeers(): Promise<void> {
  await Promise.all(peers.splice(0).map((p) => p.close()));
}

export async function startPortal(options: Partial<PortalOptions> = {}) {
  const server = await portalServer({ cert: pki.chain(), key: pki.leaf.key, ...options });
  peers.push(server);
  return server;
}
export async function startProxy(mode: ProxyMode) {
  const server = await connectProxy(mode);
  peers.push(server);
  return server;
}
export const proxyAt = (port: number) =>
  (parseProxyAddress(`127.0.0.1:${port}`) as { ok: true; proxy: NonNullable<DoctorConfig['proxy']> }).proxy;

export async function check(
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
export const url = (port: number, host = 'localhost') => new URL(`https://${host}:${port}`);
