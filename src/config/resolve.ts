// Turns what the run was given into one validated configuration, as a pure function: the flags,
// the environment, the config file's contents, the files the settings name (already read) and the
// running agent (already found, src/probes/process.ts). Reading them is sources.ts's job; nothing
// here touches the machine, so test/config/resolve.test.ts can hold every rule in one table.
//
// Precedence, for every key: flag > environment > running agent (--from-process) > config file >
// default. SPEC.md: "flags win over env, env over file", and --from-process reads the agent's
// settings "(flags still win)". One exception, asked for by #12: with --from-process the JRE
// judged is the one the agent runs on; a --java-home (or config file javaHome) naming another is
// kept in `namedJavaHome`, and java-runtime warns about it.
//
// A malformed value is a ConfigError (or FileError) with the role of its input and no flag name:
// the command layer (command-base.ts) adds the flag when the user typed it. A value that came from
// elsewhere is named by where it came from (SIEM_DOCTOR_PORTAL_URL, the config file's key).
import { X509Certificate } from 'node:crypto';
import { ConfigError, FileError, type InputRole } from '../errors.js';
import { jsonSyntaxWhere } from '../files.js';
import type { AgentProcess } from '../probes/process.js';
import type { JavaHomeSource } from '../probes/java.js';
import { hasControls } from '../render/terminal.js';
import { pemBlocks } from '../trust/pem.js';
import { secretsFromJavaOptions, secretsOfSettings } from '../render/redact.js';
import type { MessageKey } from '../catalog/en.js';
import type { Text } from '../catalog/index.js';
import {
  parseHost,
  parsePort,
  parseProxyAddress,
  problemText,
  type ProxyAddress,
  type ProxyProblem,
} from './proxy-address.js';

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
  proxyProblem?: { value: string; problem: ProxyProblem };
  /** JVM options of the running agent (--from-process), for java-tls. */
  agentJavaOptions?: string[];
  /** The running agent read with --from-process. */
  agentPid?: number;
  /** The JRE the running agent really runs on (--from-process): then also `javaHome`. */
  agentJavaHome?: string;
  /**
   * With --from-process, a JRE the user named (--java-home, the config file's javaHome) instead
   * of the agent's: not judged, since the agent does not run on it; java-runtime warns.
   */
  namedJavaHome?: { home: string; source: JavaHomeSource };
  /** False under --no-test-event (bundle: without --test-event): syslog-send then skips. */
  sendTestEvent: boolean;
}

/** The settings with a flag, a config-file key and (for some) a variable. */
export const SETTINGS = {
  token: { key: 'token', env: 'SIEM_DOCTOR_TOKEN' },
  proxy: { key: 'proxy' },
  'portal-url': { key: 'portalUrl', env: 'SIEM_DOCTOR_PORTAL_URL' },
  'syslog-host': { key: 'syslogHost' },
  'syslog-port': { key: 'syslogPort' },
  protocol: { key: 'protocol' },
  'java-home': { key: 'javaHome', env: 'JAVA_HOME' },
  keystore: { key: 'keystore' },
  storepass: { key: 'storepass', env: 'SIEM_DOCTOR_STOREPASS' },
  'logs-directory': { key: 'logsDirectory' },
  'ca-file': { key: 'caFile' },
  timeout: { key: 'timeout' },
} as const satisfies Record<string, { key: string; env?: string }>;
export type SettingName = keyof typeof SETTINGS;

/** The shared flags as oclif hands them over (strings; oclif fills env-backed ones from the environment). */
export type RawSettings = Partial<Record<SettingName, string>>;

/** A file's text, read by the caller. */
export interface FileText {
  path: string;
  text: string;
}

/** A config file, parsed: its settings, and each one's key as written there (for messages). */
export interface ConfigFile {
  path: string;
  settings: RawSettings;
  keys: Partial<Record<SettingName, string>>;
}

/** The running agent as --from-process found it: its command line, and its java's real home. */
export interface DiscoveredAgent extends AgentProcess {
  javaHome?: string;
}

