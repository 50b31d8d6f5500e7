// What the portal shows of this agent, projected from the watch state. The portal marks an agent
// "Connection error" after 2 hours without contact and "Disconnected" after 12 (DOMAIN.md); the
// agent loses contact when it cannot reach the portal, directly or through its proxy, or when Java
// no longer trusts the portal's certificate. So the outage is counted from the earliest of those
// checks' failingSince, and a warning is raised once it has lasted a chosen share of a mark.
import type { CheckId } from '../checks/ids.js';
import type { WatchState } from './state.js';

/** The checks whose failure cuts the agent off the portal. */
export const CONTACT_CHECKS = ['portal', 'proxy', 'java-certs'] as const satisfies readonly CheckId[];

export const MARKS = [
  { state: 'connection_error', portalName: 'Connection error', afterMs: 2 * 3600_000 },
  { state: 'disconnected', portalName: 'Disconnected', afterMs: 12 * 3600_000 },
] as const;

export type PortalState = 'connected' | (typeof MARKS)[number]['state'];
export const PORTAL_STATES: readonly PortalState[] = ['connected', ...MARKS.map((m) => m.state)];

/** Default share of a mark after which `watch` warns (1 h of the 2 h mark, 6 h of the 12 h one). */
export const DEFAULT_WARN_SHARE = 0.5;

export interface MarkProjection {
  state: (typeof MARKS)[number]['state'];
  /** The status the portal shows from then on, exactly as it shows it. */
  portalName: (typeof MARKS)[number]['portalName'];
  /** When the portal shows it, if the outage goes on (ISO time); absent while there is no outage. */
  at?: string;
  /** Seconds until then: 0 once reached; absent while there is no outage. */
  secondsUntil?: number;
  /** The outage has lasted more than the warning share of this mark and has not reached it yet. */
  warning: boolean;
}

export interface Projection {
  /** What the portal shows now, as projected. */
  state: PortalState;
  /** Since when the agent has no contact (earliest failing contact check); absent when it has. */
  failingSince?: string;
  /** The contact checks that fail. */
  failing: CheckId[];
  marks: MarkProjection[];
}

export function project(state: WatchState, now: Date, warnShare = DEFAULT_WARN_SHARE): Projection {
  const failing = CONTACT_CHECKS.filter((id) => state.checks[id]?.failingSince);
  const since = failing
    .map((id) => Date.parse(state.checks[id]!.failingSince!))
    .reduce((a, b) => Math.min(a, b), Infinity);
  const outage = Number.isFinite(since) ? Math.max(0, now.getTime() - since) : undefined;
  let current: PortalState = 'connected';
  const marks = MARKS.map((mark): MarkProjection => {
    if (outage === undefined) return { state: mark.state, portalName: mark.portalName, warning: false };
    if (outage >= mark.afterMs) current = mark.state;
    return {
      state: mark.state,
      portalName: mark.portalName,
      at: new Date(since + mark.afterMs).toISOString(),
      secondsUntil: Math.max(0, Math.round((mark.afterMs - outage) / 1000)),
      warning: outage > warnShare * mark.afterMs && outage < mark.afterMs,
    };
  });
  return {
    state: current,
    ...(outage !== undefined && { failingSince: new Date(since).toISOString() }),
    failing: [...failing],
    marks,
  };
}
