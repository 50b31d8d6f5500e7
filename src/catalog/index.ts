// Picks the message file for a language and fills {placeholders}. Files load lazily: a run in
// English never reads the French or Dutch texts.
import type { MessageFile, MessageKey } from './en.js';

export const LANGUAGES = ['en', 'fr', 'nl'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type Params = Record<string, string | number>;
/** A text to show the user, not yet put into a language. */
export interface Text {
  key: MessageKey;
  params?: Params;
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

export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(catalog: MessageFile, text: Text): string {
  return fill(catalog.messages[text.key], text.params);
}
