// Parses a proxy exactly as the agent's --proxy takes it: ADDRESS[:PORT], where ADDRESS is a host
// name, an IPv4 address or a bracketed IPv6 address. The agent assumes port 8080 when none is given.
import { isIP } from 'node:net';

export const DEFAULT_PROXY_PORT = 8080;

export interface ProxyAddress {
  host: string;
  port: number;
  /** True when no port was given and the agent's default was assumed. */
  portAssumed: boolean;
}

export type ProxyParse = { ok: true; proxy: ProxyAddress } | { ok: false; problem: string };

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

export function parseProxyAddress(raw: string): ProxyParse {
  const value = raw;
  if (value.trim() === '') return { ok: false, problem: 'it is empty' };
  if (value !== value.trim()) return { ok: false, problem: 'it has spaces around it' };
  if (/\s/.test(value)) return { ok: false, problem: 'it contains a space' };
  if (/^["']|["']$/.test(value)) return { ok: false, problem: 'it is wrapped in quotes' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return {
      ok: false,
      problem: `leave out "${value.split('//')[0]}//": the agent takes ADDRESS[:PORT] only`,
    };
  }
  if (value.includes('@'))
    return { ok: false, problem: 'it carries credentials; the agent cannot log in to a proxy' };
  if (value.includes('/')) return { ok: false, problem: 'it contains a path; give ADDRESS[:PORT] only' };

  let host: string;
  let portText: string | undefined;
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0) return { ok: false, problem: 'the IPv6 address has no closing "]"' };
    host = value.slice(1, close);
    const rest = value.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return { ok: false, problem: `unexpected "${rest}" after "]"` };
    portText = rest === '' ? undefined : rest.slice(1);
    if (isIP(host) !== 6) return { ok: false, problem: `"${host}" is not an IPv6 address` };
  } else {
    const colons = value.split(':').length - 1;
    if (colons > 1)
      return { ok: false, problem: 'an IPv6 address must be in brackets, e.g. [2001:db8::1]:8080' };
    [host, portText] = value.split(':') as [string, string | undefined];
    if (/^[\d.]+$/.test(host) && isIP(host) !== 4)
      return { ok: false, problem: `"${host}" is not an IPv4 address` };
    if (isIP(host) !== 4 && !HOST_NAME.test(host))
      return { ok: false, problem: `"${host}" is not a valid host name` };
  }
  if (portText === undefined)
    return { ok: true, proxy: { host, port: DEFAULT_PROXY_PORT, portAssumed: true } };
  const port = parsePort(portText);
  if (port === undefined)
    return { ok: false, problem: `port "${portText}" is not a whole number from 1 to 65535` };
  return { ok: true, proxy: { host, port, portAssumed: false } };
}

/**
 * A host as a flag names it: a host name (RFC 1123 labels, at most 253 characters), an IPv4 address
 * or an IPv6 address, in brackets or not. The host without brackets, or undefined when it is none.
 */
export function parseHost(value: string): string | undefined {
  if (value.startsWith('[') && value.endsWith(']')) {
    const inner = value.slice(1, -1);
    return isIP(inner) === 6 ? inner : undefined;
  }
  if (isIP(value) !== 0) return value;
  // all digits and dots: meant as an IPv4 address, and not one
  if (/^[\d.]+$/.test(value)) return undefined;
  return HOST_NAME.test(value) ? value : undefined;
}

export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : undefined;
}

/** The proxy as the agent's --proxy would take it back, for reproduce commands and reports. */
export function formatProxy(proxy: ProxyAddress): string {
  return `${isIP(proxy.host) === 6 ? `[${proxy.host}]` : proxy.host}:${proxy.port}`;
}
