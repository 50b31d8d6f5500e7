// Counts in the grammar of each language: the form is chosen by Intl.PluralRules for the
// language, so French says "0 avertissement" and "1 avertissement", English and Dutch "0 warnings"
// and "1 warning". Every sentence that counts is tried with 0, 1 and 2.
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import { fill, pluralBlocks, translate, type Params } from '../../src/catalog/index.js';

const FILES = { en, fr, nl } as const;
type Case = [MessageKey, (n: number) => Params, Record<keyof typeof FILES, [string, string, string]>];

const CASES: Case[] = [
  [
    'ui.summary',
    (n) => ({ pass: n, warn: n, fail: n, skip: n, error: n, ms: 5 }),
    {
      en: [
        '0 passed, 0 warnings, 0 failed, 0 skipped, 0 errors in 5 ms',
        '1 passed, 1 warning, 1 failed, 1 skipped, 1 error in 5 ms',
        '2 passed, 2 warnings, 2 failed, 2 skipped, 2 errors in 5 ms',
      ],
      fr: [
        '0 réussie, 0 avertissement, 0 en échec, 0 ignorée, 0 erreur en 5 ms',
        '1 réussie, 1 avertissement, 1 en échec, 1 ignorée, 1 erreur en 5 ms',
        '2 réussies, 2 avertissements, 2 en échec, 2 ignorées, 2 erreurs en 5 ms',
      ],
      nl: [
        '0 geslaagd, 0 waarschuwingen, 0 mislukt, 0 overgeslagen, 0 fouten in 5 ms',
        '1 geslaagd, 1 waarschuwing, 1 mislukt, 1 overgeslagen, 1 fout in 5 ms',
        '2 geslaagd, 2 waarschuwingen, 2 mislukt, 2 overgeslagen, 2 fouten in 5 ms',
      ],
    },
  ],
  [
    'ui.running',
    (n) => ({ count: n }),
    {
      en: ['Running 0 checks…', 'Running 1 check…', 'Running 2 checks…'],
      fr: ['Exécution de 0 vérification…', 'Exécution de 1 vérification…', 'Exécution de 2 vérifications…'],
      nl: [
        '0 controles worden uitgevoerd…',
        '1 controle wordt uitgevoerd…',
        '2 controles worden uitgevoerd…',
      ],
    },
  ],
  [
    'logs.clean',
    (n) => ({ files: n, lines: n, dir: '/logs' }),
    {
      en: [
        'no documented error in 0 log files, 0 lines, under /logs',
        'no documented error in 1 log file, 1 line, under /logs',
        'no documented error in 2 log files, 2 lines, under /logs',
      ],
      fr: [
        'aucune erreur documentée dans 0 fichier journal, 0 ligne, sous /logs',
        'aucune erreur documentée dans 1 fichier journal, 1 ligne, sous /logs',
        'aucune erreur documentée dans 2 fichiers journaux, 2 lignes, sous /logs',
      ],
      nl: [
        'geen gedocumenteerde fout in 0 logbestanden, 0 regels, onder /logs',
        'geen gedocumenteerde fout in 1 logbestand, 1 regel, onder /logs',
        'geen gedocumenteerde fout in 2 logbestanden, 2 regels, onder /logs',
      ],
    },
  ],
  [
    'import.done',
    (n) => ({ count: n, file: 'cacerts', backup: 'cacerts.bak' }),
    {
      en: [
        'Added 0 certificates to cacerts; the previous version is kept as cacerts.bak.',
        'Added 1 certificate to cacerts; the previous version is kept as cacerts.bak.',
        'Added 2 certificates to cacerts; the previous version is kept as cacerts.bak.',
      ],
      fr: [
        '0 certificat ajouté à cacerts ; la version précédente est conservée sous cacerts.bak.',
        '1 certificat ajouté à cacerts ; la version précédente est conservée sous cacerts.bak.',
        '2 certificats ajoutés à cacerts ; la version précédente est conservée sous cacerts.bak.',
      ],
      nl: [
        '0 certificaten toegevoegd aan cacerts; de vorige versie blijft bewaard als cacerts.bak.',
        '1 certificaat toegevoegd aan cacerts; de vorige versie blijft bewaard als cacerts.bak.',
        '2 certificaten toegevoegd aan cacerts; de vorige versie blijft bewaard als cacerts.bak.',
      ],
    },
  ],
  [
    'ui.notRun',
    (n) => ({ count: n, checks: 'token', flags: '--token' }),
    {
      en: [
        '0 checks could not run for lack of input (token): give --token to run them',
        '1 check could not run for lack of input (token): give --token to run it',
        '2 checks could not run for lack of input (token): give --token to run them',
      ],
      fr: [
        '0 vérification n’a pas pu être faite faute de données (token) : donnez --token pour la faire',
        '1 vérification n’a pas pu être faite faute de données (token) : donnez --token pour la faire',
        '2 vérifications n’ont pas pu être faites faute de données (token) : donnez --token pour les faire',
      ],
      nl: [
        '0 controles konden niet draaien bij gebrek aan gegevens (token): geef --token om ze te laten draaien',
        '1 controle kon niet draaien bij gebrek aan gegevens (token): geef --token om die te laten draaien',
        '2 controles konden niet draaien bij gebrek aan gegevens (token): geef --token om ze te laten draaien',
      ],
    },
  ],
  [
    'syslog.partial',
    (n) => ({ ok: n, total: 3, host: 'siem', port: 514 }),
    {
      en: [
        'only 0 of the 3 addresses of siem accept connections on port 514',
        'only 1 of the 3 addresses of siem accepts connections on port 514',
        'only 2 of the 3 addresses of siem accept connections on port 514',
      ],
      fr: [
        'seule 0 des 3 adresses de siem accepte les connexions sur le port 514',
        'seule 1 des 3 adresses de siem accepte les connexions sur le port 514',
        'seules 2 des 3 adresses de siem acceptent les connexions sur le port 514',
      ],
      nl: [
        'slechts 0 van de 3 adressen van siem nemen verbindingen aan op poort 514',
        'slechts 1 van de 3 adressen van siem neemt verbindingen aan op poort 514',
        'slechts 2 van de 3 adressen van siem nemen verbindingen aan op poort 514',
      ],
    },
  ],
  [
    'listen.summary',
    (n) => ({ events: n, activities: n, alerts: n, senders: n, connections: n, seconds: 3, malformed: n }),
    {
      en: [
        'Received 0 events (0 activities, 0 alerts) from 0 senders over 0 connections in 3 s; 0 malformed',
        'Received 1 event (1 activity, 1 alert) from 1 sender over 1 connection in 3 s; 1 malformed',
        'Received 2 events (2 activities, 2 alerts) from 2 senders over 2 connections in 3 s; 2 malformed',
      ],
      fr: [
        '0 événement reçu (0 activité, 0 alerte) de 0 émetteur par 0 connexion en 3 s ; 0 mal formé',
        '1 événement reçu (1 activité, 1 alerte) de 1 émetteur par 1 connexion en 3 s ; 1 mal formé',
        '2 événements reçus (2 activités, 2 alertes) de 2 émetteurs par 2 connexions en 3 s ; 2 mal formés',
      ],
      nl: [
        '0 gebeurtenissen ontvangen (0 activiteiten, 0 waarschuwingen) van 0 afzenders via 0 verbindingen in 3 s; 0 misvormd',
        '1 gebeurtenis ontvangen (1 activiteit, 1 waarschuwing) van 1 afzender via 1 verbinding in 3 s; 1 misvormd',
        '2 gebeurtenissen ontvangen (2 activiteiten, 2 waarschuwingen) van 2 afzenders via 2 verbindingen in 3 s; 2 misvormd',
      ],
    },
  ],
];

