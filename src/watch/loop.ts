// The scheduler of `watch`: one round at a time (the next starts only when the last has ended, so
// two never overlap), one every interval counted from the start of the last, a round that throws
// reported and the next one run, and a stop signal that ends the wait at once and lets a running
// round finish within its checks' budgets. The clock and the wait are injected for tests.
export interface LoopOptions {
  intervalMs: number;
  /** How many rounds at most (1 for --once). */
  maxRounds: number;
  signal: AbortSignal;
  round(index: number): Promise<void>;
  onCrash(index: number, error: unknown): void;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Runs the rounds; resolves with how many ran once stopped or done. */
export async function runLoop(options: LoopOptions): Promise<number> {
  const now = options.now ?? (() => performance.now());
  const wait = options.sleep ?? sleep;
  let index = 0;
  while (index < options.maxRounds && !options.signal.aborted) {
    const started = now();
    index++;
    try {
      await options.round(index);
    } catch (error) {
      options.onCrash(index, error);
    }
    if (index >= options.maxRounds || options.signal.aborted) break;
    await wait(Math.max(0, options.intervalMs - (now() - started)), options.signal);
  }
  return index;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A DURATION of SPEC.md: a number and a unit (`ms`, `s`, `m`, `h`), e.g. `5m`, `90s`, `1.5h`;
 * undefined when malformed. Sub-second values exist for tests; a person gives minutes.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNITS[match[2]!]!;
  return ms >= 1 && Number.isFinite(ms) ? Math.round(ms) : undefined;
}
