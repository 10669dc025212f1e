// Counting over time: the cumulative series, when a threshold was crossed, and when the next one
// would be at the current pace. Pure functions on calendar days ("2019-06-28").

export interface DayCount {
  day: string;
  added: number;
}
export interface SeriesPoint {
  day: string;
  total: number;
}

const DAY_MS = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export function cumulative(daily: DayCount[]): SeriesPoint[] {
  let total = 0;
  return [...daily]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map(({ day, added }) => ({ day, total: (total += added) }));
}

/** The first day the running total reached `value`, or null. */
export function crossingDay(series: SeriesPoint[], value: number): string | null {
  return series.find((p) => p.total >= value)?.day ?? null;
}

export type Projection =
  | { kind: 'crossed'; day: string }
  | { kind: 'projected'; day: string; perDay: number; basis: string }
  | { kind: 'insufficient'; reason: string };

/**
 * When the running total would reach `target` at the pace seen so far: the average daily
 * increase between the first and the last dated signature. Needs signatures on at least two
 * different days; says why when the data does not support a projection.
 */
export function project(series: SeriesPoint[], target: number): Projection {
  const crossed = crossingDay(series, target);
  if (crossed) return { kind: 'crossed', day: crossed };
  if (series.length < 2) {
    return {
      kind: 'insufficient',
      reason:
        series.length === 0
          ? 'no dated signatures yet'
          : 'signatures are dated on a single day, so there is no pace to go on',
    };
  }
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const days = (toTime(last.day) - toTime(first.day)) / DAY_MS;
  // The first day's signatures are the starting point, not part of the pace.
  const perDay = (last.total - first.total) / days;
  if (!(perDay > 0)) return { kind: 'insufficient', reason: 'no new signatures since the first day' };
  const daysNeeded = Math.ceil((target - last.total) / perDay);
  return {
    kind: 'projected',
    day: toDay(toTime(last.day) + daysNeeded * DAY_MS),
    perDay,
    basis: `${last.total - first.total} signatures in ${days} days from ${first.day} to ${last.day}`,
  };
}

/**
 * How the named count stands against a threshold, in words: "52 of 256 named", and once it is
 * passed "140 named: 4 more than the 136 needed" (never "140 of 136"). `share` says where a
 * share of a body came from. Null value: the body's size is not known.
 */
export function thresholdStanding(
  named: number,
  t: { value: number | null; sharePercent: number | null; bodySize: number | null; bodyName: string | null },
): string {
  if (t.value === null) return `${t.sharePercent}% of ${t.bodyName}: the body's size is not recorded`;
  const n = (x: number) => x.toLocaleString('en-GB');
  const share = t.sharePercent !== null ? ` (${t.sharePercent}% of ${n(t.bodySize ?? 0)} in ${t.bodyName})` : '';
  if (named < t.value) return `${n(named)} of ${n(t.value)} named${share}`;
  if (named === t.value) return `${n(named)} named: exactly the ${n(t.value)} needed${share}`;
  return `${n(named)} named: ${n(named - t.value)} more than the ${n(t.value)} needed${share}`;
}
