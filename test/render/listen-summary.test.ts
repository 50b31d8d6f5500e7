// The listen renderer: every word from the catalog, in each language; a sender's bytes
// neutralised; IPv6 addresses in brackets.
import { describe, expect, it } from 'vitest';
import { loadCatalog, LANGUAGES } from '../../src/catalog/index.js';
import {
  forwardProblemLine,
  listeningLine,
  renderListenSummary,
  type ListenResultSummary,
} from '../../src/render/listen-summary.js';
import { readSyslog } from '../../src/syslog/cef.js';
import { RAW_CONTROL } from '../helpers/terminal.js';

const summary: ListenResultSummary = {
  events: 2,
  activities: 1,
  alerts: 1,
  byCategory: { EVENT_CATEGORY_LOGIN: 1, 'ALERT_\u001b[2J': 1 },
  firstEventTime: '2024-03-01T10:00:00.000Z',
  lastEventTime: '2024-03-01T10:05:00.000Z',
  senders: ['127.0.0.1'],
  connections: 1,
  framing: { lf: 2, octet: 0, datagram: 0 },
  malformed: 1,
  firstMalformed: { sender: '127.0.0.1', reason: 'no CEF: in the line', message: 'junk \u001b]0;t\u0007' },
  durationMs: 61_000,
  stoppedBy: 'signal',
  received: 3,
  firstMessageAt: '2024-03-01T10:10:00.000Z',
  lastMessageAt: '2024-03-01T10:10:01.000Z',
  quietMs: 59_500,
  firstRt: '2024-03-01T09:59:59.000Z',
  lastRt: '2024-03-01T10:04:59.000Z',
  output: {
    file: '/var/tmp/recovered.log',
    maxBytes: 1024 * 1024,
    keep: 2,
    messages: 3,
    bytes: 1500,
    rotations: 1,
    files: ['/var/tmp/recovered.log', '/var/tmp/recovered.log.1'],
    rotatedAway: 0,
    notKept: 0,
  },
  forward: {
    target: '[2001:db8::5]:514/tcp',
    protocol: 'tcp',
    forwarded: 1,
    notForwarded: 2,
    unconfirmed: 1,
    outages: 1,
    problems: [{ at: '2024-03-01T10:10:00.500Z', kind: 'reset', code: 'ECONNRESET' }],
    connections: 2,
  },
};

