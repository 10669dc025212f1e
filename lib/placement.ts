// The placement model of a whip count (issue 25 §3): a member's placements at a stage are a
// history, stated ones (a Position) and ones derived from signatures by the stage's rules; the
// newest, by one order, is where they stand. The order is written here once, as data, and read by
// the whip count's SQL (lib/placements.ts), the positions CSV (lib/export.ts) and `comparePlacements`.
// Pure.
import { emptyCounts, STAND_ORDER, type StandCounts } from './decision-rule';
import type { Stand } from './generated/prisma/enums';

/** What ordering needs of a placement. */
export interface Placement {
  /** The day it was stated; for a derived one, the day its signature is known by (YYYY-MM-DD). */
  onDay: string;
  /** Derived from a signature by a stage's rule, not stated. */
  derived: boolean;
  /** The id of its record: the Position, or the Signature it is derived from. */
  id: number;
}

/**
 * The order of one member's placements, oldest first, key by key:
 * 1. by day;
 * 2. on one day, a placement derived from a signature before a stated one, so that the stated
 *    one is the newer: what a member says outranks what a letter they signed implies;
 * 3. then by record id: of two on one day and of one kind, the later recorded is the newer.
 * Each key is its SQL expression over the columns named in `PlacementColumns` and its value in
 * JavaScript, both ascending.
 */
const ORDER: { sql: (c: PlacementColumns) => string; key: (p: Placement) => string | number }[] = [
  { sql: (c) => c.onDay, key: (p) => p.onDay },
  { sql: (c) => `(NOT ${c.derived})`, key: (p) => (p.derived ? 0 : 1) },
  { sql: (c) => c.id, key: (p) => p.id },
];

/** The columns a query holds a placement's day, derived flag (boolean) and record id in. */
export interface PlacementColumns {
  onDay: string;
  derived: string;
  id: string;
}

/** The order as SQL, for an ORDER BY or a window: oldest first, or newest first. */
export function placementOrderSql(columns: PlacementColumns, newestFirst = false): string {
  return ORDER.map((k) => `${k.sql(columns)}${newestFirst ? ' DESC' : ''}`).join(', ');
}

/** The order in JavaScript: negative when `a` is the older. */
export function comparePlacements(a: Placement, b: Placement): number {
  for (const { key } of ORDER) {
    const x = key(a);
    const y = key(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** How many members moved into (+) or out of (−) a position on a day. */
export type DailyMove = { day: string; stand: Stand; delta: number };

/** Counts per position at the end of each day on which a placement changed: running sums of the daily moves. */
export function historyOf(daily: DailyMove[], members: number): { day: string; counts: StandCounts }[] {
  const series: { day: string; counts: StandCounts }[] = [];
  const running = emptyCounts();
  for (let i = 0; i < daily.length; i++) {
    const d = daily[i]!;
    running[d.stand] += d.delta;
    if (daily[i + 1]?.day === d.day) continue;
    const placed = STAND_ORDER.reduce((sum, s) => sum + running[s], 0);
    series.push({ day: d.day, counts: { ...running, UNKNOWN: members - placed } });
  }
  return series;
}
