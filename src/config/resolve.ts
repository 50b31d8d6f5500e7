// Turns flags, environment and config file into one validated configuration. Precedence: flags,
// then environment (oclif fills env-backed flags), then the config file. Every malformed value is a
// UsageError naming the flag and how to mend it.
import { readFile } from 'node:fs/promises';
import { describeFileError, UsageError } from '../errors.js';
import type { JavaHomeSource } from '../probes/java.js';
import { hasControls } from '../render/terminal.js';
import { secretsFromJavaOptions, secretsOfSettings } from '../render/redact.js';
import { parseHost, parsePort, parseProxyAddress, type ProxyAddress } from './proxy-address.js';

export const DEFAULT_STOREPASS = 'changeit';
export const DEFAULT_TIMEOUT_SECONDS = 5;

export interface DoctorConfig {
  token?: string;
  proxy?: ProxyAddress;
  portalUrl?: URL;
  syslogHost?: string;
  syslogPort?: number;
  protocol: 'tcp' | 'udp';
  javaHome?: string;
  javaHomeSource?: JavaHomeSource;
  keystore?: string;
  storepass: string;
  logsDirectory?: string;
  caFile?: string;
  /** The certificates of --ca-file, checked to be PEM certificates. */
  extraCAs: string[];
  /** A served chain handed in with --chain (leaf first), for java-certs when the portal is not probed. */
  servedChain?: Buffer[];
  timeoutMs: number;
  /** A --proxy taken from the running agent that the agent itself rejects: the proxy check's finding. */
  proxyProblem?: { value: string; problem: string };
  /** JVM options of the running agent (--from-process), for java-tls. */
  agentJavaOptions?: string[];
  /** The running agent read with --from-process. */
  agentPid?: number;
  /** The JRE the running agent really runs on (--from-process), even when --java-home names another. */
  agentJavaHome?: string;
  /** False under --no-test-event: syslog-send then skips. */
  sendTestEvent: boolean;
}

/** The shared flags as oclif hands them over (strings, possibly from the environment). */
export type RawSettings = Partial<Record<SettingName, string>>;

// Flag name → config-file key. The file takes the camelCase keys, and the flag names as aliases.
const SETTINGS = {
  token: 'token',
  proxy: 'proxy',
  'portal-url': 'portalUrl',
  'syslog-host': 'syslogHost',
  'syslog-port': 'syslogPort',
  protocol: 'protocol',
  'java-home': 'javaHome',
  keystore: 'keystore',
  storepass: 'storepass',
  'logs-directory': 'logsDirectory',
  'ca-file': 'caFile',
  timeout: 'timeout',
} as const;
type SettingName = keyof typeof SETTINGS;

export async function readConfigFile(file: string): Promise<RawSettings> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--config: ${describeFileError(error, file)}`);
  }
  // an editor on Windows may start the file with a byte order mark, which JSON.parse refuses
  if (content.startsWith('\uFEFF')) content = content.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    // V8 quotes the start of the file in its message ("…", "{"token": Qk…" is not valid JSON): a
    // secret in a file we could not read cannot be known, so the quote is left out.
    const reason = (error as Error).message.split('\n')[0]!.replace(/, ".*" is not valid JSON$/, '');
    throw new UsageError(`--config: ${file} is not valid JSON (${reason})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(
      `--config: ${file} must hold a JSON object such as {"syslogHost": "siem.contoso.local"}`,
    );
  }
  const settings: RawSettings = {};
  const byKey = new Map<string, SettingName>();
  for (const [flag, key] of Object.entries(SETTINGS) as [SettingName, string][]) {
    byKey.set(key, flag);
    byKey.set(flag, flag);
  }
  byKey.set('logsDirectory', 'logs-directory');
  for (const [key, value] of Object.entries(data)) {
    const flag = byKey.get(key);
    if (!flag) {
      throw new UsageError(
        `--config: ${file} has an unknown key "${key}"; known keys: ${Object.values(SETTINGS).join(', ')}`,
      );
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new UsageError(`--config: "${key}" in ${file} must be a string or a number`);
    }
    settings[flag] = String(value);
  }
  return settings;
}

