// token: offline first (empty, spaces, quotes, characters, length — the copy-paste breakages),
// then online when the portal is reached securely: GET /api/v1/agents/siem/ with the token.
// Only the last four characters are ever shown.
import { tokenProblem, tokenTail } from '../config/token-shape.js';
import { TOKEN_PATH } from '../probes/portal-api.js';
import { fail, pass, skip, text, warn, type Check, type Finding } from './types.js';

/** The portal's `detail` for a token it does not know (DOMAIN.md): `{"detail":"Invalid token"}`. */
const INVALID_TOKEN = /^\s*invalid token\b/i;

export const token = {
  id: 'token',
  documentedError: 'Invalid token',
  async run(ctx): Promise<Finding> {
    const value = ctx.config.token;
    if (value === undefined) return skip('token.none', undefined, { needs: ['--token'] });
    const last4 = tokenTail(value);
    const evidence: Record<string, unknown> = { length: value.length, last4 };
    const fixes = [text('token.fix.copy'), text('token.fix.regenerate')];
    const problem = tokenProblem(value);
    if (problem) {
      const params: Record<string, string | number> =
        problem.problem === 'chars'
          ? { chars: problem.chars }
          : problem.problem === 'length'
            ? { length: problem.length }
            : {};
      return fail(`token.${problem.problem}`, params, {
        evidence: { ...evidence, problem: problem.problem },
        resolution: fixes,
      });
    }
    const probe = await ctx.facts.portal();
    if (!probe) return skip('token.offlineOnly', { last4 }, { needs: ['--portal-url'] });
    if (!probe.http) return skip('token.unreachable', { last4 });
    const { status, detail } = probe.http;
    const online = { ...evidence, status, ...(detail && { detail }) };
    const reproduce = `curl -sS -H "Authorization: Token $SIEM_DOCTOR_TOKEN" https://${probe.host}${probe.port === 443 ? '' : `:${probe.port}`}${TOKEN_PATH}`;
    if (status >= 200 && status < 300) return pass('token.ok', { last4 }, { evidence: online, reproduce });
    // Only the portal saying the token itself is invalid proves it bad. This API is the one
    // Microsoft's module calls with an admin token; a SIEM agent token may lack the rights for it,
    // so a 403 (or a 401 for another reason) leaves the token unconfirmed, not rejected.
    if (status === 401 && detail !== undefined && INVALID_TOKEN.test(detail)) {
      return fail(
        'token.rejected',
        { last4, status, detail },
        { evidence: online, resolution: fixes, reproduce },
      );
    }
    if (status === 401 || status === 403) {
      return warn(
        'token.refusedUnconfirmed',
        { last4, status, detail: detail ?? '-' },
        { evidence: online, resolution: [text('token.fix.agentConfirms'), ...fixes], reproduce },
      );
    }
    return warn(
      'token.unconfirmed',
      { status },
      { evidence: online, resolution: [text('token.fix.retry')], reproduce },
    );
  },
} as const satisfies Check;
