import { describe, expect, it } from 'vitest';
import { crossingDay, cumulative, project, thresholdStanding } from '../lib/projection';

const series = cumulative([
  { day: '2019-06-03', added: 10 },
  { day: '2019-06-01', added: 5 },
  { day: '2019-06-05', added: 5 },
]);

describe('counting over time', () => {
  it('builds a running total in date order', () => {
    expect(series).toEqual([
      { day: '2019-06-01', total: 5 },
      { day: '2019-06-03', total: 15 },
      { day: '2019-06-05', total: 20 },
    ]);
  });

  it('finds the day a threshold was crossed', () => {
    expect(crossingDay(series, 15)).toBe('2019-06-03');
    expect(crossingDay(series, 16)).toBe('2019-06-05');
    expect(crossingDay(series, 21)).toBeNull();
  });

  it('projects the next crossing from the pace so far', () => {
    // 15 more in 4 days: 3.75 a day; 10 more needed from 20 → 3 days after 5 June.
    expect(project(series, 30)).toEqual({
      kind: 'projected',
      day: '2019-06-08',
      perDay: 3.75,
      basis: '15 signatures in 4 days from 2019-06-01 to 2019-06-05',
    });
    expect(project(series, 20)).toEqual({ kind: 'crossed', day: '2019-06-05' });
  });

  it('declines to project without a pace', () => {
    expect(project([], 10)).toMatchObject({ kind: 'insufficient', reason: 'no dated signatures yet' });
    expect(project([{ day: '2019-06-28', total: 5 }], 60)).toMatchObject({ kind: 'insufficient' });
  });
});

describe('a threshold, in words', () => {
  const absolute = { value: 3, sharePercent: null, bodySize: null, bodyName: null };
  const share = { value: 52, sharePercent: 20, bodySize: 256, bodyName: 'the PLP' };
  it('counts up to it, meets it, and says by how much it is passed (never "4 of 3")', () => {
    expect(thresholdStanding(2, absolute)).toBe('2 of 3 named');
    expect(thresholdStanding(3, absolute)).toBe('3 named: exactly the 3 needed');
    expect(thresholdStanding(4, absolute)).toBe('4 named: 1 more than the 3 needed');
    expect(thresholdStanding(1200, { ...absolute, value: 1000 })).toBe('1,200 named: 200 more than the 1,000 needed');
  });
  it('says where a share of a body comes from, or that its size is not known', () => {
    expect(thresholdStanding(6, share)).toBe('6 of 52 named (20% of 256 in the PLP)');
    expect(thresholdStanding(6, { ...share, value: null, bodySize: null })).toBe(
      "20% of the PLP: the body's size is not recorded",
    );
  });
});