describe.each(Object.entries(FILES))('counts in %s', (lang, file) => {
  it.each(CASES)('%s for 0, 1 and 2', (key, params, expected) => {
    const said = [0, 1, 2].map((n) => translate(file, { key, params: params(n) }));
    expect(said).toEqual(expected[lang as keyof typeof FILES]);
  });

  it('every sentence that counts reads whole for 0, 1, 2 and a million: no placeholder, no #, no "(s)"', () => {
    for (const [key, template] of Object.entries(file.messages)) {
      const blocks = pluralBlocks(template);
      if (blocks.length === 0) continue;
      for (const n of [0, 1, 2, 1_000_000]) {
        const params = Object.fromEntries(
          [...template.matchAll(/\{(\w+)/g)].map((m) => [
            m[1]!,
            blocks.some((b) => b.name === m[1]) ? n : 'x',
          ]),
        );
        const said = translate(file, { key: key as MessageKey, params });
        expect(said, `${key} ${n}`).not.toMatch(/[{}#]/);
      }
    }
  });
});

describe('the plural forms', () => {
  it('follow the language: French counts 0 as one, English and Dutch as other', () => {
    const template = '{n, plural, one {# one} other {# other}}';
    expect([0, 1, 2].map((n) => fill(template, { n }, 'fr'))).toEqual(['0 one', '1 one', '2 other']);
    expect([0, 1, 2].map((n) => fill(template, { n }, 'en'))).toEqual(['0 other', '1 one', '2 other']);
    expect([0, 1, 2].map((n) => fill(template, { n }, 'nl'))).toEqual(['0 other', '1 one', '2 other']);
  });

  it('take an exact =N first, fall back to other, and leave a count that is not given visible', () => {
    const template = '{n, plural, =1 {the only {what}} other {# {what}s}}';
    expect(fill(template, { n: 1, what: 'file' }, 'fr')).toBe('the only file');
    expect(fill(template, { n: 0, what: 'file' }, 'fr')).toBe('0 files');
    expect(fill(template, { what: 'file' })).toBe('{n, plural, =1 {the only file} other {# files}}');
  });

  it('leave a message without plural forms byte for byte as before', () => {
    for (const [key, template] of Object.entries(en.messages)) {
      if (pluralBlocks(template).length > 0) continue;
      const params = Object.fromEntries(
        [...template.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, `<${m[1]}>`]),
      );
      expect(fill(template, params), key).toBe(template.replace(/\{(\w+)\}/g, '<$1>'));
    }
  });
});
