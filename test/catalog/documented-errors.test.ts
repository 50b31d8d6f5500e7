// The French and Dutch names of documented errors and portal statuses are Microsoft's, never ours:
// each is found verbatim in one of Microsoft's French or Dutch documents kept in fixtures/docs
// (copies of the seed documents the project was given), as a name in an error table or a heading.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALIZED_NAMES, localizedName } from '../../src/catalog/documented-errors.js';

const DOCS = join(import.meta.dirname, '..', '..', 'fixtures', 'docs');
const SEEDS = '/work/shared/seeds';
const docs = (lang: string) =>
  readdirSync(DOCS)
    .filter((name) => name.startsWith(`${lang}-`))
    .map((name) => ({ name, text: readFileSync(join(DOCS, name), 'utf8') }));

/**
 * Where the documents name an error: the first cell of an error table (`|Jeton non valide|…`, bold
 * or not; in the page kept as text, the row's name then its description, which starts a sentence),
 * or a heading of its own (`Problème avec les nouvelles versions de Java`). A portal status is
 * named in bold in the sentence that lists the statuses (`**Verbindingsfout**`).
 */
const named = (text: string, name: string, status: boolean) =>
  status
    ? text.includes(`**${name}**`)
    : text
        .split('\n')
        .some(
          (line) =>
            line.startsWith(`|${name}|`) ||
            line.startsWith(`|**${name}**|`) ||
            new RegExp(`^${name} \\p{Lu}`, 'u').test(line) ||
            line.trim() === name,
        );
const STATUSES = new Set(['Connection error', 'Disconnected']);

describe.each(['fr', 'nl'] as const)('the %s names', (lang) => {
  it.each(Object.entries(LOCALIZED_NAMES[lang]))(
    '%s is named “%s” in a Microsoft document',
    (english, local) => {
      const found = docs(lang).filter((doc) => named(doc.text, local, STATUSES.has(english)));
      expect(found.map((doc) => doc.name)).not.toEqual([]);
    },
  );
});

describe('a documented error named for a reader', () => {
  it.each([
    ['fr', 'Invalid token', 'Jeton non valide (Invalid token)'],
    ['nl', 'Invalid proxy address', 'Ongeldig proxyadres (Invalid proxy address)'],
    ['fr', 'Connection error', 'Erreur de connexion (Connection error)'],
    // no Dutch document names it, and no document at all names ours
    ['nl', 'Issue with new versions of Java', 'Issue with new versions of Java'],
    ['fr', 'TLS 1.2 required', 'TLS 1.2 required'],
    ['en', 'Invalid token', 'Invalid token'],
  ] as const)('in %s: %s is “%s”', (lang, name, shown) => {
    expect(localizedName(name, lang)).toBe(shown);
  });
});

describe('the documents', () => {
  it('are the seed documents, unchanged', () => {
    const seeds = existsSync(SEEDS)
      ? readdirSync(SEEDS).map((n) => readFileSync(join(SEEDS, n), 'utf8'))
      : [];
    for (const name of readdirSync(DOCS).filter((n) => n !== 'README.md')) {
      const text = readFileSync(join(DOCS, name), 'utf8');
      expect(text.length).toBeGreaterThan(1000);
      // the seeds are on the machine the project was built on; elsewhere the copies stand alone
      if (seeds.length > 0) expect(seeds.includes(text), name).toBe(true);
    }
  });
});
