// Picks the message file for a language and fills {placeholders}. Files load lazily: a run in
// English never reads the French or Dutch texts.
import type { MessageFile, MessageKey } from './en.js';

export const LANGUAGES = ['en', 'fr', 'nl'] as const;
export type Lang = (typeof LANGUAGES)[number];
/** A number shown with a fixed count of decimals (`1.8 s`; `1,8 s` in French and Dutch). */
export interface Decimal {
  readonly decimal: number;
  readonly digits: number;
}
export type Params = Record<string, string | number | Decimal>;

/** `value` with `digits` decimals, in the sign of the text's language (see fill). */
export function decimal(value: number, digits = 1): Decimal {
  return { decimal: value, digits };
}
/** A text to show the user, not yet put into a language. */
export interface Text {
  key: MessageKey;
  params?: Params;
  /** Placeholders filled with texts of their own (a reason inside a sentence), said in the same language. */
  parts?: Record<string, Text>;
}

export async function loadCatalog(lang: Lang): Promise<MessageFile> {
  switch (lang) {
    case 'fr':
      return (await import('./fr.js')).fr;
    case 'nl':
      return (await import('./nl.js')).nl;
    default:
      return (await import('./en.js')).en;
  }
}

/** The language of LC_ALL, LC_MESSAGES or LANG (in POSIX order of precedence), else English. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (!value) continue;
    const code = value.slice(0, 2).toLowerCase();
    return (LANGUAGES as readonly string[]).includes(code) ? (code as Lang) : 'en';
  }
  return 'en';
}

// Plural forms are written the ICU way, inside the sentence, so that a sentence with several counts
// keeps its word order in every language: `{count, plural, one {# warning} other {# warnings}}`.
// `#` is the number; the form is the one Intl.PluralRules gives for the language (French says
// "one" for 0 and 1, English and Dutch for 1 only); `other` is the fallback, `=0` an exact match.
// A form holds plain text and {name} placeholders only.
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other) ?\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const PLURAL_FORM = /(=\d+|zero|one|two|few|many|other) ?\{((?:[^{}]|\{\w+\})*)\}/g;

const rulesByLang = new Map<Lang, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let rules = rulesByLang.get(lang);
  if (!rules) rulesByLang.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
}

/** The forms of one plural block, by selector (`one`, `other`, `=0`…). */
export function pluralForms(block: string): Map<string, string> {
  return new Map([...block.matchAll(PLURAL_FORM)].map((m) => [m[1]!, m[2]!]));
}

/** The plural blocks of a template: the placeholder each counts, and its forms. */
export function pluralBlocks(template: string): { name: string; forms: Map<string, string> }[] {
  return [...template.matchAll(PLURAL)].map((m) => ({ name: m[1]!, forms: pluralForms(m[2]!) }));
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * A number as the language writes it: integers as they are (no grouping: counts stay easy to
 * search for), decimals with the language's sign (`2.5` in English, `2,5` in French and Dutch).
 */
function formatNumber(value: number | Decimal, lang: Lang): string {
  const digits = typeof value === 'number' ? undefined : value.digits;
  const n = typeof value === 'number' ? value : value.decimal;
  if (digits === undefined && Number.isInteger(n)) return String(n);
  if (!Number.isFinite(n)) return String(n);
  const key = `${lang}:${digits ?? '-'}`;
  let format = numberFormats.get(key);
  if (!format) {
    const fraction =
      digits === undefined
        ? { maximumFractionDigits: 3 }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits };
    numberFormats.set(key, (format = new Intl.NumberFormat(lang, { useGrouping: false, ...fraction })));
  }
  return format.format(n);
}

/** A parameter as text in `lang`. */
function paramText(value: Params[string], lang: Lang): string {
  return typeof value === 'string' ? value : formatNumber(value, lang);
}

export function fill(template: string, params: Params = {}, lang: Lang = 'en'): string {
  const counted = template.replace(PLURAL, (whole, name: string, block: string) => {
    const value = params[name];
    const n = typeof value === 'object' ? value.decimal : Number(value);
    if (value === undefined || !Number.isFinite(n)) return whole;
    const forms = pluralForms(block);
    const form = forms.get(`=${n}`) ?? forms.get(pluralRules(lang).select(n)) ?? forms.get('other');
    return form === undefined ? whole : form.replace(/#/g, paramText(value, lang));
  });
  return counted.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? paramText(params[name]!, lang) : whole,
  );
}

export function translate(catalog: MessageFile, text: Text): string {
  const parts = Object.entries(text.parts ?? {}).map(([name, part]) => [name, translate(catalog, part)]);
  return fill(catalog.messages[text.key], { ...text.params, ...Object.fromEntries(parts) }, catalog.lang);
}
