// The trust service on its own, with the facts handed in: it finds the store only through them
// (never looking Java up again), and a store another run holds is a 'busy' outcome that changes
// nothing. Every keystore written is opened by the real keytool.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Facts } from '../../src/checks/facts.js';
import type { DoctorConfig } from '../../src/config/resolve.js';
import { lockFileOf } from '../../src/keystore/lock.js';
import type { JavaLookup } from '../../src/probes/java.js';
import { applyTrust, gatherCandidates, openTarget, planTrust } from '../../src/trust/service.js';
import { en } from '../../src/catalog/en.js';
import { keytoolList } from '../helpers/keytool.js';
import { CACERTS, FIXTURES } from '../helpers/paths.js';

const ROOT_G2 = path.join(FIXTURES, 'azure-cas', 'microsoft-tls-rsa-root-g2-xsign.pem');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-service-'));
  dirs.push(dir);
  return dir;
}

/** Facts as a test hands them in: a Java install, and a count of what was asked. */
function factsWith(java: JavaLookup) {
  const asked = { java: 0, jvm: 0, portal: 0 };
  const facts = {
    java: async () => (asked.java++, java),
    jvm: async () => (asked.jvm++, { ran: false as const, reason: 'no-java' as const }),
    forgetJvm: () => undefined,
    portal: async () => (asked.portal++, undefined),
  } satisfies Pick<Facts, 'java' | 'jvm' | 'forgetJvm' | 'portal'>;
  return { facts, asked };
}

const config = (over: Partial<DoctorConfig> = {}) =>
  ({ storepass: 'changeit', timeoutMs: 5_000, agentJavaOptions: [], ...over }) as DoctorConfig;

describe('the trust service', () => {
  it('locates the store only through the facts: the JRE facts.java() found, as Java picks its store', async () => {
    const home = await tempDir();
    const security = path.join(home, 'lib', 'security');
    await mkdir(security, { recursive: true });
    await copyFile(CACERTS, path.join(security, 'cacerts'));
    await copyFile(CACERTS, path.join(security, 'jssecacerts'));
    const java = {
      found: true,
      home,
      javaBin: path.join(home, 'bin', 'java'),
      source: '--java-home',
      version: { major: 17, update: 0 },
      vendor: 'test',
      versionFrom: 'release file',
    } as unknown as JavaLookup;
    const { facts, asked } = factsWith(java);
    const target = await openTarget(facts, config(), {});
    expect(target.file).toBe(path.join(security, 'jssecacerts'));
    expect(target.chosenBy).toMatch(/^jssecacerts exists/);
    expect(target.javaHome).toBe(home);
    expect(asked).toEqual({ java: 1, jvm: 0, portal: 0 }); // certs commands do not start a JVM to locate
    // nor can a caller ask it to: check --fix locates with the JVM itself and hands in `located`
    // @ts-expect-error askJvm is no option of openTarget
    await openTarget(facts, config(), {}, { askJvm: true });
    expect(asked.jvm).toBe(0);
  });

  it('a store another run holds: applying is "busy" (code busy), and the file is left as it was', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'cacerts');
    await copyFile(CACERTS, file);
    const { facts } = factsWith({ found: false, reason: 'not-found' });
    const settings = config({ keystore: file });
    const request = { from: [ROOT_G2], includeExpired: false, now: new Date() };
    const target = await openTarget(facts, settings, {});
    const planned = await planTrust(target, await gatherCandidates(facts, settings, request, en), request);
    expect(planned.plan.add.map((p) => p.alias)).toEqual(['microsoft-tls-rsa-root-g2']);
    // held by a live process of this machine (the test runner's parent)
    await writeFile(
      lockFileOf(file),
      JSON.stringify({ pid: process.ppid, host: os.hostname(), since: Date.now(), token: 't' }),
    );
    const before = await readFile(file);
    const busy = await applyTrust(planned, { password: 'changeit', waitMs: 300 });
    expect(busy).toMatchObject({ kind: 'busy', error: { code: 'busy' } });
    expect((await readFile(file)).equals(before)).toBe(true);
    await rm(lockFileOf(file));
    const written = await applyTrust(planned, { password: 'changeit' });
    expect(written).toMatchObject({
      kind: 'written',
      plan: { add: [{ alias: 'microsoft-tls-rsa-root-g2' }] },
    });
    expect((await keytoolList(file)).map((l) => l.alias)).toContain('microsoft-tls-rsa-root-g2');
  });
});
