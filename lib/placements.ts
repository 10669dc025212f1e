// The whip count's placements, read from PostgreSQL: the stage's voters on the day, every
// placement of theirs (stated and derived) in the order of lib/placement.ts, and from them each
// member's current placement with its evidence, the newest changes and the daily moves behind the
// history. lib/whip-count.ts assembles the count from these. See docs/decisions/014-whip-count.md.
import 'server-only';
import { VersionedMemo } from './data-version';
import { db } from './db';
import { Prisma } from './generated/prisma/client';
import type { Stand } from './generated/prisma/enums';
import { type DailyMove, placementOrderSql } from './placement';
import {
  BODY_MEMBERS_SQL,
  KNOWN_ON_SQL,
  ON_DAY_SQL,
  SEAT_ON_DAY,
  sourceColumns,
  type SourceRow,
  STAGE_DAY_SQL,
} from './sql';

/** The stage's latest division and voting day (STAGE_DAY_SQL); `override`, when given, is that day instead. */
export const stageDay = (override: Date | null = null) =>
  Prisma.raw(STAGE_DAY_SQL(override ? `DATE '${override.toISOString().slice(0, 10)}'` : 'NULL'));

/** The placement order (lib/placement.ts) over the columns of the `placements` CTE. */
const COLUMNS = { onDay: 'on_day', derived: 'derived', id: 'id' };
const PLACEMENT_ORDER = placementOrderSql(COLUMNS);
const NEWEST_PLACEMENT_FIRST = placementOrderSql(COLUMNS, true);

/**
 * Every placement of the stage's voters, explicit and derived, in order (PLACEMENT_ORDER): the
 * `ordered` CTE, one row a placement with only what ordering needs (details are joined later, for
 * the few rows shown), and `current_run`. Needs the `voters` CTE before it. A placement's id is
 * its record's: the Position's, or for a derived one its Signature's.
 */
const placementsCte = (stageId: number) => Prisma.sql`
  placements AS (
    SELECT pos.id, pos."personId" AS person_id, pos.stand, pos."statedOn" AS on_day, false AS derived, pos."sourceId" AS source_id, NULL::int AS campaign_id
    FROM "Position" pos WHERE pos."stageId" = ${stageId} AND pos."personId" IN (SELECT person_id FROM voters)
    UNION ALL
    SELECT sig.id, sig."personId", r.stand, ${Prisma.raw(KNOWN_ON_SQL)}, true, sig."sourceId", r."campaignId"
    FROM "PositionRule" r JOIN "Signature" sig ON sig."campaignId" = r."campaignId" AND sig."withdrawnOn" IS NULL
    JOIN "Source" src ON src.id = sig."sourceId"
    WHERE r."stageId" = ${stageId} AND sig."personId" IN (SELECT person_id FROM voters)
  ),
  ordered AS MATERIALIZED (
    -- Per placement: its place in the member's history, the position before it, whether it moved
    -- them, and whether it is their last (where they stand now). One window, one sort.
    SELECT pl.*, row_number() OVER w AS seq, lag(pl.stand) OVER w AS prev_stand,
           CASE WHEN lag(pl.stand) OVER w IS DISTINCT FROM pl.stand THEN 1 ELSE 0 END AS changed,
           lead(pl.id) OVER w IS NULL AS last
    FROM placements pl WINDOW w AS (PARTITION BY pl.person_id ORDER BY ${Prisma.raw(PLACEMENT_ORDER)})
  ),
  -- Each member's current run: the placement that moved them to where they stand now, so since
  -- when they have stood there and where they stood before (none: their first placement).
  current_run AS (
    SELECT DISTINCT ON (person_id) person_id, on_day AS since, prev_stand FROM ordered WHERE changed = 1
    ORDER BY person_id, seq DESC
  )`;

/** The `voters` CTE: the body's members on the day (inlined as a date literal: it is a Date we format, never user text). */
function voters(day: Date, bodyId: number | null) {
  const literal = `DATE '${day.toISOString().slice(0, 10)}'`;
  return Prisma.sql`voters AS (SELECT m.person_id FROM "Body" b CROSS JOIN LATERAL ${Prisma.raw(BODY_MEMBERS_SQL('b', literal))} m WHERE b.id = ${bodyId ?? -1})`;
}

