// syslog-connection and syslog-send run as a round runs them: both, on shared facts, disposed after.
import { en } from '../../src/catalog/en.js';
import { gatherFacts } from '../../src/checks/facts.js';
import { runChecks } from '../../src/checks/run.js';
import { syslogConnection } from '../../src/checks/syslog-connection.js';
import { syslogSend } from '../../src/checks/syslog-send.js';
import type { DoctorConfig } from '../../src/config/resolve.js';
import { config } from './context.js';
import type { Peer } from './servers.js';

/** The servers a test started: closed after it (afterEach(closePeers)). */
export const peers: Peer[] = [];
export async function closePeers(): Promise<void> {
  await Promise.all(peers.splice(0).map((p) => p.close()));
}

export async function check(overrides: Partial<DoctorConfig>) {
  const cfg = config({ syslogHost: '127.0.0.1', timeoutMs: 1500, ...overrides });
  const facts = gatherFacts(cfg, process.env);
  try {
    const [connection, send] = await runChecks([syslogConnection, syslogSend], {
      config: cfg,
      facts,
      catalog: en,
      toolVersion: '1.0.0',
    });
    return { connection: connection!, send: send! };
  } finally {
    facts.dispose();
  }
}
