// Numbers in the reader's language: a decimal is written with the language's sign (`2.5 s` in
// English, `2,5 s` in French and Dutch); an integer as it is, with no grouping, in every language
// (a count stays easy to search for: `Received 100000 events`).
import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import { decimal, fill, translate } from '../../src/catalog/index.js';

describe('numbers in the text', () => {
  it.each([
    ['en', '2.5 s, 0.0 s, 65.6, 100000, 1.5'],
    ['fr', '2,5 s, 0,0 s, 65,6, 100000, 1,5'],
    ['nl', '2,5 s, 0,0 s, 65,6, 100000, 1,5'],
  ] as const)('in %s: %s', (lang, expected) => {
    const params = { a: 2.5, b: decimal(0), c: decimal(65.6), d: 100_000, e: 1.5 };
    expect(fill('{a} s, {b} s, {c}, {d}, {e}', params, lang)).toBe(expected);
  });

  it('keeps a decimal’s digits as asked, and text as it is (a version is not a number)', () => {
    expect(fill('{x}', { x: decimal(2, 2) }, 'fr')).toBe('2,00');
    expect(fill('TLS {v}', { v: '1.2' }, 'fr')).toBe('TLS 1.2');
  });

  it('says a timeout of 2.5 s with a comma in French and Dutch, a point in English', () => {
    const text = { key: 'proxy.timedOut', params: { proxy: 'http://127.0.0.1:3128', seconds: 2.5 } } as const;
    expect(translate(en, text)).toContain('within 2.5 s');
    expect(translate(fr, text)).toContain('en 2,5 s');
    expect(translate(nl, text)).toContain('binnen 2,5 s');
  });

  it('counts by a decimal’s value', () => {
    expect(fill('{n, plural, one {# seconde} other {# secondes}}', { n: decimal(1, 1) }, 'fr')).toBe(
      '1,0 seconde',
    );
  });
});