export type MemberRow = SourceRow & {
  person_id: number;
  slug: string;
  name: string;
  sort_name: string;
  party: string | null;
  constituency: string | null;
  stand: Stand | null;
  since: Date | null;
  derived: boolean | null;
  quote: string | null;
  note: string | null;
  confidence: string | null;
  statement_id: number | null;
  statement_subject: string | null;
  campaign_slug: string | null;
  campaign_title: string | null;
  prev_stand: Stand | null;
  prev_until: Date | null;
  vote: 'AYE' | 'NO' | 'ABSTAIN' | null;
  teller: boolean | null;
  forecast_stand: Stand | null;
};
export type ChangeRow = SourceRow & {
  slug: string;
  name: string;
  party: string | null;
  prev_stand: Stand | null;
  stand: Stand;
  on_day: Date;
  derived: boolean;
};

/**
 * Everything the page shows of a stage's placements, in one statement, so the window over every
 * placement runs once: each voter with their current placement, its evidence, the one before and
 * their ballot; the newest changes; and per day, how many members moved into or out of each
 * position (the history is the running sum of these). PostgreSQL builds it as one JSON document,
 * which is much cheaper to hand over than thousands of rows.
 */
export async function placementData(
  stageId: number,
  dayIso: string,
  bodyId: number | null,
  divisionId: number | null,
  changeLimit: number,
) {
  return placements.get(`${stageId}|${dayIso}|${bodyId}|${divisionId}|${changeLimit}`, () =>
    readPlacements(stageId, dayIso, bodyId, divisionId, changeLimit),
  );
}

/** Placements change only when the data set does: kept per process while the data version holds. */
const placements = new VersionedMemo<Awaited<ReturnType<typeof readPlacements>>['value']>();

