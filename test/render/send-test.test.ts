// The send-test renderer: what was sent and how to find it, or why it failed, in the user's language.
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.js';
import { renderSendTest, type SendTestResult } from '../../src/render/send-test.js';

describe('the send-test result', () => {
  const sent: SendTestResult = {
    ok: true,
    address: '127.0.0.1',
    sent: 5,
    bytes: 3000,
    ms: 3,
    host: 'siem.contoso.local',
    port: 514,
    protocol: 'tcp',
    framing: 'lf',
    runId: 'siem-doctor-1-ab',
    count: 5,
  };

  it('on success: what was sent, how to find it, and the rsyslog hint only for unprefixed TCP lines', async () => {
    const en = await loadCatalog('en');
    const { out, err } = renderSendTest(sent, en, { timeoutMs: 5000 });
    expect(err).toEqual([]);
    expect(out[0]).toBe('Sent 5 events (3000 bytes) to siem.contoso.local:514/tcp (127.0.0.1), framed lf');
    expect(out[1]).toBe('Find them in the SIEM by externalId siem-doctor-1-ab-1 … siem-doctor-1-ab-5');
    expect(out.at(-1)).toContain('SupportOctetCountedFraming');
    expect(renderSendTest(sent, en, { timeoutMs: 5000, pri: 134 }).out).toHaveLength(2);
  });

  it('on failure: the reason on stderr, in the user language', async () => {
    const failed: SendTestResult = {
      ...sent,
      ok: false,
      stage: 'send',
      kind: 'stalled',
      address: '127.0.0.1',
      sent: 2,
      ms: 5000,
    };
    const fr = renderSendTest(failed, await loadCatalog('fr'), { timeoutMs: 5000 });
    expect(fr.out).toEqual([]);
    expect(fr.err).toHaveLength(2);
    expect(fr.err.join('\n')).not.toMatch(/\b(events were taken|failed)\b/);
  });
});
