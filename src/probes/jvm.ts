// The JVM as the judge: runs the SiemDoctorProbe class (src/java/) on the agent's own `java`, with
// the agent's -D options and the launcher variables of the environment, and returns what that JVM
// sees: its trust store, effective security properties, default protocols, and - with a portal -
// the outcome of its own HTTPS client handshake. One JVM start per run (facts.ts shares it).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ProxyAddress } from '../config/proxy-address.js';

export interface JavaError {
  class: string;
  message: string | null;
}

export interface JvmAnswer {
  javaVersion: string;
  javaVendor: string;
  javaHome: string;
  trustStore: {
    path: string;
    canonicalPath?: string;
    type: string;
    chosenBy: 'javax.net.ssl.trustStore' | 'jssecacerts' | 'cacerts';
    exists: boolean;
    loaded?: boolean;
    entries?: number;
    loadError?: JavaError[];
    anchors?: number;
    trustManagerError?: JavaError[];
  };
  security: Record<string, string | null>;
  system: Record<string, string | null>;
  protocols?: string[];
  cipherSuites?: string[];
  defaultsError?: JavaError[];
  handshake?: {
    host: string;
    port: number;
    ok: boolean;
    protocol?: string;
    cipherSuite?: string;
    peerSubjects?: string[];
    errors?: JavaError[];
  };
}

export type JvmProbe =
  | { ran: true; javaBin: string; options: string[]; ms: number; answer: JvmAnswer }
  | { ran: false; javaBin?: string; reason: 'no-java' | 'failed'; detail?: string };

export interface JvmProbeOptions {
  javaBin: string;
  /** The agent's -D options (its command line); launcher variables come through env. */
  options: string[];
  env: NodeJS.ProcessEnv;
  portal?: { host: string; port: number };
  proxy?: ProxyAddress;
  timeoutMs: number;
  /** The run's deadline (epoch ms): the handshake ends by then, however slow the JVM's start. */
  deadline?: number;
}

/**
 * A short-lived JVM starts faster with the client compiler only and no perf-data file; none of
 * these touch trust or TLS, and a JVM that does not know one ignores it.
 */
const FAST_START = ['-XX:+IgnoreUnrecognizedVMOptions', '-XX:TieredStopAtLevel=1', '-XX:-UsePerfData'];

/** A JVM start costs a few hundred milliseconds, more on a cold or busy host. */
const JVM_START_ALLOWANCE_MS = 10_000;

export async function runJvmProbe(options: JvmProbeOptions): Promise<JvmProbe> {
  const [{ execa }, { PROBE_CLASS_BASE64, PROBE_CLASS_NAME }] = await Promise.all([
    import('execa'),
    import('../java/probe-class.js'),
  ]);
  // A private folder per run: a class file in a shared place could be swapped by another user.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'siem-doctor-jvm-'));
  const started = performance.now();
  try {
    await writeFile(path.join(dir, `${PROBE_CLASS_NAME}.class`), Buffer.from(PROBE_CLASS_BASE64, 'base64'));
    const args = [
      ...FAST_START,
      ...options.options,
      '-cp',
      dir,
      PROBE_CLASS_NAME,
      '--timeout',
      String(options.timeoutMs),
    ];
    if (options.portal) args.push('--host', options.portal.host, '--port', String(options.portal.port));
    if (options.deadline) args.push('--deadline', String(options.deadline));
    if (options.proxy)
      args.push('--proxy-host', options.proxy.host, '--proxy-port', String(options.proxy.port));
    const result = await execa(options.javaBin, args, {
      env: options.env,
      extendEnv: false,
      reject: false,
      timeout: options.timeoutMs + JVM_START_ALLOWANCE_MS,
      stdin: 'ignore',
    });
    const ms = Math.round(performance.now() - started);
    const line = result.stdout.split('\n').find((l) => l.startsWith('{"probeVersion"'));
    if (!line) {
      const said = `${result.stderr}`.split('\n').find((l) => l.trim() && !/^Picked up /.test(l));
      const detail = (said ?? `exited with ${result.exitCode ?? result.signal}`).slice(0, 300);
      return { ran: false, javaBin: options.javaBin, reason: 'failed', detail };
    }
    return { ran: true, javaBin: options.javaBin, options: options.options, ms, answer: JSON.parse(line) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type JvmFailureKind = 'no-path' | 'constraints' | 'empty-store' | 'hostname' | 'protocol' | 'other';

/**
 * Java's exceptions mapped to what they mean for the agent (the documented errors): trust, the
 * algorithm rules, an empty store, a wrong name, a protocol refusal, or something else (network).
 */
export function classifyJavaErrors(errors: readonly JavaError[] = []): JvmFailureKind {
  const text = errors.map((e) => `${e.class}: ${e.message ?? ''}`).join('\n');
  // JDK 8-11 start with an empty set ("trustAnchors…"); later ones refuse to build the context.
  if (/trustAnchors parameter must be non-empty|problem accessing trust store/.test(text))
    return 'empty-store';
  if (
    /Algorithm constraints check failed|certpath.*disabled|disabled algorithm|Certificate.*disabled/i.test(
      text,
    )
  )
    return 'constraints';
  if (
    /PKIX path building failed|unable to find valid certification path|PKIX path validation failed/.test(text)
  )
    return 'no-path';
  if (/No subject alternative (DNS )?name|No name matching|No subject alternative names/.test(text))
    return 'hostname';
  if (/No appropriate protocol|protocol_version|handshake_failure|protocol is disabled/i.test(text))
    return 'protocol';
  return 'other';
}

/** The exception chain in one line, as a log shows it: outermost first, a repeated message once. */
export function describeJavaErrors(errors: readonly JavaError[] = []): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const e of errors) {
    const message = e.message ?? '';
    if (message && [...seen].some((m) => m.includes(message))) continue;
    seen.add(message);
    parts.push(`${e.class}${message ? `: ${message}` : ''}`);
  }
  return parts.join(' ← ');
}

/** Secrets must not reach the report: a -D…password=value keeps only its name. */
export function redactOptions(options: readonly string[]): string[] {
  return options.map((o) => o.replace(/^(-D[^=]*password[^=]*=).*$/i, '$1<redacted>'));
}
