import { describe, expect, it } from 'vitest';
import { DOCUMENTED_ERRORS } from '../../src/catalog/documented-errors.js';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import { CHECK_IDS } from '../../src/checks/ids.js';
import { fill, langFromEnv } from '../../src/catalog/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const backticks = (text: string) =>
  [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((c) => /^siem-doctor|^ss |^java /.test(c!));

describe.each([
  ['fr', fr],
  ['nl', nl],
])('the %s message file', (_lang, file) => {
  it('has every message key of English with the same placeholders', () => {
    expect(Object.keys(file.messages).sort()).toEqual(Object.keys(en.messages).sort());
    for (const [key, english] of Object.entries(en.messages)) {
      const translated = file.messages[key as keyof typeof en.messages];
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(english));
    }
  });

  it('describes every documented error with as many steps as English, the same commands in them', () => {
    for (const name of DOCUMENTED_ERRORS) {
      const ours = file.documentedErrors[name];
      expect(ours.description.trim(), name).not.toBe('');
      expect(ours.resolution.length, name).toBe(en.documentedErrors[name].resolution.length);
      expect(ours.resolution.flatMap(backticks), name).toEqual(
        en.documentedErrors[name].resolution.flatMap(backticks),
      );
    }
  });

  it('titles every check id', () => {
    for (const id of CHECK_IDS) expect(file.checkTitles[id].trim(), id).not.toBe('');
  });
});

describe('the documented errors', () => {
  it('are the eleven names of SPEC.md, each with a description and steps in English', () => {
    expect(DOCUMENTED_ERRORS).toHaveLength(11);
    for (const name of DOCUMENTED_ERRORS) {
      expect(en.documentedErrors[name].description.length).toBeGreaterThan(20);
      expect(en.documentedErrors[name].resolution.length).toBeGreaterThan(0);
    }
  });
});

describe('language choice', () => {
  it('follows LC_ALL before LANG, and falls back to English', () => {
    expect(langFromEnv({ LC_ALL: 'fr_FR.UTF-8', LANG: 'nl_NL.UTF-8' })).toBe('fr');
    expect(langFromEnv({ LANG: 'nl_BE.UTF-8' })).toBe('nl');
    expect(langFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
