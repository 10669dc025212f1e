// The whip count of a stage's vote: every member who may vote, where each stands and on what
// evidence, against what the vote needs; after it, how each voted, whose placement held and who
// rebelled. Who may vote, placements and their history come from SQL; the arithmetic from
// lib/decision-rule.ts. See docs/decisions/014-whip-count.md.
import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { VersionedMemo, versioned } from './data-version';
import { db } from './db';
import type { Result } from './division-outcome';
import { getDivision } from './divisions';
import { orderRows } from './sort';
import { clampPage } from './validation';
import {
  describeOutlook,
  describeRule,
  emptyCounts,
  forecastResult,
  type ForecastResult,
  outlook,
  type Outlook,
  type Rule,
  STAND_ORDER,
  STANDS,
  type StandCounts,
} from './decision-rule';
import { Prisma } from './generated/prisma/client';
import type { Stand } from './generated/prisma/enums';
import {
  BODY_MEMBERS_SQL,
  KNOWN_ON_SQL,
  ON_DAY_SQL,
  SEAT_ON_DAY,
  sourceColumns,
  sourceOf,
  type SourceRef,
  type SourceRow,
  STAGE_DAY_SQL,
} from './sql';

export { STANDS, type StandOrUnknown } from './decision-rule';

/** The member table's filters and sort, as they appear in the page's URL. Unknown values are dropped. */
export const whipQuerySchema = z.object({
  party: z.string().trim().max(100).optional().catch(undefined),
  stand: z.enum(STANDS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(['stand', 'name', 'party', 'since']).default('stand').catch('stand'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  /** `all`: every member on one page (650 rows), for reading or printing the whole count. */
  per_page: z.literal('all').optional().catch(undefined),
});
export type WhipQuery = z.infer<typeof whipQuerySchema>;

export interface Evidence {
  /** Derived from a signature of this campaign (by a rule of the stage), not stated. */
  derivedFrom: { slug: string; title: string } | null;
  quote: string | null;
  note: string | null;
  statement: { id: number; subject: string } | null;
  confidence: string;
  source: SourceRef;
}

export interface WhipMember {
  personId: number;
  slug: string;
  name: string;
  /** "Abbott, Diane": the order of every list of people (signatories, a division's members). */
  sortName: string;
  party: string | null;
  constituency: string | null;
  stand: Stand | null;
  /** The first day of the current run of this stand. */
  since: Date | null;
  evidence: Evidence | null;
  previous: { stand: Stand; until: Date } | null;
  /** After a division: the placement on the division's day (the forecast), the ballot cast, the
   * forecast's result and whether the ballot went against the party. */
  forecast: Stand | null;
  vote: 'AYE' | 'NO' | 'ABSTAIN' | null;
  teller: boolean;
  result: ForecastResult | null;
  rebel: boolean;
}

export interface WhipChange {
  slug: string;
  name: string;
  party: string | null;
  from: Stand | null;
  to: Stand;
  on: Date;
  derived: boolean;
  source: SourceRef;
}

export interface WhipDivision {
  id: number;
  heldOn: Date | null;
  question: string;
  ayes: number;
  noes: number;
  /** Null when none were recorded or named (not "0"). */
  abstentions: number | null;
  /** Totals as recorded where they are, else counted from the named ballots (tellers apart). */
  fromBallots: boolean;
  namedBallots: number;
  /** What does not add up (totals against the named ballots, ballots from people who could not vote), as every page says it. */
  mismatch: string | null;
  /** The stage's rule applied to the totals (lib/division-outcome.ts, as on every page). */
  result: Result;
  /** The division's own page, where it has one (a house's division). */
  path: string | null;
  held: number;
  switched: number;
  didNotVote: number;
  /** The share of forecasts (members with a placement that says how they would vote) that held. */
  heldShare: number | null;
  rebels: number;
  source: SourceRef;
}

export interface WhipCount {
  campaign: { slug: string; title: string };
  stage: {
    id: number;
    position: number;
    name: string;
    status: string;
    decisionRule: string | null;
    scheduledOn: Date | null;
    scheduleNote: string | null;
    bodyName: string | null;
  };
  rule: Rule;
  ruleText: string;
  /** The day whose membership decides who may vote, and why that day. */
  day: Date;
  dayReason: 'the vote' | 'the scheduled vote' | 'the day set for the count' | 'today';
  members: number;
  counts: StandCounts;
  byParty: { party: string; counts: StandCounts; total: number }[];
  outlook: Outlook;
  outlookText: string;
  parties: string[];
  division: WhipDivision | null;
  source: SourceRef;
}

type StageRow = SourceRow & {
  id: number;
  position: number;
  name: string;
  status: string;
  decision_rule: string | null;
  scheduled_on: Date | null;
  schedule_note: string | null;
  members_on: Date | null;
  rule_kind: Rule['kind'];
  rule_numerator: number | null;
  rule_denominator: number | null;
  rule_count: number | null;
  quorum: number | null;
  tie: Rule['tie'];
  body_id: number | null;
  body_name: string | null;
  campaign_slug: string;
  campaign_title: string;
  division_id: number | null;
  division_held_on: Date | null;
  day: Date;
};

/** The stage's latest division and voting day (STAGE_DAY_SQL); `override`, when given, is that day instead. */
const stageDay = (override: Date | null = null) =>
  Prisma.raw(STAGE_DAY_SQL(override ? `DATE '${override.toISOString().slice(0, 10)}'` : 'NULL'));

async function findStage(slug: string, position: number) {
  const [row] = await db().$queryRaw<StageRow[]>`
    SELECT s.id, s.position, s.name, s.status::text AS status, s."decisionRule" AS decision_rule, s."scheduledOn" AS scheduled_on, s."scheduleNote" AS schedule_note,
           s."membersOn" AS members_on, s."ruleKind"::text AS rule_kind, s."ruleNumerator" AS rule_numerator, s."ruleDenominator" AS rule_denominator,
           s."ruleCount" AS rule_count, s.quorum, s.tie::text AS tie, b.id AS body_id, b.name AS body_name, c.slug AS campaign_slug, c.title AS campaign_title,
           d.id AS division_id, d."heldOn" AS division_held_on, vd.day,
           ${sourceColumns('src')}
    FROM "Stage" s JOIN "Campaign" c ON c.id = s."campaignId" JOIN "Source" src ON src.id = s."sourceId"
    LEFT JOIN "Body" b ON b.id = s."bodyId"
    ${stageDay()}
    WHERE c.slug = ${slug} AND s.position = ${position}`;
  return row ?? null;
}

/**
 * The order of one member's placements, oldest first: by day; on one day a placement derived from
 * a signature before a stated one, so that the stated one, coming later, is where they stand
 * (explicit outranks derived on the same day); then by id. The one statement of the rule: the
 * history, the changes and the count before the vote (this order reversed) read it.
 */
const PLACEMENT_ORDER = 'on_day, derived DESC, id';
const NEWEST_PLACEMENT_FIRST = 'on_day DESC, derived ASC, id DESC';

/**
 * Every placement of the stage's voters, explicit and derived, in order (PLACEMENT_ORDER): the
 * `ordered` CTE, one row a placement with only what ordering needs (details are joined later, for
 * the few rows shown), and `current_run`. Needs the `voters` CTE before it. A derived placement's
 * id is minus its signature's id.
 */
const placementsCte = (stageId: number) => Prisma.sql`
  placements AS (
    SELECT pos.id, pos."personId" AS person_id, pos.stand, pos."statedOn" AS on_day, false AS derived, pos."sourceId" AS source_id, NULL::int AS campaign_id
    FROM "Position" pos WHERE pos."stageId" = ${stageId} AND pos."personId" IN (SELECT person_id FROM voters)
    UNION ALL
    SELECT -sig.id, sig."personId", r.stand, ${Prisma.raw(KNOWN_ON_SQL)}, true, sig."sourceId", r."campaignId"
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

type MemberRow = SourceRow & {
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
type ChangeRow = SourceRow & {
  slug: string;
  name: string;
  party: string | null;
  prev_stand: Stand | null;
  stand: Stand;
  on_day: Date;
  derived: boolean;
};
type DailyRow = { day: string; stand: Stand; delta: number };

/**
 * Everything the page shows of a stage's placements, in one statement, so the window over every
 * placement runs once: each voter with their current placement, its evidence, the one before and
 * their ballot; the newest changes; and per day, how many members moved into or out of each
 * position (the history is the running sum of these). PostgreSQL builds it as one JSON document,
 * which is much cheaper to hand over than thousands of rows.
 */
async function placementData(
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
        daily: DailyRow[] | null;
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
      LEFT JOIN "Signature" sg ON sg.id = -l.id AND l.derived
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

/** Counts per position at the end of each day on which a placement changed: running sums of the daily moves. */
function historyOf(daily: DailyRow[], members: number): { day: string; counts: StandCounts }[] {
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

function memberOf(r: MemberRow, rebelIds: Set<number>): WhipMember {
  return {
    personId: r.person_id,
    slug: r.slug,
    name: r.name,
    sortName: r.sort_name,
    party: r.party,
    constituency: r.constituency,
    stand: r.stand,
    since: r.since,
    evidence:
      r.stand === null
        ? null
        : {
            derivedFrom: r.derived && r.campaign_slug ? { slug: r.campaign_slug, title: r.campaign_title! } : null,
            quote: r.quote,
            note: r.note,
            statement: r.statement_id ? { id: r.statement_id, subject: r.statement_subject! } : null,
            confidence: r.confidence!,
            source: sourceOf(r),
          },
    previous: r.prev_stand && r.prev_until ? { stand: r.prev_stand, until: r.prev_until } : null,
    forecast: r.forecast_stand,
    vote: r.vote,
    teller: r.teller ?? false,
    result: null,
    rebel: rebelIds.has(r.person_id),
  };
}

type FullWhipCount = WhipCount & {
  memberList: WhipMember[];
  changes: WhipChange[];
  history: { day: string; counts: StandCounts }[];
};

/**
 * The whip count of a campaign's stage, or null when there is no such stage. Kept per process
 * per data version and day (its SQL reads every member and position: issue 16), and per render,
 * so a page's metadata and body share it. Callers must not mutate it.
 */
export const getWhipCount = Object.assign(cache(versioned(readWhipCount, 32)), { uncached: readWhipCount });

async function readWhipCount(slug: string, position: number): Promise<FullWhipCount | null> {
  const stage = await findStage(slug, position);
  if (!stage) return null;
  const dayIso = stage.day.toISOString().slice(0, 10);
  const {
    members: rows,
    changes,
    daily,
  } = await placementData(stage.id, dayIso, stage.body_id, stage.division_id, CHANGES_SHOWN);
  const rule: Rule = {
    kind: stage.rule_kind,
    numerator: stage.rule_numerator,
    denominator: stage.rule_denominator,
    count: stage.rule_count,
    quorum: stage.quorum,
    tie: stage.tie,
  };

  const counts = emptyCounts();
  const parties = new Map<string, StandCounts>();
  for (const r of rows) {
    const key = r.stand ?? 'UNKNOWN';
    counts[key]++;
    const party = r.party ?? 'No party recorded';
    const c = parties.get(party) ?? emptyCounts();
    c[key]++;
    parties.set(party, c);
  }

  // The vote, read as its own page and the campaign page read it (lib/divisions.ts): one result,
  // one set of warnings and rebels everywhere (issue 22). The forecast is this page's own.
  const d = stage.division_id !== null ? await getDivision(stage.division_id) : null;
  const rebelIds = new Set(d?.rebels.map((b) => b.personId) ?? []);
  const members = rows.map((r) => memberOf(r, rebelIds));
  let division: WhipDivision | null = null;
  if (d) {
    // Scored by the count before the vote, tellers too: a teller's lobby is their vote.
    for (const m of members) m.result = forecastResult(m.forecast, m.vote);
    const tally = (k: ForecastResult) => members.filter((m) => m.result === k).length;
    const held = tally('held');
    const switched = tally('switched');
    const didNotVote = tally('did-not-vote');
    division = {
      id: d.id,
      heldOn: d.heldOn,
      question: d.question,
      ayes: d.totals.ayes,
      noes: d.totals.noes,
      abstentions: d.totals.abstentions,
      fromBallots: d.totals.fromBallots,
      namedBallots: d.totals.namedBallots,
      mismatch: d.warnings.length ? d.warnings.join(' ') : null,
      result: d.result,
      path: d.house ? d.path : null,
      held,
      switched,
      didNotVote,
      heldShare: held + switched + didNotVote > 0 ? held / (held + switched + didNotVote) : null,
      rebels: rebelIds.size,
      source: d.source,
    };
  }

  const look = outlook(rule, counts);
  return {
    campaign: { slug: stage.campaign_slug, title: stage.campaign_title },
    stage: {
      id: stage.id,
      position: stage.position,
      name: stage.name,
      status: stage.status,
      decisionRule: stage.decision_rule,
      scheduledOn: stage.scheduled_on,
      scheduleNote: stage.schedule_note,
      bodyName: stage.body_name,
    },
    rule,
    ruleText: describeRule(rule),
    day: stage.day,
    dayReason: stage.division_held_on
      ? 'the vote'
      : stage.scheduled_on
        ? 'the scheduled vote'
        : stage.members_on
          ? 'the day set for the count'
          : 'today',
    members: rows.length,
    counts,
    byParty: [...parties.entries()]
      .map(([party, c]) => ({ party, counts: c, total: Object.values(c).reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.total - a.total || a.party.localeCompare(b.party)),
    outlook: look,
    outlookText: describeOutlook(look),
    parties: [...parties.keys()].sort(),
    division,
    source: sourceOf(stage),
    memberList: members,
    changes: changes.map((r) => ({
      slug: r.slug,
      name: r.name,
      party: r.party,
      from: r.prev_stand,
      to: r.stand,
      on: r.on_day,
      derived: r.derived,
      source: sourceOf(r),
    })),
    history: historyOf(daily, rows.length),
  };
}

/** How many of the newest changes the page and the API list. */
export const CHANGES_SHOWN = 50;

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

/** The divisions held at a stage, newest first, for the editor's division list form. */
export function listStageDivisions(stageId: number) {
  return db().division.findMany({
    where: { stageId },
    orderBy: [{ heldOn: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    select: { id: true, question: true, heldOn: true },
  });
}

const STAND_RANK = new Map<string, number>(STANDS.map((s, i) => [s, i]));

/**
 * The member table: filtered, sorted and paged from the whole count. Names sort by surname
 * (`sortName`), as every other list of people does; `per_page=all` is one page of every match.
 */
export function filterMembers(
  all: WhipMember[],
  query: WhipQuery,
  perPage = 100,
): { rows: WhipMember[]; total: number; perPage: number } {
  const q = query.q?.toLowerCase();
  const filtered = all.filter(
    (m) =>
      (!query.party || (m.party ?? 'No party recorded') === query.party) &&
      (!query.stand || (m.stand ?? 'UNKNOWN') === query.stand) &&
      (!q || m.name.toLowerCase().includes(q) || (m.constituency ?? '').toLowerCase().includes(q)),
  );
  const key = (m: WhipMember): number | string => {
    switch (query.sort) {
      case 'party':
        return m.party ?? '~';
      case 'since':
        return m.since ? m.since.toISOString() : '~';
      default:
        return STAND_RANK.get(m.stand ?? 'UNKNOWN')!;
    }
  };
  orderRows(
    filtered,
    query.sort === 'name' ? null : key,
    query.dir,
    (a, b) => a.sortName.localeCompare(b.sortName) || a.personId - b.personId,
  );
  const pageSize = query.per_page === 'all' ? Math.max(1, filtered.length) : perPage;
  // A page beyond the last shows the last.
  query.page = clampPage(query.page, filtered.length, pageSize);
  const start = (query.page - 1) * pageSize;
  return { rows: filtered.slice(start, start + pageSize), total: filtered.length, perPage: pageSize };
}