export function parsePortalUrl(raw: string): URL {
  const value = raw.trim();
  // the URL parser would drop a tab or line feed without a word, and take what is left
  if (hasControls(value)) throw new UsageError(`--portal-url "${raw}" holds control characters`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(
      `--portal-url "${raw}" is not a URL; give the tenant portal, e.g. https://contoso.us3.portal.cloudappsecurity.com`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new UsageError(`--portal-url "${raw}": the portal answers on https:// only`);
  }
  if (!url.hostname) throw new UsageError(`--portal-url "${raw}" names no host`);
  if (url.port === '0')
    throw new UsageError(
      `--portal-url "${raw}": port 0 is not a port; leave it out (443) or give 1 to 65535`,
    );
  return url;
}

function parseSyslogHost(raw: string): string {
  const value = raw.trim();
  if (value.includes('://'))
    throw new UsageError(`--syslog-host "${raw}": give the host only, without a scheme`);
  if (/^(?:[^:[\]]+|\[[^\]]*\]):\d+$/.test(value)) {
    throw new UsageError(`--syslog-host "${raw}": give the port with --syslog-port, not in the host`);
  }
  const host = parseHost(value);
  if (host === undefined)
    throw new UsageError(
      `--syslog-host "${raw}" is not a host name or address: give a name such as siem.contoso.local (letters, digits and hyphens, at most 253 characters), an IPv4 address or an IPv6 address`,
    );
  return host;
}

const MIN_TIMEOUT_SECONDS = 0.001;
const MAX_TIMEOUT_SECONDS = 300;

/** Seconds written plainly (5, 0.5, .5): not 0x10 or 1e3, which Number() would also take. */
function parseTimeout(raw: string): number {
  const value = raw.trim();
  const seconds = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  if (!(seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw new UsageError(
      `--timeout "${raw}" must be a number of seconds from ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS}, written plainly, e.g. --timeout 5 or --timeout 0.5`,
    );
  }
  return Math.round(seconds * 1000);
}

/** --output: a file to write; an empty value would leave the report nowhere (or on stdout). */
export function parseOutputFile(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === '')
    throw new UsageError(`--output "${raw}" names no file: give a file name, e.g. --output report.json`);
  return raw;
}

export interface ResolveInput {
  flags: RawSettings & { config?: string; 'from-process'?: boolean };
  /** The command line, to tell a --java-home flag from the JAVA_HOME that oclif filled in. */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /**
   * Where the secrets met on the way are added (the command's list that its redactor uses): every
   * token, store password and proxy credential of every source, whichever wins, added before any
   * value is judged, so that the error about a bad value never shows one.
   */
  secrets: string[];
}

/** The secrets among raw settings; the JRE's default store password is public. */
function secretsOf(settings: RawSettings): string[] {
  const { token, proxy, storepass } = settings;
  return secretsOfSettings({
    token,
    proxy,
    storepass: storepass === DEFAULT_STOREPASS ? undefined : storepass,
  });
}

