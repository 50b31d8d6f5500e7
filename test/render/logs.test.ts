// The text of `siem-doctor logs`: what was read and not, each finding with why, the portal's marks
// with the time left before the next one, in the reader's language; redacted and neutralised.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import type { LogScan } from '../../src/logs/scan.js';
import { localTime, renderLogs } from '../../src/render/logs.js';
import { createRedactor } from '../../src/render/redact.js';

const T = Date.parse('2026-11-30T08:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

function scan(now: number, overrides: Partial<LogScan> = {}): LogScan {
  return {
    dir: '/opt/mcas/logs',
    now: iso(now),
    files: 2,
    lines: 1234,
    bytes: 2_500_000,
    read: [
      { file: 'siem-agent.log', compressed: false, bytes: 2_000_000, lines: 1000 },
      { file: 'siem-agent.log.1.gz', compressed: true, bytes: 500_000, lines: 234, damaged: 'Z_BUF_ERROR' },
    ],
    skipped: [{ file: 'pipe.log', reason: 'not-a-file', code: 'fifo' }],
    findings: [
      {
        kind: 'connection-refused',
        label: 'Connection refused',
        side: 'unknown',
        count: 3,
        first: { file: 'siem-agent.log', line: 10, time: iso(T + 10 * 60_000) },
        last: { file: 'siem-agent.log', line: 90, time: iso(T + 20 * 60_000) },
        example: {
          file: 'siem-agent.log',
          line: 90,
          time: iso(T + 20 * 60_000),
          text: 'java.net.ConnectException: Connection refused \u001b[2J token=Zm9vYmFyU2VjcmV0MQ',
        },
      },
    ],
    portal: {
      lastContact: iso(T),
      failingSince: iso(T + 10 * 60_000),
      basis: 'last-contact',
      status: 'connected',
      connectionErrorAt: iso(T + 2 * HOUR),
      disconnectedAt: iso(T + 12 * HOUR),
    },
    ...overrides,
  };
}

describe('renderLogs', () => {
  it('says what it read and not, a finding it cannot place, and when the portal will show its mark', () => {
    const lines = renderLogs(scan(T + HOUR + 15 * 60_000), en, createRedactor([]));
    expect(lines).toEqual([
      'Read 2 log files, 1234 lines, 2.5 MB, under /opt/mcas/logs',
      'skipped pipe.log: not a regular file (fifo), not read',
      'siem-agent.log.1.gz: the compressed file is damaged (Z_BUF_ERROR); read up to line 234',
      `could not tell the documented error: Connection refused (the line names neither the SIEM nor the portal), 3 times, first ${localTime(iso(T + 10 * 60_000), '')}, last ${localTime(iso(T + 20 * 60_000), '')}, in siem-agent.log line 90`,
      '    java.net.ConnectException: Connection refused ?[2J token=<redacted>',
      expect.stringContaining('give --syslog-host, --portal-url and --proxy to tell'),
      `Last contact with the portal in the logs: ${localTime(iso(T), '')}`,
      `Failing on the portal side since ${localTime(iso(T + 10 * 60_000), '')}`,
      `The portal will show “Connection error” at ${localTime(iso(T + 2 * HOUR), '')} (in 45 min) unless the agent reaches it`,
    ]);
  });

  it('names the portal status as the French portal does, with the English name', () => {
    const lines = renderLogs(
      scan(T + 3 * HOUR, { portal: { ...scan(T).portal!, status: 'Connection error' } }),
      fr,
      createRedactor([]),
    );
    expect(lines[0]).toBe('2 fichiers journaux lus, 1234 lignes, 2,5 Mo, sous /opt/mcas/logs');
    expect(lines).toContain(
      `Le portail affiche « Erreur de connexion (Connection error) » depuis ${localTime(iso(T + 2 * HOUR), '')}`,
    );
    expect(lines).toContain(
      `Le portail affichera « Déconnecté (Disconnected) » à ${localTime(iso(T + 12 * HOUR), '')} (dans 540 min) si l’agent ne le joint pas d’ici là`,
    );
  });
});
