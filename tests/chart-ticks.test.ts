import { describe, expect, it } from 'vitest';
import { timeTicks } from '../lib/chart-ticks';

describe('time axis ticks', () => {
  it('never repeats a tick (one day of data named twice: a signature and a tally)', () => {
    expect(timeTicks([5, 5])).toEqual([5]);
    expect(timeTicks([])).toEqual([]);
  });

  it('keeps every distinct time when there are few, in order', () => {
    expect(timeTicks([3, 1, 2, 1])).toEqual([1, 2, 3]);
  });

  it('spreads at most `most` ticks from first to last when there are many', () => {
    const ticks = timeTicks(
      Array.from({ length: 100 }, (_, i) => i * 10),
      6,
    );
    expect(ticks).toHaveLength(6);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(990);
    expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
  });
});
