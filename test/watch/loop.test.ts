import { describe, expect, it } from 'vitest';
import { parseDuration, runLoop } from '../../src/watch/loop.js';

const immediately = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the watch loop', () => {
  it('never overlaps two rounds, and runs the next one after a round that crashed', async () => {
    let running = 0;
    let most = 0;
    const crashes: number[] = [];
    const ran = await runLoop({
      intervalMs: 0,
      maxRounds: 6,
      signal: new AbortController().signal,
      sleep: immediately,
      round: async (index) => {
        running++;
        most = Math.max(most, running);
        await immediately();
        running--;
        if (index === 2) throw new Error('boom');
      },
      onCrash: (index) => crashes.push(index),
    });
    expect(ran).toBe(6);
    expect(most).toBe(1);
    expect(crashes).toEqual([2]);
  });

  it('stops waiting at once when told to stop, after the round in progress', async () => {
    const stop = new AbortController();
    let rounds = 0;
    const ran = await runLoop({
      intervalMs: 3_600_000,
      maxRounds: Infinity,
      signal: stop.signal,
      round: async () => {
        rounds++;
        setImmediate(() => stop.abort());
      },
      onCrash: () => undefined,
    });
    expect(ran).toBe(1);
    expect(rounds).toBe(1);
  });

  it('reads the durations of SPEC.md and refuses what is not one', () => {
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('10ms')).toBe(10);
    for (const bad of ['5', 'm', '-5m', '0s', '5 minutes', ''])
      expect(parseDuration(bad), bad).toBeUndefined();
  });
});
