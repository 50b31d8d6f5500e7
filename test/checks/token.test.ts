// token against a real HTTPS portal on 127.0.0.1, in the round it runs in (token, proxy, portal).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_TOKEN } from '../helpers/portal.js';
import { check, closePeers, newPki, pki, startPortal, url } from '../helpers/portal-checks.js';

beforeAll(newPki);
afterEach(closePeers);

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
