// Secrets never leave the process: every report, error line and bundle passes through here.
export const REDACTED = '<redacted>';

export interface Redactor {
  text(value: string): string;
  deep<T>(value: T): T;
}

// Shapes that carry a secret whatever its value: an Authorization header, credentials in a URL,
// a password on a keytool command line.
const PATTERNS: [RegExp, string][] = [
  // -Djavax.net.ssl.trustStorePassword=…, proxy.password=… in launcher options and logs
  [/(\b[\w.-]*(?:password|passwd|pwd)\s*=\s*)[^\s&"',]+/gi, `$1${REDACTED}`],
  [/(Authorization:\s*(?:Token|Bearer|Basic)\s+)\S+/gi, `$1${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s:]+:[^/@\s]*@/gi, `$1${REDACTED}@`],
  [/(-(?:store|key|src|dest|deststore|srcstore)pass\s+)\S+/gi, `$1${REDACTED}`],
  // a placeholder such as TOKEN or … in help text is shorter than any real value and stays
  [/(--(?:token|storepass)[=\s]+)(?!<redacted>)[^\s`…]{6,}/gi, `$1${REDACTED}`],
];

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Variants a secret may show up as: trimmed, without the quotes a copy-paste added. */
function variants(secret: string): string[] {
  const trimmed = secret.trim();
  const unquoted = trimmed.replace(/^["']+|["']+$/g, '');
  return [...new Set([secret, trimmed, unquoted])].filter((s) => s.length > 0);
}

export function createRedactor(secrets: Iterable<string | undefined>): Redactor {
  const all = [...new Set([...secrets].filter((s): s is string => !!s).flatMap(variants))].sort(
    (a, b) => b.length - a.length,
  );
  // Long secrets are replaced wherever they stand; a very short one only as a whole word, or every
  // "a" of a one-letter password would vanish from the report.
  const matchers = all.map((secret) =>
    secret.length >= 4
      ? new RegExp(escapeRegExp(secret), 'g')
      : new RegExp(`(?<![\\w])${escapeRegExp(secret)}(?![\\w])`, 'g'),
  );
  const text = (value: string): string => {
    let out = value;
    for (const matcher of matchers) out = out.replace(matcher, REDACTED);
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
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

/** The secrets named on a command line or in the environment, found even when parsing failed. */
export function secretsFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const found: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(token|storepass|proxy)(?:=(.*))?$/.exec(arg);
    if (!match) continue;
    const value = match[2] ?? argv[i + 1];
    if (value === undefined) continue;
    if (match[1] === 'proxy') found.push(...proxyCredentials(value));
    else found.push(value);
  }
  for (const name of ['SIEM_DOCTOR_TOKEN', 'SIEM_DOCTOR_STOREPASS']) {
    if (env[name]) found.push(env[name]!);
  }
  return found;
}

/** user and password of `user:password@host:port` or `http://user:password@host`. */
export function proxyCredentials(value: string): string[] {
  const match = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^@/]+)@/i.exec(value);
  if (!match) return [];
  const [user, ...rest] = match[1]!.split(':');
  return [match[1]!, rest.join(':'), user!].filter((s) => s.length > 0);
}
