// Name resolution with a time budget: every address of the name, as the OS resolver gives them.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolution =
  { ok: true; addresses: ResolvedAddress[]; ms: number } | { ok: false; code: string; ms: number };

export async function resolveHost(host: string, timeoutMs: number): Promise<Resolution> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const family = isIP(host);
  if (family) return { ok: true, addresses: [{ address: host, family: family as 4 | 6 }], ms: 0 };
  let timer: NodeJS.Timeout | undefined;
  try {
    const found = await Promise.race([
      lookup(host, { all: true, verbatim: true }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(Object.assign(new Error('DNS timeout'), { code: 'ETIMEOUT' })),
          timeoutMs,
        );
      }),
    ]);
    const addresses = found.map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
    return addresses.length > 0
      ? { ok: true, addresses, ms: ms() }
      : { ok: false, code: 'ENOTFOUND', ms: ms() };
  } catch (error) {
    return { ok: false, code: (error as NodeJS.ErrnoException).code ?? 'EAI_FAIL', ms: ms() };
  } finally {
    clearTimeout(timer);
  }
}