export interface ResolveInput {
  flags: RawSettings & { config?: string; 'from-process'?: boolean; 'test-event'?: boolean; chain?: string };
  /** The command line, to tell a typed flag from the variable oclif filled in. */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  /** The config file (--config / SIEM_DOCTOR_CONFIG), parsed with parseConfigFile. */
  configFile?: ConfigFile;
  /** With --from-process: the agent found, or undefined when none runs. */
  agent?: DiscoveredAgent;
  /** The text of the --ca-file the settings name. */
  caFile?: FileText;
  /** The text of --chain. */
  chain?: FileText;
  /** Where the agent keeps its logs when nothing names a folder (Windows: C:\MCAS-SIEM-Agent\Logs, if it exists). */
  defaultLogsDirectory?: string;
}

/** Where a setting's value came from; the first that has one wins, in this order. */
export type SettingSource = 'flag' | 'env' | 'agent' | 'file';

interface Picked {
  value: string;
  source: SettingSource;
  /** How the value is named in a message (`"VALUE"`, `VARIABLE "VALUE"`, the config file's key…). */
  subject: Text;
}

/** A value named by itself, quoted: `"VALUE"`. */
const quoted = (value: string): Text => ({ key: 'config.error.subjectValue', params: { value } });

const typedFlag = (argv: readonly string[], flag: string) =>
  argv.some((arg) => arg === `--${flag}` || arg.startsWith(`--${flag}=`));

/** The settings the agent's own command line gives (--from-process). */
function agentSettings(agent: DiscoveredAgent | undefined): RawSettings {
  const settings: RawSettings = {};
  if (agent?.token !== undefined) settings.token = agent.token;
  if (agent?.proxy !== undefined) settings.proxy = agent.proxy;
  if (agent?.logsDirectory !== undefined) settings['logs-directory'] = agent.logsDirectory;
  return settings;
}

/** One setting's value and where it came from: flag > environment > agent > config file. */
export function pickSetting(input: ResolveInput, name: SettingName): Picked | undefined {
  const { flags, argv, env, configFile } = input;
  const variable = (SETTINGS[name] as { env?: string }).env;
  const flagValue = flags[name];
  // oclif hands a variable's value over as the flag's: only a typed flag, or a value the
  // variable does not hold, is the flag's own.
  if (flagValue !== undefined && (typedFlag(argv, name) || !variable || env[variable] !== flagValue))
    return { value: flagValue, source: 'flag', subject: quoted(flagValue) };
  const fromEnv = variable ? env[variable] : undefined;
  // an empty variable is as good as unset, but for the store password (empty: a password-less PKCS12)
  if (fromEnv !== undefined && (fromEnv !== '' || name === 'storepass'))
    return {
      value: fromEnv,
      source: 'env',
      subject: { key: 'config.error.subjectEnv', params: { variable: variable!, value: fromEnv } },
    };
  const fromAgent = agentSettings(input.agent)[name];
  if (fromAgent !== undefined)
    return {
      value: fromAgent,
      source: 'agent',
      subject: { key: 'config.error.subjectAgent', params: { key: SETTINGS[name].key, value: fromAgent } },
    };
  const fromFile = configFile?.settings[name];
  if (fromFile !== undefined)
    return {
      value: fromFile,
      source: 'file',
      subject: {
        key: 'config.error.subjectFile',
        params: {
          key: configFile!.keys[name] ?? SETTINGS[name].key,
          value: fromFile,
          file: configFile!.path,
        },
      },
    };
  return undefined;
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

/**
 * Every token, store password and proxy credential of every source, whichever wins: the command
 * hands them to its redactor before resolveConfig judges any value, so that the error about a
 * bad value never shows one.
 */
export function secretsOfSources(input: ResolveInput): string[] {
  const variables: RawSettings = {};
  for (const [name, { env: variable }] of Object.entries(SETTINGS) as [SettingName, { env?: string }][])
    if (variable && input.env[variable] !== undefined) variables[name] = input.env[variable];
  return [
    ...[input.flags, variables, agentSettings(input.agent), input.configFile?.settings ?? {}].flatMap(
      secretsOf,
    ),
    ...secretsFromJavaOptions(input.agent?.javaOptions ?? []),
  ];
}

/** The config file's text as settings. A file that is not a JSON object of known keys is bad input. */
export function parseConfigFile({ path: file, text }: FileText): ConfigFile {
  // an editor on Windows may start the file with a byte order mark, which JSON.parse refuses
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    // never V8's message: it may quote the file's start, and a secret in it cannot be known
    throw new ConfigError(
      { key: 'config.error.notJson', params: { file }, parts: { where: jsonSyntaxWhere(error, content) } },
      'config',
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(
      { key: 'config.error.notObject', params: { file, example: '{"syslogHost": "siem.contoso.local"}' } },
      'config',
    );
  }
  const byKey = new Map<string, SettingName>();
  for (const [name, { key }] of Object.entries(SETTINGS) as [SettingName, { key: string }][]) {
    byKey.set(key, name);
    byKey.set(name, name); // the flag names are aliases
  }
  const parsed: ConfigFile = { path: file, settings: {}, keys: {} };
  for (const [key, value] of Object.entries(data)) {
    const name = byKey.get(key);
    if (!name) {
      const known = Object.values(SETTINGS).map((s) => s.key);
      throw new ConfigError(
        { key: 'config.error.unknownKey', params: { file, key, keys: known.join(', ') } },
        'config',
      );
    }
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new ConfigError({ key: 'config.error.keyType', params: { key, file } }, 'config');
    parsed.settings[name] = String(value);
    parsed.keys[name] = key;
  }
  return parsed;
}

/** The tenant portal's URL; `subject` names the value in a message (the quoted value by default). */
export function parsePortalUrl(raw: string, subject = quoted(raw), input: InputRole = 'portal-url'): URL {
  const value = raw.trim();
  const bad = (key: MessageKey) => new ConfigError({ key, parts: { subject } }, input);
  // the URL parser would drop a tab or line feed without a word, and take what is left
  if (hasControls(value)) throw bad('config.error.controls');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw bad('config.error.notUrl');
  }
  if (url.protocol !== 'https:') throw bad('config.error.httpsOnly');
  if (!url.hostname) throw bad('config.error.noHost');
  if (url.port === '0') throw bad('config.error.portZero');
  return url;
}

