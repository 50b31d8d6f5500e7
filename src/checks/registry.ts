// The checks siem-doctor runs, in report order. Explicit on purpose: no discovery, no globbing.
import { javaRuntime } from './java-runtime.js';
import { lifecycle } from './lifecycle.js';
import { syslogConnection } from './syslog-connection.js';
import { syslogSend } from './syslog-send.js';
import type { Check } from './types.js';

export const CHECKS = [
  javaRuntime,
  syslogConnection,
  syslogSend,
  lifecycle,
] as const satisfies readonly Check[];

export type RegisteredCheckId = (typeof CHECKS)[number]['id'];
