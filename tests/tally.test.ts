import { describe, expect, it } from 'vitest';
import { describeGap, describeTally, guaranteedMinimum } from '../lib/tally';

describe('reported counts', () => {
  it('say what the qualifier guarantees', () => {
    expect(guaranteedMinimum(140, 'MORE_THAN')).toBe(141);
    expect(guaranteedMinimum(140, 'AT_LEAST')).toBe(140);
    expect(guaranteedMinimum(140, 'EXACT')).toBe(140);
    expect(guaranteedMinimum(140, 'ABOUT')).toBeNull();
    expect(guaranteedMinimum(140, 'FEWER_THAN')).toBeNull();
  });

  it('describe the gap between reported and named in words', () => {
    expect(describeTally(140, 'MORE_THAN')).toBe('more than 140');
    expect(describeGap(1, { count: 140, qualifier: 'MORE_THAN' })).toBe(
      'more than 140 reported, 1 named: at least 140 not yet named',
    );
    expect(describeGap(5, { count: 60, qualifier: 'MORE_THAN' })).toBe(
      'more than 60 reported, 5 named: at least 56 not yet named',
    );
    expect(describeGap(141, { count: 140, qualifier: 'MORE_THAN' })).toBe(
      'more than 140 reported, 141 named: every reported signatory is named',
    );
    expect(describeGap(10, { count: 100, qualifier: 'ABOUT' })).toBe(
      'about 100 reported, 10 named: roughly 90 not yet named',
    );
    expect(describeGap(3, null)).toBe('3 named; no reported count');
  });
});
