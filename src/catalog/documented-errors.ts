// The names exactly as the agent's console and the portal's notifications show them. They are
// identifiers: scripts and support runbooks match on them, so they are never translated.
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
