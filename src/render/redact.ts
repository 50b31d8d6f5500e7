// Secrets never leave the process: every report, error line and bundle passes through here. Two
// nets: the secrets this run was told (flags, environment, config file, the agent's command line),
// replaced wherever they stand; and the shapes a secret takes in text the run was never told about
// (log lines, environment copies), replaced without eating the ordinary words around them.
import type { Report } from '../report.js';

export const REDACTED = '<redacted>';

export interface Redactor {
  text(value: string): string;
  deep<T>(value: T): T;
}

/** Below this length a secret is replaced only as a whole value: a store password "pass" must not
 * turn "password" into "<redacted>word". */
const SHORT_SECRET = 8;

/**
 * Whether the word after a loose marker (`--token WORD`, `password WORD`, `Authorization: WORD`)
 * is a value rather than prose or a placeholder: "Flag --token expects a value" keeps "expects",
 * "password was incorrect" keeps "was", help text keeps TOKEN, $SIEM_DOCTOR_TOKEN and ….
 */
function looksLikeSecret(value: string): boolean {
  if (isPlaceholder(value) || /^[-(["'<]/.test(value)) return false;
  if (/^[a-z]+$/.test(value)) return value.length >= 16; // a lowercase word is prose unless very long
  return value.length >= 4;
}

/** A stand-in for a secret rather than one: TOKEN, PASS, $SIEM_DOCTOR_TOKEN, %PASS%, …, <redacted>. */
function isPlaceholder(value: string): boolean {
  return /^[A-Z_]+$|^[$%]|…|^<redacted>/.test(value);
}

// A value after `=`: up to a space, quote, backslash (an escaped quote in JSON) or `&` (the next
// query parameter), and not ending in the punctuation that closes a sentence or a list.
const VALUE = String.raw`[^\s"'\\&]*[^\s"'\\&,;.)\]]`;
// Names whose value is a secret: token, password, trustStorePassword, proxy.password, storepass…
const KEY = String.raw`[\w.-]*?(?:token|passw(?:or)?d|passphrase|storepass|keypass|secret)`;
// Command-line flags followed by their secret: --token, --storepass, keytool's -storepass/-keypass…
const FLAG = String.raw`--?(?:token|storepass|keypass|srcstorepass|deststorepass|srckeypass|destkeypass|password|passwd|proxy-?password)`;
// A SIEM token as the portal issues it (token-shape.ts), seen next to the word token.
const SCHEME = '(?:Token|Bearer|Basic|Digest|Negotiate|NTLM)';
const SIEM_TOKEN = String.raw`[0-9a-zA-Z=]{64,192}(?![0-9a-zA-Z=+/])`;

type Replace = (match: string, ...groups: string[]) => string;
/** Keeps the marker (group 1) and replaces the value (group 2) when `isSecret` says it is one. */
const marked =
  (isSecret: (value: string) => boolean = (v) => !isPlaceholder(v)): Replace =>
  (match, marker, value) =>
    value !== undefined && isSecret(value) ? `${marker}${REDACTED}` : match;

const PATTERNS: [RegExp, Replace][] = [
  // token=…, password=…, -Djavax.net.ssl.trustStorePassword=…, --token=…, SIEM_DOCTOR_TOKEN=…
  // (also quoted, token="…", and so inside a JSON string, token=\"…\")
  [new RegExp(String.raw`((?<![\w.-])${KEY}[ \t]*=[ \t]*(?:\\?["'])?)(${VALUE})`, 'gi'), marked()],
  // "token": "…", "password": "…", "Authorization": "…" in JSON
  [new RegExp(String.raw`("(?:${KEY}|authorization)"\s*:\s*")((?:[^"\\]|\\.)+)(?=")`, 'gi'), marked()],
  // --token …, keytool -storepass …: only a value, never the word that follows a bare flag
  [new RegExp(String.raw`((?<![\w-])${FLAG}[ \t]+)(\S+)`, 'gi'), marked(looksLikeSecret)],
  // password …, password: …
  [new RegExp(String.raw`((?<![\w.-])passw(?:or)?d[ \t]*:?[ \t]+)(${VALUE})`, 'gi'), marked(looksLikeSecret)],
  // "Invalid token Qk…==", token: 'Qk…==': a value with the SIEM token's shape next to the word
  [new RegExp(String.raw`(\btoken\b[\s:'"]{1,3})(${SIEM_TOKEN})`, 'gi'), marked()],
  // Authorization: Token …, Proxy-Authorization: Basic …: after a scheme, whatever stands there
  [
    new RegExp(String.raw`(\bauthorization["']?[ \t]*[:=][ \t]*["']?${SCHEME}[ \t]+)(${VALUE})`, 'gi'),
    marked(),
  ],
  // Authorization: … without a scheme: only what looks like a value
  [
    new RegExp(String.raw`(\bauthorization["']?[ \t]*[:=][ \t]*["']?)(?!${SCHEME}[ \t])(${VALUE})`, 'gi'),
    marked(looksLikeSecret),
  ],
  // http://user:password@host, socks5://token@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s"']+@/gi, (_match, scheme: string) => `${scheme}${REDACTED}@`],
  // user:password@host without a scheme, as HTTPS_PROXY and the agent's --proxy are often given
  [/(?<=^|[\s"'=(,;[])[^\s/@:"'=()[\]]+:[^\s/@"']+@(?=[\w[])/g, () => `${REDACTED}@`],
];

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Variants a secret may show up as: trimmed, without the quotes a copy-paste added. */
function variants(secret: string): string[] {
  const trimmed = secret.trim();
  const unquoted = trimmed.replace(/^["']+|["']+$/g, '');
  return [...new Set([secret, trimmed, unquoted])].filter((s) => s.trim().length > 0);
}

/** A long secret is replaced wherever it stands; a short one only as a whole value. */
function secretMatcher(secret: string): RegExp {
  const escaped = escapeRegExp(secret);
  if (secret.length >= SHORT_SECRET) return new RegExp(escaped, 'g');
  // not inside a word ("pass" in "password", "pass-through"), nor before ".word" (a file name)
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${escaped}(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])`, 'gu');
}

export function createRedactor(secrets: Iterable<string | undefined>): Redactor {
  const all = [...new Set([...secrets].filter((s): s is string => !!s).flatMap(variants))].sort(
    (a, b) => b.length - a.length,
  );
  const matchers = all.map(secretMatcher);
  const text = (value: string): string => {
    let out = value;
    for (const matcher of matchers) out = out.replace(matcher, REDACTED);
    for (const [pattern, replace] of PATTERNS) out = out.replace(pattern, replace);
    return out;
  };
  const deep = <T>(value: T): T => {
    if (typeof value === 'string') return text(value) as T;
    if (Array.isArray(value)) return value.map((item) => deep(item)) as T;
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), deep(v)])) as T;
    }
    return value;
  };
  return { text, deep };
}

/**
 * A report with every secret replaced, but not its fixed vocabulary: check ids, statuses, counts and
 * documented error names are ours, never a secret, and a store password "pass" must not blank out
 * every "pass" status of a JSON document.
 */
export function redactReport(report: Report, secrets: Iterable<string | undefined>): Report {
  const safe = createRedactor(secrets).deep(report);
  return {
    ...safe,
    tool: report.tool,
    summary: report.summary,
    checks: safe.checks.map((check, i) => {
      const { id, status, documentedError } = report.checks[i]!;
      return { ...check, id, status, ...(documentedError !== undefined && { documentedError }) };
    }),
  };
}

/** The settings that are secrets: the token, the store password, the proxy's credentials. */
export function secretsOfSettings(settings: {
  token?: string;
  storepass?: string;
  proxy?: string;
}): string[] {
  return [
    settings.token ?? '',
    settings.storepass ?? '',
    ...(settings.proxy === undefined ? [] : proxyCredentials(settings.proxy)),
  ].filter((s) => s.trim() !== '');
}

/** The secret values among JVM options: -Djavax.net.ssl.trustStorePassword=…, -Dhttps.proxyPassword=… */
export function secretsFromJavaOptions(options: readonly string[]): string[] {
  return options.flatMap((option) => {
    const match = /^-D[\w.-]*(?:passw(?:or)?d|passphrase|secret|token)=(.+)$/i.exec(option);
    return match ? [match[1]!] : [];
  });
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];
const JAVA_OPTION_VARIABLES = ['JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS'];

/** What the environment holds that must not be shown: ours, the proxies' credentials, JVM passwords. */
export function secretsFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  return [
    ...secretsOfSettings({ token: env.SIEM_DOCTOR_TOKEN, storepass: env.SIEM_DOCTOR_STOREPASS }),
    ...PROXY_VARIABLES.flatMap((name) => (env[name] ? proxyCredentials(env[name]) : [])),
    ...JAVA_OPTION_VARIABLES.flatMap((name) => secretsFromJavaOptions((env[name] ?? '').split(/\s+/))),
  ];
}

/** The secrets named on a command line or in the environment, found even when parsing failed. */
export function secretsFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(token|storepass|proxy)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) continue;
    const value = match[2] ?? argv[i + 1];
    // `--token --json`: oclif says the flag wants a value; the next flag's name is no secret
    if (value === undefined || (match[2] === undefined && /^--[a-z]/.test(value))) continue;
    found.push(...secretsOfSettings({ [match[1] as 'token' | 'storepass' | 'proxy']: value }));
  }
  return [...found, ...secretsFromEnvironment(env)];
}

/**
 * The credentials of `user:password@host:port` or `http://user:password@host`: the password and
 * the pair, or the lone user part when there is no password (a token in the user's place).
 */
export function proxyCredentials(value: string): string[] {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^@/]+)@/i.exec(value.trim());
  if (!match) return [];
  const userinfo = match[1]!;
  const colon = userinfo.indexOf(':');
  if (colon < 0) return [userinfo];
  return [userinfo, userinfo.slice(colon + 1)].filter((s) => s.length > 0);
}
