// The whip count of a stage's vote: every member who may vote, where each stands and on what
// evidence, against what the vote needs; after it, how each voted, whose placement held and who
// rebelled. Who may vote, placements and their history come from SQL; the arithmetic from
// lib/decision-rule.ts. See docs/decisions/014-whip-count.md.
import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { versioned } from './data-version';
import { db } from './db';
import { forecastResult, type ForecastResult, type Result, scoreForecasts } from './division-outcome';
import { getDivision } from './divisions';
import { orderRows } from './sort';
import { clampPage } from './validation';
import {
  describeOutlook,
  describeRule,
  emptyCounts,
  outlook,
  type Outlook,
  type Rule,
  STANDS,
  type StandCounts,
} from './decision-rule';
import type { Stand } from './generated/prisma/enums';
import { sourceColumns, sourceOf, type SourceRef, type SourceRow } from './sql';
import { historyOf } from './placement';
import { type MemberRow, placementData, stageDay } from './placements';

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

/** A whip count with every member, its changes and its history: what getWhipCount gives. */
export type FullWhipCount = WhipCount & {
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
    const { held, switched, didNotVote, heldShare } = scoreForecasts(members);
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
      heldShare,
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
