// The names exactly as the agent's console and the portal's notifications show them. They are
// identifiers: scripts and support runbooks match on them, so JSON, JUnit, NDJSON, Prometheus and
// the exit codes carry them in English, whatever the language.
import type { Lang } from './index.js';

export const DOCUMENTED_ERRORS = [
  'General error during bootstrap',
  'Too many critical errors',
  'Invalid token',
  'Invalid proxy address',
  'Internal error',
  'Data server send error',
  'Data server connection error',
  'SIEM agent error',
  'SIEM agent notification error',
  'Issue with new versions of Java',
  'TLS 1.2 required',
] as const;

export type DocumentedError = (typeof DOCUMENTED_ERRORS)[number];

/** The agent's status in the portal once contact is lost (DOMAIN.md), as the English portal shows it. */
export type PortalStatusName = 'Connection error' | 'Disconnected';

// every word (#12): the names a French or Dutch reader sees in Microsoft's own documents (the error
// tables of the SIEM agent's troubleshooting pages, fixtures/docs/), quoted exactly: never our own
// translation. test/catalog/documented-errors.test.ts finds each one verbatim in those documents.
// A name no document gives stays English alone ("TLS 1.2 required"; "Issue with new versions of
// Java" in Dutch).
export const LOCALIZED_NAMES: Record<
  Exclude<Lang, 'en'>,
  Partial<Record<DocumentedError | PortalStatusName, string>>
> = {
  fr: {
    'General error during bootstrap': 'Erreur générale pendant l’amorçage',
    'Too many critical errors': 'Trop d’erreurs critiques',
    'Invalid token': 'Jeton non valide',
    // The 2017 page says "Erreur de proxy non valide"; the current page (Defender for Cloud Apps)
    // says "Adresse de proxy non valide", which also matches the English name.
    'Invalid proxy address': 'Adresse de proxy non valide',
    'Internal error': 'Erreur interne',
    'Data server send error': 'Erreur d’envoi du serveur de données',
    'Data server connection error': 'Erreur de connexion du serveur de données',
    'SIEM agent error': 'Erreur de l’agent SIEM',
    'SIEM agent notification error': 'Erreur de notification de l’agent SIEM',
    'Issue with new versions of Java': 'Problème avec les nouvelles versions de Java',
    'Connection error': 'Erreur de connexion',
    Disconnected: 'Déconnecté',
  },
  nl: {
    'General error during bootstrap': 'Algemene fout tijdens bootstrap',
    'Too many critical errors': 'Te veel kritieke fouten',
    'Invalid token': 'Ongeldig token',
    'Invalid proxy address': 'Ongeldig proxyadres',
    'Internal error': 'Interne fout',
    'Data server send error': 'Verzendfout bij gegevensserver',
    'Data server connection error': 'Fout bij gegevensserververbinding',
    'SIEM agent error': 'SIEM-agentfout',
    'SIEM agent notification error': 'Meldingsfout SIEM-agent',
    'Connection error': 'Verbindingsfout',
    Disconnected: 'Verbroken',
  },
};

/**
 * A documented error or portal status named for a reader of `lang`: the name Microsoft's documents
 * give it in that language, followed by the English identifier that logs, support and the machine
 * formats use — "Jeton non valide (Invalid token)". English, or a name no document gives: the
 * English name alone.
 */
export function localizedName(name: DocumentedError | PortalStatusName, lang: Lang): string {
  const local = lang === 'en' ? undefined : LOCALIZED_NAMES[lang][name];
  return local ? `${local} (${name})` : name;
}
