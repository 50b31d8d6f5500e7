// Whole-process timing: each command runs `runs` times after one warm-up; medians are compared
// against an anchor measured in the same run on the same machine.
import { spawnSync } from 'node:child_process';

/** One run of command, in ms; throws when it could not run or was killed. */
function sampleOnce(command, args, { env, input }) {
  const start = performance.now();
  const result = spawnSync(command, args, {
    env,
    input,
    stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'],
  });
  const elapsed = performance.now() - start;
  if (result.status === null || result.error) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.signal}`);
  }
  return elapsed;
}

export function time(command, args, { runs = 11, env = process.env, input } = {}) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const elapsed = sampleOnce(command, args, { env, input });
    if (i > 0) samples.push(elapsed); // the first run warms the file cache
  }
  return median(samples);
}

/**
 * Two commands timed in turns (a, b, a, b, …) rather than one after the other, so that what else
 * the machine does weighs on both alike: for a comparison of two forms of the same run.
 */
export function timeInTurns([a, aArgs], [b, bArgs], { runs = 11, env = process.env } = {}) {
  const samples = [[], []];
  for (let i = 0; i <= runs; i++) {
    const elapsed = [sampleOnce(a, aArgs, { env }), sampleOnce(b, bArgs, { env })];
    if (i > 0) elapsed.forEach((ms, k) => samples[k].push(ms)); // the first round warms the file cache
  }
  return samples.map(median);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function report(name, ours, anchor, target) {
  const ratio = ours / anchor;
  const verdict = ratio <= target ? 'meets' : 'MISSES';
  console.log(
    `${name}: ${ours.toFixed(1)} ms vs ${anchor.toFixed(1)} ms → ratio ${ratio.toFixed(2)} (target ≤ ${target}: ${verdict})`,
  );
  return ratio <= target;
}