/** The SIEM's host as --syslog-host, the config file and `init` take it: no scheme, no port. */
export function parseSyslogHost(raw: string, subject: Text = quoted(raw)): string {
  const value = raw.trim();
  const bad = (key: MessageKey) => new ConfigError({ key, parts: { subject } }, 'syslog-host');
  if (value.includes('://')) throw bad('config.error.hostScheme');
  if (/^(?:[^:[\]]+|\[[^\]]*\]):\d+$/.test(value)) throw bad('config.error.hostPort');
  const host = parseHost(value);
  if (host === undefined) throw bad('config.error.host');
  return host;
}

const MIN_TIMEOUT_SECONDS = 0.001;
const MAX_TIMEOUT_SECONDS = 300;

/**
 * A number written plainly (5, 0.5, .5, surrounding spaces aside); NaN for anything else,
 * such as 0x10, 1e3 or Infinity, which Number() would also take.
 */
export function plainNumber(raw: string): number {
  const value = raw.trim();
  return /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
}

/** Seconds written plainly (see plainNumber). */
function parseTimeout(raw: string, subject: Text): number {
  const seconds = plainNumber(raw);
  if (!(seconds >= MIN_TIMEOUT_SECONDS && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw new ConfigError(
      {
        key: 'config.error.timeout',
        // as the flag takes them (0.001, in every language), not as prose writes a decimal
        params: { min: String(MIN_TIMEOUT_SECONDS), max: String(MAX_TIMEOUT_SECONDS) },
        parts: { subject },
      },
      'timeout',
    );
  }
  return Math.round(seconds * 1000);
}

/** --output: a file to write; an empty value would leave the report nowhere (or on stdout). */
export function parseOutputFile(raw: string | undefined, example = 'report.json'): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === '')
    throw new ConfigError({ key: 'config.error.noFile', params: { value: raw, example } }, 'output');
  return raw;
}

/** Every certificate of a PEM file's text; a file without one, or with a damaged one, is bad input. */
export function parsePemCertificates({ path: file, text }: FileText, input: InputRole): string[] {
  const blocks = pemBlocks(text);
  if (blocks.length === 0) throw new FileError({ key: 'config.error.noPem', params: { file } }, input);
  blocks.forEach((pem, i) => {
    try {
      new X509Certificate(pem);
    } catch {
      throw new FileError({ key: 'config.error.damagedPem', params: { index: i + 1, file } }, input);
    }
  });
  return blocks.map((pem) => `${pem}\n`);
}

const JAVA_HOME_SOURCES: Record<SettingSource, JavaHomeSource> = {
  flag: '--java-home',
  env: 'JAVA_HOME',
  agent: 'agent process',
  file: 'config file',
};

