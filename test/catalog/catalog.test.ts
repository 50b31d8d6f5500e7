import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_ERRORS } from '../../src/catalog/documented-errors.js';
import { en } from '../../src/catalog/en.js';
import { fr } from '../../src/catalog/fr.js';
import { nl } from '../../src/catalog/nl.js';
import { CHECK_IDS } from '../../src/checks/ids.js';
import { fill, langFromEnv, pluralBlocks } from '../../src/catalog/index.js';
import { ROOT } from '../helpers/paths.js';

/**
 * The values a message takes: its {name} placeholders and the counts of its plural blocks
 * (`{count, plural, one {…} other {…}}`), each once: a plural block repeats the placeholders
 * of its forms, and languages need not have as many forms.
 */
const plain = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const placeholders = (text: string) => {
  const blocks = pluralBlocks(text);
  if (blocks.length === 0) return plain(text).sort();
  const outside = plain(text.replace(/\{\w+, plural,(?:[^{}]|\{(?:[^{}]|\{\w+\})*\})*\}/g, ''));
  const inside = blocks.flatMap((b) => [b.name, ...[...b.forms.values()].flatMap(plain)]);
  return [...new Set([...outside, ...inside])].sort();
};
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

  it('counts where English counts, in forms its language has, always with other', () => {
    const categories = new Intl.PluralRules(file.lang).resolvedOptions().pluralCategories as string[];
    for (const [key, english] of Object.entries(en.messages)) {
      const translated = file.messages[key as keyof typeof en.messages];
      // Which value a noun agrees with is the language's own ("2 événements sur 5" agrees with the
      // first count, "2 of 5 events" with the second); a sentence English counts in is counted in too.
      if (pluralBlocks(english).length > 0) expect(pluralBlocks(translated).length, key).toBeGreaterThan(0);
      for (const { name, forms } of pluralBlocks(translated)) {
        expect(forms.has('other'), `${key} ${name}`).toBe(true);
        for (const selector of forms.keys())
          expect(/^=\d+$/.test(selector) || categories.includes(selector), `${key} ${name} ${selector}`).toBe(
            true,
          );
      }
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

describe('the message keys', () => {
  it('are all used: each is named in src/ whole, or begins with a key the code builds (`logs.why.${…}`)', async () => {
    const files = (await readdir(path.join(ROOT, 'src'), { recursive: true }))
      .filter((f) => f.endsWith('.ts') && !/^catalog\/(en|fr|nl)\.ts$/.test(f.split(path.sep).join('/')))
      .map((f) => readFile(path.join(ROOT, 'src', f), 'utf8'));
    const code = (await Promise.all(files)).join('\n');
    // a key built from a literal start and a value: `logs.why.${kind}`
    const built = [...code.matchAll(/`([a-z][\w.-]*\.)\$\{/g)].map((m) => m[1]!);
    const named = (key: string) =>
      [`'${key}'`, `"${key}"`, `\`${key}\``].some((quoted) => code.includes(quoted)) ||
      built.some((start) => key.startsWith(start));
    expect(Object.keys(en.messages).filter((key) => !named(key))).toEqual([]);
  });
});

describe('counted nouns', () => {
  it.each([
    ['en', en],
    ['fr', fr],
    ['nl', nl],
  ])('are never written "(s)" in %s: a plural form says them', (_lang, file) => {
    expect(file.lang).toBe(_lang);
    for (const [key, text] of Object.entries(file.messages))
      expect(text, key).not.toMatch(/\w\((?:s|es|en|e|a|x)\)|\(s\)/);
  });

  it('are English plural forms wherever a count meets a noun in English', () => {
    // every {count}-like value followed by a plural noun goes through a plural block
    for (const [key, text] of Object.entries(en.messages)) {
      // syslog.partial: one address answers and one does not, so {total} is 2 or more
      if (key === 'syslog.partial') continue;
      const bare = text.replace(/\{\w+, plural,(?:[^{}]|\{(?:[^{}]|\{\w+\})*\})*\}/g, '');
      expect(bare, key).not.toMatch(
        /\{(?:count|n|total|files|lines|events|bytes|skipped|dropped|minutes)\} (?!of\b)[a-z]+s\b/,
      );
    }
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