export async function resolveConfig({ flags, argv, env, secrets }: ResolveInput): Promise<DoctorConfig> {
  const file = flags.config ? await readConfigFile(flags.config) : {};
  // --from-process: the running agent's own settings, below flags and environment, above the file.
  const agent = flags['from-process'] ? await runningAgent() : undefined;
  const fromAgent: RawSettings = {};
  if (agent?.token !== undefined) fromAgent.token = agent.token;
  if (agent?.proxy !== undefined) fromAgent.proxy = agent.proxy;
  if (agent?.logsDirectory !== undefined) fromAgent['logs-directory'] = agent.logsDirectory;
  secrets.push(
    ...[flags, fromAgent, file].flatMap(secretsOf),
    ...secretsFromJavaOptions(agent?.javaOptions ?? []),
  );
  const pick = (name: SettingName): string | undefined => flags[name] ?? fromAgent[name] ?? file[name];

  const config: DoctorConfig = {
    protocol: 'tcp',
    storepass: pick('storepass') ?? DEFAULT_STOREPASS,
    timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
    sendTestEvent: true,
    extraCAs: [],
  };
  const token = pick('token');
  if (token !== undefined) config.token = token; // judged by the token check, not here

  const proxy = pick('proxy');
  if (proxy !== undefined) {
    const parsed = parseProxyAddress(proxy);
    if (!parsed.ok && flags.proxy === undefined && fromAgent.proxy === proxy) {
      // The agent was started with it: that is the diagnosis, not bad input to us.
      config.proxyProblem = {
        value: proxy.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^@/]+@/i, '$1<redacted>@'),
        problem: parsed.problem,
      };
    } else if (!parsed.ok) {
      throw new UsageError(
        `--proxy "${proxy}": ${parsed.problem} (the agent would stop with "Invalid proxy address"); use ADDRESS[:PORT], e.g. proxy.contoso.local:8080`,
      );
    } else config.proxy = parsed.proxy;
  }
  const portal = pick('portal-url');
  if (portal !== undefined) config.portalUrl = parsePortalUrl(portal);
  const host = pick('syslog-host');
  if (host !== undefined) config.syslogHost = parseSyslogHost(host);
  const port = pick('syslog-port');
  if (port !== undefined) {
    const parsed = parsePort(port.trim());
    if (parsed === undefined)
      throw new UsageError(`--syslog-port "${port}" must be a whole number from 1 to 65535`);
    config.syslogPort = parsed;
  }
  const protocol = pick('protocol');
  if (protocol !== undefined) {
    if (protocol !== 'tcp' && protocol !== 'udp')
      throw new UsageError(`--protocol "${protocol}" must be tcp or udp`);
    config.protocol = protocol;
  }
  const timeout = pick('timeout');
  if (timeout !== undefined) config.timeoutMs = parseTimeout(timeout);

  const javaHome = pick('java-home');
  if (javaHome) {
    config.javaHome = javaHome;
    const onCommandLine = argv.some((arg) => arg === '--java-home' || arg.startsWith('--java-home='));
    config.javaHomeSource = onCommandLine
      ? '--java-home'
      : flags['java-home'] !== undefined && env.JAVA_HOME === javaHome
        ? 'JAVA_HOME'
        : 'config file';
  }
  for (const [name, key] of [
    ['keystore', 'keystore'],
    ['logs-directory', 'logsDirectory'],
    ['ca-file', 'caFile'],
  ] as const) {
    const value = pick(name);
    if (value !== undefined) config[key] = value;
  }
  if (config.logsDirectory === undefined && process.platform === 'win32') {
    // Windows: the agent's default folder, C:\MCAS-SIEM-Agent\Logs, when nothing else names one.
    const { defaultLogsDirectory } = await import('../probes/process.js');
    const dir = await defaultLogsDirectory();
    if (dir) config.logsDirectory = dir;
  }
  if (agent) {
    config.agentPid = agent.pid;
    config.agentJavaOptions = agent.javaOptions;
    const { javaHomeOf } = await import('../probes/process.js');
    const home = await javaHomeOf(agent.javaBinary);
    if (home) config.agentJavaHome = home;
    if (home && !config.javaHome) {
      config.javaHome = home;
      config.javaHomeSource = 'agent process';
    }
  }
  if (config.caFile) config.extraCAs = await readCaFile(config.caFile);
  return config;
}

async function runningAgent() {
  const { findAgentProcesses } = await import('../probes/process.js');
  const [first] = await findAgentProcesses();
  if (!first) {
    throw new UsageError(
      '--from-process: no running SIEM agent found (looked for java -jar mcas-siemagent*.jar); give its settings as flags instead',
    );
  }
  return first;
}

export function readCaFile(file: string): Promise<string[]> {
  return readPemCertificates(file, '--ca-file');
}

/** Every certificate of a PEM file; a file without one, or with a damaged one, is bad input. */
export async function readPemCertificates(file: string, flag: string): Promise<string[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: ${describeFileError(error, file)}`);
  }
  const blocks = content.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0)
    throw new UsageError(`${flag}: ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  const { X509Certificate } = await import('node:crypto');
  blocks.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch {
      throw new UsageError(`${flag}: certificate ${i + 1} in ${file} is damaged (not valid base64 DER)`);
    }
  });
  return blocks.map((pem) => `${pem}\n`);
}
