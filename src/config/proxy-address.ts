// Parses a proxy exactly as the agent's --proxy takes it: ADDRESS[:PORT], where ADDRESS is a host
// name, an IPv4 address or a bracketed IPv6 address. The agent assumes port 8080 when none is given.
import { isIP } from 'node:net';
import type { Text } from '../catalog/index.js';

export const DEFAULT_PROXY_PORT = 8080;

export interface ProxyAddress {
  host: string;
  port: number;
  /** True when no port was given and the agent's default was assumed. */
  portAssumed: boolean;
}

/**
 * Why a value is no proxy address the agent takes, as data: `proxy.problem.<problem>` of the
 * catalog words it (problemText), in the report's language wherever it reaches a check's output.
 */
export type ProxyProblem =
  | { problem: 'empty' }
  | { problem: 'padded' }
  | { problem: 'space' }
  | { problem: 'quoted' }
  | { problem: 'scheme'; scheme: string }
  | { problem: 'credentials' }
  | { problem: 'path' }
  | { problem: 'unclosedIpv6' }
  | { problem: 'afterBracket'; rest: string }
  | { problem: 'notIpv6'; host: string }
  | { problem: 'bareIpv6' }
  | { problem: 'notIpv4'; host: string }
  | { problem: 'hostName'; host: string }
  | { problem: 'port'; port: string };

export type ProxyParse = { ok: true; proxy: ProxyAddress } | { ok: false; problem: ProxyProblem };

/** The catalog's words for a problem: `proxy.problem.<problem>` with its facts. */
export function problemText({ problem, ...params }: ProxyProblem): Text {
  return { key: `proxy.problem.${problem}`, params };
}

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

export function parseProxyAddress(raw: string): ProxyParse {
  const value = raw;
  const no = (problem: ProxyProblem): ProxyParse => ({ ok: false, problem });
  if (value.trim() === '') return no({ problem: 'empty' });
  if (value !== value.trim()) return no({ problem: 'padded' });
  if (/\s/.test(value)) return no({ problem: 'space' });
  if (/^["']|["']$/.test(value)) return no({ problem: 'quoted' });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    return no({ problem: 'scheme', scheme: `${value.split('//')[0]}//` });
  if (value.includes('@')) return no({ problem: 'credentials' });
  if (value.includes('/')) return no({ problem: 'path' });

  let host: string;
  let portText: string | undefined;
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0) return no({ problem: 'unclosedIpv6' });
    host = value.slice(1, close);
    const rest = value.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return no({ problem: 'afterBracket', rest });
    portText = rest === '' ? undefined : rest.slice(1);
    if (isIP(host) !== 6) return no({ problem: 'notIpv6', host });
  } else {
    const colons = value.split(':').length - 1;
    if (colons > 1) return no({ problem: 'bareIpv6' });
    [host, portText] = value.split(':') as [string, string | undefined];
    if (/^[\d.]+$/.test(host) && isIP(host) !== 4) return no({ problem: 'notIpv4', host });
    if (isIP(host) !== 4 && !HOST_NAME.test(host)) return no({ problem: 'hostName', host });
  }
  if (portText === undefined)
    return { ok: true, proxy: { host, port: DEFAULT_PROXY_PORT, portAssumed: true } };
  const port = parsePort(portText);
  if (port === undefined) return no({ problem: 'port', port: portText });
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
