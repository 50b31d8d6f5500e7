// What a support bundle holds. Gathered here, redacted by the command on the way out.
import os from 'node:os';
import type { DoctorConfig } from '../config/resolve.js';
import { tokenTail } from '../config/token-shape.js';
import { formatProxy } from '../config/proxy-address.js';

const ENVIRONMENT = [
  'JAVA_HOME',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
  'LANG',
  'LC_ALL',
];
const LOG_TAIL_LINES = 200;

export async function collectBundle(options: {
  config: DoctorConfig;
  env: NodeJS.ProcessEnv;
  toolVersion: string;
}) {
  const { config, env, toolVersion } = options;
  const [{ CHECKS }, { gatherFacts }, { runChecks }, { en }, { buildReport }] = await Promise.all([
    import('../checks/registry.js'),
    import('../checks/facts.js'),
    import('../checks/run.js'),
    import('../catalog/en.js'),
    import('../report.js'),
  ]);
  const started = new Date();
  const facts = gatherFacts(config, env, toolVersion);
  const results = await runChecks(CHECKS, { config, facts, catalog: en, env, toolVersion }).finally(() =>
    facts.dispose(),
  );
  const report = buildReport(results, {
    version: toolVersion,
    startedAt: started,
    durationMs: Date.now() - started.getTime(),
  });

  const java = await facts.java();
  return {
    bundleVersion: 1,
    createdAt: started.toISOString(),
    tool: { name: 'siem-doctor', version: toolVersion, node: process.version },
    machine: {
      platform: process.platform,
      release: os.release(),
      arch: process.arch,
      hostname: os.hostname(),
      cpus: os.cpus().length,
      memoryMB: Math.round(os.totalmem() / 1048576),
    },
    settings: {
      token:
        config.token === undefined ? null : { length: config.token.length, last4: tokenTail(config.token) },
      proxy: config.proxy ? formatProxy(config.proxy) : null,
      portalUrl: config.portalUrl?.origin ?? null,
      syslog: config.syslogHost
        ? `${config.syslogHost}:${config.syslogPort ?? '?'}/${config.protocol}`
        : null,
      javaHome: config.javaHome ?? null,
      keystore: config.keystore ?? null,
      logsDirectory: config.logsDirectory ?? null,
      timeoutSeconds: config.timeoutMs / 1000,
    },
    environment: Object.fromEntries(
      ENVIRONMENT.filter((name) => env[name] !== undefined).map((name) => [name, env[name]]),
    ),
    java: java.found
      ? { home: java.home, version: java.version.raw, vendor: java.vendor, source: java.source }
      : { found: false, reason: java.reason },
    report,
    logs: logFindings(report),
    logTail: config.logsDirectory ? await logTail(config.logsDirectory) : null,
  };
}

/**
 * What the agent's logs say, from the agent-logs check of this same run (the logs are read once):
 * every finding with its documented error, side, times, count and example line, the files not
 * read, and the portal's status as the lines tell it.
 */
function logFindings(report: {
  checks: { id: string; status: string; message: string; evidence?: unknown }[];
}) {
  const check = report.checks.find((c) => c.id === 'agent-logs');
  if (!check || check.status === 'skip') return null;
  return { status: check.status, message: check.message, ...(check.evidence as object | undefined) };
}

/** The last lines of the newest log file: what support asks for first. */
async function logTail(dir: string) {
  const [{ stat }, { folderEntries, readLastLines }] = await Promise.all([
    import('node:fs/promises'),
    import('../files.js'),
  ]);
  try {
    // an entry that cannot be looked at (a dangling link) is passed over, not the folder's failure
    const files = await Promise.all(
      (await folderEntries(dir)).map(async ({ name, path: file }) => ({
        name,
        file,
        info: await stat(file).catch(() => undefined),
      })),
    );
    const newest = files.filter((f) => f.info?.isFile()).sort((a, b) => b.info!.mtimeMs - a.info!.mtimeMs)[0];
    if (!newest) return null;
    // read from the end: a log of gigabytes costs a few blocks, not its size in memory
    return { file: newest.name, lines: await readLastLines(newest.file, LOG_TAIL_LINES) };
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}