/** The whole configuration of a run: a pure function of what it was given. */
export function resolveConfig(input: ResolveInput): DoctorConfig {
  const { flags } = input;
  if (flags['from-process'] && !input.agent) {
    throw new ConfigError({ key: 'config.error.noAgent' }, 'from-process');
  }
  const pick = (name: SettingName) => pickSetting(input, name);
  const config: DoctorConfig = {
    protocol: 'tcp',
    storepass: pick('storepass')?.value ?? DEFAULT_STOREPASS,
    timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
    sendTestEvent: flags['test-event'] ?? true,
    extraCAs: [],
  };
  const token = pick('token');
  if (token !== undefined) config.token = token.value; // judged by the token check, not here

  const proxy = pick('proxy');
  if (proxy !== undefined) {
    const parsed = parseProxyAddress(proxy.value);
    if (!parsed.ok && proxy.source === 'agent') {
      // The agent was started with it: that is the diagnosis, not bad input to us.
      config.proxyProblem = {
        value: proxy.value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^@/]+@/i, '$1<redacted>@'),
        problem: parsed.problem,
      };
    } else if (!parsed.ok) {
      // bad input to us, said in the run's language with the agent's own (English) words quoted
      throw new ConfigError(
        {
          key: 'config.error.proxy',
          parts: { subject: proxy.subject, problem: problemText(parsed.problem) },
        },
        'proxy',
      );
    } else config.proxy = parsed.proxy;
  }
  const portal = pick('portal-url');
  if (portal !== undefined) config.portalUrl = parsePortalUrl(portal.value, portal.subject);
  const host = pick('syslog-host');
  if (host !== undefined) config.syslogHost = parseSyslogHost(host.value, host.subject);
  const port = pick('syslog-port');
  if (port !== undefined) {
    const parsed = parsePort(port.value.trim());
    if (parsed === undefined)
      throw new ConfigError({ key: 'config.error.port', parts: { subject: port.subject } }, 'syslog-port');
    config.syslogPort = parsed;
  }
  const protocol = pick('protocol');
  if (protocol !== undefined) {
    if (protocol.value !== 'tcp' && protocol.value !== 'udp')
      throw new ConfigError(
        { key: 'config.error.protocol', parts: { subject: protocol.subject } },
        'protocol',
      );
    config.protocol = protocol.value;
  }
  const timeout = pick('timeout');
  if (timeout !== undefined) config.timeoutMs = parseTimeout(timeout.value, timeout.subject);

  const javaHome = pick('java-home');
  if (javaHome?.value) {
    config.javaHome = javaHome.value;
    config.javaHomeSource = JAVA_HOME_SOURCES[javaHome.source];
  }
  for (const [name, key] of [
    ['keystore', 'keystore'],
    ['logs-directory', 'logsDirectory'],
    ['ca-file', 'caFile'],
  ] as const) {
    const value = pick(name)?.value;
    if (value !== undefined) config[key] = value;
  }
  if (config.logsDirectory === undefined && input.defaultLogsDirectory !== undefined)
    config.logsDirectory = input.defaultLogsDirectory;

  const { agent } = input;
  if (agent) {
    config.agentPid = agent.pid;
    config.agentJavaOptions = agent.javaOptions;
    if (agent.javaHome) {
      // The agent's JRE is judged; one the user named instead is reported, not judged. JAVA_HOME
      // in this shell says nothing about the agent's service, so it is not worth a warning.
      config.agentJavaHome = agent.javaHome;
      if (config.javaHome && config.javaHomeSource !== 'JAVA_HOME')
        config.namedJavaHome = { home: config.javaHome, source: config.javaHomeSource! };
      config.javaHome = agent.javaHome;
      config.javaHomeSource = 'agent process';
    }
  }
  if (config.caFile) {
    // a caller that did not read the file it names is our mistake (exit 1), not the user's
    if (input.caFile?.path !== config.caFile) throw new Error(`${config.caFile} was not read`);
    config.extraCAs = parsePemCertificates(input.caFile, 'ca-file');
  }
  if (flags.chain) {
    if (input.chain?.path !== flags.chain) throw new Error(`${flags.chain} was not read`);
    config.servedChain = parsePemCertificates(input.chain, 'chain').map(
      (pem) => new X509Certificate(pem).raw,
    );
  }
  return config;
}
