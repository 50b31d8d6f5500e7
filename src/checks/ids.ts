// The stable check ids of SPEC.md, in report order. A name here never changes without an alias.
export const CHECK_IDS = [
  'java-runtime',
  'java-tls',
  'java-certs',
  'token',
  'proxy',
  'portal',
  'syslog-connection',
  'syslog-send',
  'agent-logs',
  'lifecycle',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
