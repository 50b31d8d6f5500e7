// A probe ends exactly once: by its own events, or when its time runs out. This is the one place
// that guarantees it (a second event is ignored, the timer is cleared, listeners are undone).

/**
 * `start` wires the probe's events to `settle` and returns what to undo afterwards. It runs with
 * the timer already armed, so it may settle at once.
 */
export function settleOnce<T>(
  timeoutMs: number,
  onTimeout: () => T,
  start: (settle: (value: T) => void) => (() => void) | void,
): Promise<T> {
  return new Promise((resolve) => {
    let done = false;
    // Known only once start() returns, and settle may already run inside it.
    const undo: { cleanup?: (() => void) | void } = {};
    const settle = (value: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      undo.cleanup?.();
      resolve(value);
    };
    const timer = setTimeout(() => settle(onTimeout()), timeoutMs);
    undo.cleanup = start(settle);
    if (done) undo.cleanup?.(); // settled while starting, before the cleanup was known
  });
}

/** Milliseconds since the call, for the `ms` every probe outcome reports. */
export function stopwatch(): () => number {
  const started = performance.now();
  return () => Math.round(performance.now() - started);
}
