import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, 'fixtures');
/** The 140-entry JKS cacerts (password changeit) most keystore tests start from. */
export const CACERTS = path.join(FIXTURES, 'keystores', 'cacerts-140.jks');
export const JRE = (name: string) => path.join(FIXTURES, 'jre', name);

/**
 * The "broken" agent log folder, copied with the file times a real agent leaves (git keeps no
 * times: in a fresh clone both files would look equally new): siem-agent.log.1 is the older one.
 */
export async function brokenAgentLogs(): Promise<string> {
  const { cp, mkdtemp, utimes } = await import('node:fs/promises');
  const os = await import('node:os');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sd-agent-logs-'));
  await cp(path.join(FIXTURES, 'agent-logs', 'broken'), dir, { recursive: true });
  await utimes(
    path.join(dir, 'siem-agent.log.1'),
    new Date('2026-11-20T09:20:00Z'),
    new Date('2026-11-20T09:20:00Z'),
  );
  await utimes(
    path.join(dir, 'siem-agent.log'),
    new Date('2026-11-21T10:06:00Z'),
    new Date('2026-11-21T10:06:00Z'),
  );
  return dir;
}