async function readPlacements(
  stageId: number,
  dayIso: string,
  bodyId: number | null,
  divisionId: number | null,
  changeLimit: number,
) {
  const day = new Date(`${dayIso}T00:00:00Z`);
  const literal = `DATE '${dayIso}'`;
  const [row] = await db().$queryRaw<
    {
      data: {
        members: Json<MemberRow>[] | null;
        changes: Json<ChangeRow>[] | null;
        daily: DailyMove[] | null;
        version: number;
      };
    }[]
  >`
    WITH ${voters(day, bodyId)}, ${placementsCte(stageId)},
    latest AS (SELECT * FROM ordered WHERE last),
    -- The count before the vote: each member's newest placement on or before the day (issue 22),
    -- the same order as the history's (explicit outranks derived on one day).
    before_vote AS (
      SELECT DISTINCT ON (person_id) person_id, stand FROM ordered WHERE on_day <= ${Prisma.raw(literal)}
      ORDER BY person_id, ${Prisma.raw(NEWEST_PLACEMENT_FIRST)}
    ),
    members AS (
      SELECT p.id AS person_id, p.slug, p.name, p."sortName" AS sort_name, coalesce(on_day.party, p.party) AS party, coalesce(on_day.constituency, p.constituency) AS constituency,
             l.stand, run.since, l.derived, pos.quote, coalesce(pos.note, rule.note) AS note, coalesce(pos.confidence, sg.confidence) AS confidence,
             pos."statementId" AS statement_id, st.subject AS statement_subject,
             c.slug AS campaign_slug, c.title AS campaign_title, run.prev_stand,
             CASE WHEN run.prev_stand IS NOT NULL THEN run.since END AS prev_until,
             bal.vote, bal.teller, bv.stand AS forecast_stand,
             ${sourceColumns('src')}
      FROM voters v JOIN "Person" p ON p.id = v.person_id
      ${Prisma.raw(ON_DAY_SQL(literal))}
      LEFT JOIN latest l ON l.person_id = p.id
      LEFT JOIN current_run run ON run.person_id = p.id
      LEFT JOIN before_vote bv ON bv.person_id = p.id
      LEFT JOIN "Position" pos ON pos.id = l.id AND NOT l.derived
      LEFT JOIN "Signature" sg ON sg.id = l.id AND l.derived
      LEFT JOIN "PositionRule" rule ON rule."stageId" = ${stageId} AND rule."campaignId" = l.campaign_id
      LEFT JOIN "Source" src ON src.id = l.source_id
      LEFT JOIN "Statement" st ON st.id = pos."statementId"
      LEFT JOIN "Campaign" c ON c.id = l.campaign_id
      LEFT JOIN "Ballot" bal ON bal."divisionId" = ${divisionId ?? -1} AND bal."personId" = p.id
    ),
    changes AS (
      SELECT p.slug, p.name, p.party, r.prev_stand, r.stand, r.on_day, r.derived, ${sourceColumns('src')}
      FROM (SELECT * FROM ordered WHERE changed = 1 ORDER BY on_day DESC, seq DESC, person_id LIMIT ${changeLimit}) r
      JOIN "Person" p ON p.id = r.person_id JOIN "Source" src ON src.id = r.source_id
      ORDER BY r.on_day DESC, r.seq DESC, r.person_id
    ),
    daily AS (
      SELECT to_char(on_day, 'YYYY-MM-DD') AS day, stand, delta FROM (
        SELECT on_day, stand, sum(delta)::int AS delta FROM (
          SELECT on_day, stand, 1 AS delta FROM ordered WHERE changed = 1
          UNION ALL
          SELECT on_day, prev_stand, -1 FROM ordered WHERE changed = 1 AND prev_stand IS NOT NULL
        ) moves GROUP BY 1, 2
      ) d ORDER BY on_day
    )
    SELECT json_build_object(
      'members', (SELECT json_agg(m) FROM members m),
      'changes', (SELECT json_agg(c) FROM changes c),
      'daily', (SELECT json_agg(d) FROM daily d),
      'version', (SELECT version FROM "DataVersion" WHERE id = 1)
    ) AS data`;
  const data = row!.data;
  return {
    version: BigInt(data.version ?? 0),
    value: {
      members: (data.members ?? []).map((m) => withDates<MemberRow>(m, ['since', 'prev_until', 'source_published_at'])),
      changes: (data.changes ?? []).map((c) => withDates<ChangeRow>(c, ['on_day', 'source_published_at'])),
      daily: data.daily ?? [],
    },
  };
}

/** A row as json_agg writes it: dates and instants as strings. */
type Json<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] extends Date ? string : T[K] };
function withDates<T>(row: Record<string, unknown>, keys: string[]): T {
  const out = { ...row };
  for (const k of keys)
    if (typeof out[k] === 'string') out[k] = new Date(out[k].length === 10 ? `${out[k]}T00:00:00Z` : out[k]);
  return out as T;
}

/**
 * Who may vote at a stage on a day (its vote's day unless another is given): the members of its
 * body then, each with their seat that day (a seat written beside a name tells namesakes apart).
 * For checking positions and ballots before they are saved.
 */
export async function stageVoters(
  stageId: number,
  on?: Date | null,
): Promise<{ day: Date; ids: Map<number, string | null>; bodyId: number | null } | null> {
  const [stage] = await db().$queryRaw<{ body_id: number | null; day: Date }[]>`
    SELECT s."bodyId" AS body_id, vd.day FROM "Stage" s ${stageDay(on ?? null)}
    WHERE s.id = ${stageId}`;
  if (!stage) return null;
  const literal = `DATE '${stage.day.toISOString().slice(0, 10)}'`;
  const rows = await db().$queryRaw<{ person_id: number; seat: string | null }[]>`
    WITH ${voters(stage.day, stage.body_id)}
    SELECT p.id AS person_id, ${Prisma.raw(SEAT_ON_DAY)} AS seat
    FROM voters v JOIN "Person" p ON p.id = v.person_id ${Prisma.raw(ON_DAY_SQL(literal))}`;
  return { day: stage.day, ids: new Map(rows.map((r) => [r.person_id, r.seat])), bodyId: stage.body_id };
}
