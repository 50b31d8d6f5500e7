// The checks siem-doctor runs, in report order. Explicit on purpose: no discovery, no globbing.
import { agentLogs } from './agent-logs.js';
import { javaCerts } from './java-certs.js';
import { javaRuntime } from './java-runtime.js';
import { javaTls } from './java-tls.js';
import { lifecycle } from './lifecycle.js';
import { portal } from './portal.js';
import { proxy } from './proxy.js';
import { token } from './token.js';
import { syslogConnection } from './syslog-connection.js';
import { syslogSend } from './syslog-send.js';
import type { Check } from './types.js';

export const CHECKS = [
  javaRuntime,
  javaTls,
  javaCerts,
  token,
  proxy,
  portal,
  syslogConnection,
  syslogSend,
  agentLogs,
  lifecycle,
] as const satisfies readonly Check[];
