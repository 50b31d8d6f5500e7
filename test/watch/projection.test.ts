import { describe, expect, it } from 'vitest';
import { en } from '../../src/catalog/en.js';
import { project } from '../../src/watch/projection.js';
import { projectionLines } from '../../src/render/projection-text.js';
import type { WatchState } from '../../src/watch/state.js';

// The injected clock: every time is counted back from NOW.
const NOW = new Date('2026-11-22T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const MIN = 60_000;
const failingFor = (ms: number, id: 'portal' | 'proxy' | 'java-certs' = 'portal'): WatchState => ({
  version: 1,
  checks: { [id]: { status: 'fail', lastRun: NOW.toISOString(), failingSince: ago(ms) } },
});

describe("the projection of the portal's view", () => {
  it('warns about "Connection error" within 10 minutes when the portal has failed for 1 h 50 min', () => {
    const projection = project(failingFor(110 * MIN), NOW);
    expect(projection.state).toBe('connected');
    expect(projection.failing).toEqual(['portal']);
    const [connectionError, disconnected] = projection.marks;
    expect(connectionError).toMatchObject({
      portalName: 'Connection error',
      at: '2026-11-22T12:10:00.000Z',
      secondsUntil: 600,
      warning: true,
    });
    expect(disconnected).toMatchObject({ portalName: 'Disconnected', secondsUntil: 36_600, warning: false });
    expect(projectionLines(projection, en)).toEqual([
      'Warning: portal failing since 2026-11-22T10:10:00.000Z: the portal will show “Connection error” at 2026-11-22T12:10:00.000Z (in 10 min) unless this is mended',
    ]);
  });

  it('does not warn before the chosen share of the mark', () => {
    expect(project(failingFor(50 * MIN), NOW).marks[0]!.warning).toBe(false);
    expect(project(failingFor(50 * MIN), NOW, 0.25).marks[0]!.warning).toBe(true);
  });

  it('says "Connection error" once 2 h have passed, and warns about "Disconnected" past 6 h', () => {
    const projection = project(failingFor(7 * 60 * MIN, 'proxy'), NOW);
    expect(projection.state).toBe('connection_error');
    expect(projection.marks.map((m) => [m.secondsUntil, m.warning])).toEqual([
      [0, false],
      [5 * 3600, true],
    ]);
    const lines = projectionLines(projection, en);
    expect(lines[0]).toContain('the portal shows “Connection error” since 2026-11-22T07:00:00.000Z');
    expect(lines[1]).toContain('will show “Disconnected” at 2026-11-22T17:00:00.000Z');
  });

  it('says "Disconnected" after 12 h, and counts from the earliest failing contact check', () => {
    const state = failingFor(13 * 60 * MIN, 'java-certs');
    state.checks.portal = { status: 'fail', lastRun: NOW.toISOString(), failingSince: ago(MIN) };
    const projection = project(state, NOW);
    expect(projection.state).toBe('disconnected');
    expect(projection.failing).toEqual(['portal', 'java-certs']);
    expect(projection.failingSince).toBe(ago(13 * 60 * MIN));
  });

  it('projects "connected" when no contact check fails, whatever the others do', () => {
    const state: WatchState = {
      version: 1,
      checks: {
        portal: { status: 'pass', lastRun: NOW.toISOString(), lastPass: NOW.toISOString() },
        'syslog-connection': { status: 'fail', lastRun: NOW.toISOString(), failingSince: ago(20 * 60 * MIN) },
      },
    };
    const projection = project(state, NOW);
    expect(projection).toMatchObject({ state: 'connected', failing: [] });
    expect(projection.marks.every((m) => m.secondsUntil === undefined && !m.warning)).toBe(true);
  });
});
