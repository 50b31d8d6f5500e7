import { describe, expect, it } from 'vitest';
import { settleOnce } from '../../src/probes/settle.js';

describe('settleOnce', () => {
  it('keeps the first outcome, ignores later ones, and undoes once', async () => {
    let undone = 0;
    const result = await settleOnce(
      1000,
      () => 'timeout',
      (settle) => {
        setTimeout(() => {
          settle('first');
          settle('second');
        }, 5);
        return () => undone++;
      },
    );
    expect(result).toBe('first');
    expect(undone).toBe(1);
  });

  it('undoes even when the probe settles while starting', async () => {
    let undone = 0;
    const result = await settleOnce(
      1000,
      () => 'timeout',
      (settle) => {
        settle('at once');
        return () => undone++;
      },
    );
    expect(result).toBe('at once');
    expect(undone).toBe(1);
  });

  it('ends with the timeout outcome when nothing happens, within the budget', async () => {
    let undone = 0;
    const result = await settleOnce(
      50,
      () => 'timeout',
      () => () => undone++,
    );
    expect(result).toBe('timeout');
    expect(undone).toBe(1);
  });
});
