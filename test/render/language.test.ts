// The report in the user's language: counts in its grammar, documented errors and portal statuses
// under the names Microsoft's own French and Dutch documents give them, followed by the English
// identifier; every machine format keeps SPEC.md's English identifiers whatever the language.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import { renderReport } from '../../src/render/index.js';
import { projectionLines } from '../../src/render/projection-text.js';
import { project } from '../../src/watch/projection.js';
import { failingReport } from '../helpers/reports.js';

const render = (
  catalog: typeof en | typeof fr | typeof nl,
  format: 'text' | 'json' | 'junit' | 'ndjson' | 'prometheus',
) => renderReport(failingReport('agent-01'), format, { catalog, color: false, secrets: [], runId: 'run-1' });

describe('the text report in French and Dutch', () => {
  it('names a documented error as the localized documents do, then by its English identifier', async () => {
    const french = await render(fr, 'text');
    expect(french).toContain(
      'Erreur documentée: Erreur de connexion du serveur de données (Data server connection error)',
    );
    expect(french).toContain('Erreur documentée: Erreur de l’agent SIEM (SIEM agent error)');
    const dutch = await render(nl, 'text');
    expect(dutch).toContain(
      'Gedocumenteerde fout: Fout bij gegevensserververbinding (Data server connection error)',
    );
    expect(dutch).toContain('Gedocumenteerde fout: SIEM-agentfout (SIEM agent error)');
    const english = await render(en, 'text');
    expect(english).toContain('Documented error: Data server connection error\n');
  });

  it('counts in the grammar of each language', async () => {
    // failingReport: 2 failed, 1 skipped, 1 error, nothing passed, no warning
    expect(await render(en, 'text')).toContain(
      '0 passed, 0 warnings, 2 failed, 1 skipped, 1 error in 1510 ms',
    );
    expect(await render(fr, 'text')).toContain(
      '0 réussie, 0 avertissement, 2 en échec, 1 ignorée, 1 erreur en 1510 ms',
    );
    expect(await render(nl, 'text')).toContain(
      '0 geslaagd, 0 waarschuwingen, 2 mislukt, 1 overgeslagen, 1 fout in 1510 ms',
    );
  });

  it('says the portal status the way the localized portal shows it', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const since = new Date(now.getTime() - 7 * 3600_000).toISOString();
    const projection = project(
      { version: 1, checks: { portal: { status: 'fail', lastRun: now.toISOString(), failingSince: since } } },
      now,
    );
    const [reachedFr, nextFr] = projectionLines(projection, fr);
    expect(reachedFr).toContain('« Erreur de connexion (Connection error) »');
    expect(nextFr).toContain('« Déconnecté (Disconnected) »');
    const [reachedNl, nextNl] = projectionLines(projection, nl);
    expect(reachedNl).toContain('“Verbindingsfout (Connection error)”');
    expect(nextNl).toContain('“Verbroken (Disconnected)”');
    expect(projectionLines(projection, en)[0]).toContain('“Connection error”');
  });
});

describe('the machine formats in French and Dutch', () => {
  it.each(['json', 'junit', 'ndjson', 'prometheus'] as const)(
    '%s keeps the English identifiers of SPEC.md',
    async (format) => {
      for (const catalog of [fr, nl]) {
        const out = await render(catalog, format);
        expect(out).toContain('Data server connection error');
        expect(out).toContain('SIEM agent error');
        for (const local of [
          'serveur de données',
          'gegevensserververbinding',
          'SIEM-agentfout',
          'l’agent SIEM',
        ])
          expect(out).not.toContain(local);
      }
    },
  );

  it('JUnit words its labels in the language, around the English identifier', async () => {
    const out = await render(fr, 'junit');
    expect(out).toContain('type="Data server connection error"');
    expect(out).toContain('Erreur documentée: Data server connection error');
    expect(await render(en, 'junit')).toContain('Documented error: Data server connection error');
  });
});
