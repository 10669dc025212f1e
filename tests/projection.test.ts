import { describe, expect, it } from 'vitest';
import { crossingDay, cumulative, project } from '../lib/projection';

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
