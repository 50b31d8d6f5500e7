// proxy: the --proxy value exactly as the agent takes it (validated at the command line), then
// DNS, TCP and the answer to CONNECT to the portal. The agent cannot authenticate to a proxy and
// ignores HTTPS_PROXY: both are said plainly.
import { formatProxy, problemText } from '../config/proxy-address.js';
import { fail, pass, skip, text, warn, type Check, type Finding } from './types.js';

const PROXY_ENV = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY'];

export const proxy = {
  id: 'proxy',
  documentedError: 'Invalid proxy address',
  async run(ctx): Promise<Finding> {
    if (ctx.config.proxyProblem) {
      const { value, problem } = ctx.config.proxyProblem;
      return {
        status: 'fail',
        // the reason is a sentence of the catalog too: said in the report's language
        message: {
          key: 'proxy.malformed',
          params: { proxy: value },
          parts: { problem: problemText(problem) },
        },
        evidence: { proxy: value, problem: problem.problem, source: 'agent process' },
        resolution: [text('proxy.fix.address')],
      };
    }
    const given = ctx.config.proxy;
    const envProxy = PROXY_ENV.find((name) => ctx.env[name]);
    if (!given) return envProxy ? skip('proxy.noneButEnv', { variable: envProxy }) : skip('proxy.none');
    const name = formatProxy(given);
    const seconds = ctx.config.timeoutMs / 1000;
    const evidence: Record<string, unknown> = { proxy: name, portAssumed: given.portAssumed };
    if (envProxy) evidence.ignoredEnvironment = envProxy;
    const addressFix = [text('proxy.fix.address')];

    const probe = await ctx.facts.portal();
    if (!probe) {
      // No portal to tunnel to: check that the proxy is there at all.
      const [{ resolveHost }, { probeTcp }] = await Promise.all([
        import('../probes/dns.js'),
        import('../probes/tcp.js'),
      ]);
      const resolved = await resolveHost(given.host, ctx.config.timeoutMs);
      if (!resolved.ok) {
        return fail(
          'proxy.dnsFailed',
          { host: given.host, code: resolved.code },
          {
            evidence: { ...evidence, code: resolved.code },
            resolution: addressFix,
            reproduce: `nslookup ${given.host}`,
          },
        );
      }
      const tcp = await probeTcp(
        resolved.addresses[0]!.address,
        given.port,
        ctx.config.timeoutMs,
        ctx.signal,
      );
      const reproduce = `ncat -v ${given.host} ${given.port}`;
      if (!tcp.ok) return tcpFailure(tcp.code, name, seconds, { ...evidence, code: tcp.code }, reproduce);
      return warn(
        'proxy.untested',
        { proxy: name },
        { evidence, resolution: [text('proxy.fix.portal')], reproduce },
      );
    }

    const target = `${probe.host}:${probe.port}`;
    const reproduce = `curl -v -x http://${name} https://${target}/ -o /dev/null`;
    const layer = (n: string) => probe.layers.find((l) => l.name === n);
    const dns = layer('proxy-dns');
    Object.assign(evidence, { target, addresses: probe.proxyAddresses ?? [], layers: probe.layers });
    if (dns && !dns.ok) {
      return fail(
        'proxy.dnsFailed',
        { host: given.host, code: dns.code ?? '' },
        {
          evidence: { ...evidence, code: dns.code },
          resolution: addressFix,
          reproduce: `nslookup ${given.host}`,
        },
      );
    }
    const tcp = layer('proxy-tcp');
    if (tcp && !tcp.ok)
      return tcpFailure(tcp.code ?? '', name, seconds, { ...evidence, code: tcp.code }, reproduce);
    const connect = layer('connect');
    if (!connect) return skip('proxy.none');
    if (connect.ok) {
      return pass(
        given.portAssumed ? 'proxy.okPortAssumed' : 'proxy.ok',
        { proxy: name, target, ms: connect.ms },
        { evidence, reproduce },
      );
    }
    const status = probe.connect?.status;
    const withStatus = { ...evidence, status, code: connect.code };
    if (connect.code === 'TUNNEL_CLOSED') {
      // HTTP 200, then the tunnel closed before anything went through it: unusable.
      return fail(
        'proxy.tunnelClosed',
        { proxy: name, target },
        { evidence: withStatus, resolution: [text('proxy.fix.allow'), text('proxy.fix.tunnel')], reproduce },
      );
    }
    if (status === 407) {
      const scheme = probe.connect?.proxyAuthenticate;
      return fail(
        scheme === undefined ? 'proxy.authNoScheme' : 'proxy.auth',
        scheme === undefined ? { proxy: name } : { proxy: name, scheme },
        { evidence: withStatus, resolution: [text('proxy.fix.auth')], reproduce },
      );
    }
    if (status === 403) {
      return fail(
        'proxy.forbidden',
        { proxy: name, target },
        { evidence: withStatus, resolution: [text('proxy.fix.allow')], reproduce },
      );
    }
    if (status === 502 || status === 503 || status === 504) {
      return fail(
        'proxy.upstream',
        { proxy: name, target, status },
        { evidence: withStatus, resolution: [text('proxy.fix.upstream')], reproduce },
      );
    }
    if (status !== undefined) {
      return fail(
        'proxy.status',
        { proxy: name, target, status, text: probe.connect?.statusText ?? '' },
        { evidence: withStatus, resolution: [text('proxy.fix.allow'), text('proxy.fix.auth')], reproduce },
      );
    }
    if (connect.code === 'ETIMEDOUT') {
      return fail(
        'proxy.connectTimedOut',
        { proxy: name, seconds },
        { evidence: withStatus, resolution: addressFix, reproduce },
      );
    }
    return fail(
      'proxy.notHttp',
      { proxy: name, code: connect.code ?? '' },
      { evidence: withStatus, resolution: addressFix, reproduce },
    );
  },
} as const satisfies Check;

function tcpFailure(
  code: string,
  name: string,
  seconds: number,
  evidence: Record<string, unknown>,
  reproduce: string,
): Finding {
  const resolution = [text('proxy.fix.address')];
  if (code === 'ECONNREFUSED')
    return fail('proxy.refused', { proxy: name }, { evidence, resolution, reproduce });
  if (code === 'ETIMEDOUT')
    return fail('proxy.timedOut', { proxy: name, seconds }, { evidence, resolution, reproduce });
  return fail('proxy.tcpFailed', { proxy: name, code }, { evidence, resolution, reproduce });
}