describe('the listen summary', () => {
  it("says each of the parser's reasons for a malformed message in the user's words", async () => {
    // every reason readSyslog gives (src/syslog/cef.ts) has its own key: none is quoted as English
    const messages: [string, Record<string, string>][] = [
      ['<999>CEF:0|a|b|c|d|e|f|', { fr: 'son <PRI> n’est pas de 1 à 3 chiffres jusqu’à 191', nl: 'PRI' }],
      ['hello world', { fr: 'pas de « CEF: » dans la ligne', nl: 'CEF:' }],
      ['CEF:0|MCAS|SIEM_Agent|1', { fr: 'son en-tête CEF a moins de 8 champs', nl: '8' }],
      ['CEF:x1|a|b|c|d|e|f|k=v', { fr: 'sa version CEF « x1 » n’est pas un nombre', nl: 'x1' }],
    ];
    const [en, fr, nl] = await Promise.all([loadCatalog('en'), loadCatalog('fr'), loadCatalog('nl')]);
    for (const [message, words] of messages) {
      const read = readSyslog(Buffer.from(message));
      expect(read.ok, message).toBe(false);
      const reason = read.ok ? '' : read.reason;
      const said = (catalog: typeof en) =>
        renderListenSummary(
          { ...summary, firstMalformed: { sender: '127.0.0.1', reason, message } },
          catalog,
          { stallMs: 10_000 },
        )
          .split('\n')
          .find((line) => line.includes('127.0.0.1 ('))!;
      expect(said(en)).toContain(`(${reason})`);
      expect(said(fr)).toContain(`(${words.fr})`);
      // Dutch: its own sentence around the detail, never the English reason
      expect(said(nl)).toContain(words.nl);
      expect(said(nl)).not.toContain(reason);
    }
  });

  it('says the rt range once when it is the range of the event times', async () => {
    const same = { ...summary, firstEventTime: summary.firstRt, lastEventTime: summary.lastRt };
    const text = renderListenSummary(same, await loadCatalog('en'), { stallMs: 10_000 });
    expect(text).toContain('Event times: first 2024-03-01T09:59:59.000Z, last 2024-03-01T10:04:59.000Z');
    expect(text).not.toContain('Event times (rt)');
  });

  it('says in English when the stream went quiet, the rt range, and the received / forwarded / not forwarded counts', async () => {
    const text = renderListenSummary(summary, await loadCatalog('en'), { stallMs: 10_000 });
    expect(text).toContain('Event times (rt): first 2024-03-01T09:59:59.000Z, last 2024-03-01T10:04:59.000Z');
    expect(text).toContain(
      'Messages came from 2024-03-01T10:10:00.000Z to 2024-03-01T10:10:01.000Z; the stream had been quiet for 59.5 s when listening stopped',
    );
    expect(text).toContain(
      'Kept 3 messages (1500 bytes) in /var/tmp/recovered.log, /var/tmp/recovered.log.1',
    );
    expect(text).toContain('Forwarding to [2001:db8::5]:514/tcp: 3 received, 1 forwarded, 2 not forwarded');
    expect(text).toContain('the SIEM reset the connection (ECONNRESET)');
    expect(text).toContain('The 2 messages not forwarded are in /var/tmp/recovered.log with all the others');
    expect(text).not.toMatch(RAW_CONTROL);
  });

  it.each(['fr', 'nl'] as const)('in %s, no English word of the summary is left', async (lang) => {
    const english = renderListenSummary(summary, await loadCatalog('en'), { stallMs: 10_000 });
    const text = renderListenSummary(summary, await loadCatalog(lang), { stallMs: 10_000 });
    for (const word of [
      'received',
      'forwarded',
      'Kept',
      'quiet',
      'Rotated',
      'reset the connection',
      'in the line',
    ]) {
      expect(english).toContain(word);
      expect(text).not.toContain(word);
    }
    expect(text).toContain('[2001:db8::5]:514/tcp');
    // a decimal in the language's sign: 59,5 s, not 59.5 s
    expect(english).toContain('59.5 s');
    expect(text).toContain('59,5 s');
    expect(text).not.toMatch(/\d\.\d s/);
  });

  it('prints where it listens with IPv6 in brackets, and a problem line that says where the messages are kept', async () => {
    for (const lang of LANGUAGES) {
      const catalog = await loadCatalog(lang);
      expect(listeningLine(catalog, { host: '::1', port: 5596 }, 'tcp', {})).toContain('[::1]:5596/tcp');
      expect(listeningLine(catalog, { host: '127.0.0.1', port: 5596 }, 'udp', {})).toContain(
        '127.0.0.1:5596/udp',
      );
    }
    const en = await loadCatalog('en');
    expect(
      forwardProblemLine(
        en,
        { at: '2024-03-01T10:10:00.500Z', kind: 'refused', code: 'ECONNREFUSED' },
        'siem:514/tcp',
        {
          output: 'kept.log',
          stallMs: 10_000,
        },
      ),
    ).toBe(
      'Forwarding to siem:514/tcp at 2024-03-01T10:10:00.500Z: the SIEM refused the connection: nothing listens on that port; meanwhile messages are kept in kept.log; trying again',
    );
    expect(
      forwardProblemLine(en, { at: 'now', kind: 'stalled' }, 'siem:514/tcp', { stallMs: 10_000 }),
    ).toContain('the SIEM took nothing for 10 s; meanwhile messages are not kept (no --output)');
  });
});
