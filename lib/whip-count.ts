// The whip count of a stage's vote: every member who may vote, where each stands and on what
// evidence, against what the vote needs; after it, how each voted, whose placement held and who
// rebelled. Who may vote, placements and their history come from SQL; the arithmetic from
// lib/decision-rule.ts. See docs/decisions/014-whip-count.md.
import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { db } from './db';
import { describeOutlook, describeRule, emptyCounts, forecastResult, type ForecastResult, outlook, type Outlook, passes, rebels, type Rule, STAND_ORDER, type StandCounts } from './decision-rule';
import { Prisma } from './generated/prisma/client';
import type { Stand } from './generated/prisma/enums';
import { BODY_MEMBERS_SQL, KNOWN_ON_SQL, ON_DAY_SQL, sourceColumns, sourceOf, type SourceRef, type SourceRow } from './sql';

export const STANDS = [...STAND_ORDER, 'UNKNOWN'] as const;
export type StandOrUnknown = (typeof STANDS)[number];

/** The member table's filters and sort, as they appear in the page's URL. Unknown values are dropped. */
export const whipQuerySchema = z.object({
  party: z.string().trim().max(100).optional().catch(undefined),
  stand: z.enum(STANDS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(['stand', 'name', 'party', 'since']).default('stand').catch('stand'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
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
  party: string | null;
  constituency: string | null;
  stand: Stand | null;
  /** The first day of the current run of this stand. */
  since: Date | null;
  evidence: Evidence | null;
  previous: { stand: Stand; until: Date } | null;
  /** After a division: the ballot cast, the forecast's result and whether it went against the party. */
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
  abstentions: number;
  /** Totals as recorded where they are, else counted from the named ballots (tellers apart). */
  fromBallots: boolean;
  namedBallots: number;
  /** Recorded totals that the named ballots do not add up to. */
  mismatch: string | null;
  passed: boolean | null;
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
  stage: { id: number; position: number; name: string; status: string; decisionRule: string | null; scheduledOn: Date | null; scheduleNote: string | null; bodyName: string | null };
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
           d.id AS division_id, d."heldOn" AS division_held_on,
           coalesce(d."heldOn", s."scheduledOn", s."membersOn", current_date) AS day,
           ${sourceColumns('src')}
    FROM "Stage" s JOIN "Campaign" c ON c.id = s."campaignId" JOIN "Source" src ON src.id = s."sourceId"
    LEFT JOIN "Body" b ON b.id = s."bodyId"
    LEFT JOIN LATERAL (SELECT id, "heldOn" FROM "Division" WHERE "stageId" = s.id ORDER BY "heldOn" DESC NULLS LAST, id DESC LIMIT 1) d ON true
    WHERE c.slug = ${slug} AND s.position = ${position}`;
  return row ?? null;
}

/**
 * Every placement of the stage's voters, explicit and derived, ordered; the `placements` CTE.
 * On one day an explicit position outranks a derived one. Needs the `voters` CTE before it.
 */
const placementsCte = (stageId: number) => Prisma.sql`
  placements AS (
    SELECT pos.id, pos."personId" AS person_id, pos.stand, pos."statedOn" AS on_day, false AS derived, pos.quote, pos.note, pos.confidence::text AS confidence,
           pos."sourceId" AS source_id, pos."statementId" AS statement_id, NULL::int AS campaign_id
    FROM "Position" pos WHERE pos."stageId" = ${stageId} AND pos."personId" IN (SELECT person_id FROM voters)
    UNION ALL
    SELECT -sig.id, sig."personId", r.stand, ${Prisma.raw(KNOWN_ON_SQL)}, true, NULL, r.note, sig.confidence::text, sig."sourceId", NULL, r."campaignId"
    FROM "PositionRule" r JOIN "Signature" sig ON sig."campaignId" = r."campaignId" AND sig."withdrawnOn" IS NULL
    JOIN "Source" src ON src.id = sig."sourceId"
    WHERE r."stageId" = ${stageId} AND sig."personId" IN (SELECT person_id FROM voters)
  ),
  ordered AS (
    SELECT pl.*, row_number() OVER w AS seq, lag(pl.stand) OVER w AS prev_stand,
           CASE WHEN lag(pl.stand) OVER w IS DISTINCT FROM pl.stand THEN 1 ELSE 0 END AS changed
    FROM placements pl WINDOW w AS (PARTITION BY pl.person_id ORDER BY pl.on_day, pl.derived DESC, pl.id)
  ),
  runs AS (SELECT o.*, sum(o.changed) OVER (PARTITION BY o.person_id ORDER BY o.seq) AS run FROM ordered o)`;

/** The `voters` CTE: the body's members on the day (inlined as a date literal: it is a Date we format, never user text). */
function voters(day: Date, bodyId: number | null) {
  const literal = `DATE '${day.toISOString().slice(0, 10)}'`;
  return Prisma.sql`voters AS (SELECT m.person_id FROM "Body" b CROSS JOIN LATERAL ${Prisma.raw(BODY_MEMBERS_SQL("b", literal))} m WHERE b.id = ${bodyId ?? -1})`;
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
};

/** Every voter with their current placement, its evidence and the one before, and their ballot. */
const memberRows = cache(async function memberRows(stageId: number, dayIso: string, bodyId: number | null, divisionId: number | null): Promise<MemberRow[]> {
  const day = new Date(`${dayIso}T00:00:00Z`);
  const literal = `DATE '${dayIso}'`;
  return db().$queryRaw<MemberRow[]>`
    WITH ${voters(day, bodyId)}, ${placementsCte(stageId)},
    latest AS (SELECT DISTINCT ON (person_id) * FROM runs ORDER BY person_id, seq DESC),
    since AS (SELECT r.person_id, min(r.on_day) AS since FROM runs r JOIN latest l ON l.person_id = r.person_id AND r.run = l.run GROUP BY 1),
    previous AS (
      SELECT DISTINCT ON (r.person_id) r.person_id, r.stand FROM runs r JOIN latest l ON l.person_id = r.person_id AND r.run = l.run - 1
      ORDER BY r.person_id, r.seq DESC
    )
    SELECT p.id AS person_id, p.slug, p.name, p."sortName" AS sort_name, coalesce(on_day.party, p.party) AS party,
           coalesce(on_day.constituency, p.constituency) AS constituency,
           l.stand::text AS stand, si.since, l.derived, l.quote, l.note, l.confidence, l.statement_id, st.subject AS statement_subject,
           c.slug AS campaign_slug, c.title AS campaign_title, pr.stand::text AS prev_stand, CASE WHEN pr.stand IS NOT NULL THEN si.since END AS prev_until,
           bal.vote::text AS vote, bal.teller,
           ${sourceColumns('src')}
    FROM voters v JOIN "Person" p ON p.id = v.person_id
    ${Prisma.raw(ON_DAY_SQL(literal))}
    LEFT JOIN latest l ON l.person_id = p.id
    LEFT JOIN since si ON si.person_id = p.id
    LEFT JOIN previous pr ON pr.person_id = p.id
    LEFT JOIN "Source" src ON src.id = l.source_id
    LEFT JOIN "Statement" st ON st.id = l.statement_id
    LEFT JOIN "Campaign" c ON c.id = l.campaign_id
    LEFT JOIN "Ballot" bal ON bal."divisionId" = ${divisionId ?? -1} AND bal."personId" = p.id`;
});

function memberOf(r: MemberRow, rebelIds: Set<number>): WhipMember {
  return {
    personId: r.person_id,
    slug: r.slug,
    name: r.name,
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
    vote: r.vote,
    teller: r.teller ?? false,
    result: null,
    rebel: rebelIds.has(r.person_id),
  };
}

type DivisionRow = SourceRow & { id: number; held_on: Date | null; question: string; ayes: number | null; noes: number | null; abstentions: number | null };

/** The whip count of a campaign's stage, or null when there is no such stage. Cached per request. */
export const getWhipCount = cache(async function getWhipCount(slug: string, position: number): Promise<(WhipCount & { memberList: WhipMember[] }) | null> {
  const stage = await findStage(slug, position);
  if (!stage) return null;
  const dayIso = stage.day.toISOString().slice(0, 10);
  const rows = await memberRows(stage.id, dayIso, stage.body_id, stage.division_id);
  const rule: Rule = { kind: stage.rule_kind, numerator: stage.rule_numerator, denominator: stage.rule_denominator, count: stage.rule_count, quorum: stage.quorum, tie: stage.tie };

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

  let division: WhipDivision | null = null;
  const ballots = rows.filter((r) => r.vote !== null && !r.teller).map((r) => ({ personId: r.person_id, party: r.party, vote: r.vote! }));
  const rebelIds = new Set(rebels(ballots).map((b) => b.personId));
  const members = rows.map((r) => memberOf(r, rebelIds));
  if (stage.division_id !== null) {
    const [d] = await db().$queryRaw<(DivisionRow & { ballots: number })[]>`
      SELECT d.id, d."heldOn" AS held_on, d.question, d.ayes, d.noes, d.abstentions, ${sourceColumns('src')},
             (SELECT count(*)::int FROM "Ballot" b WHERE b."divisionId" = d.id) AS ballots
      FROM "Division" d JOIN "Source" src ON src.id = d."sourceId" WHERE d.id = ${stage.division_id}`;
    const counted = { AYE: 0, NO: 0, ABSTAIN: 0 };
    for (const b of ballots) counted[b.vote]++;
    const fromBallots = d!.ayes === null && d!.noes === null;
    const ayes = d!.ayes ?? counted.AYE;
    const noes = d!.noes ?? counted.NO;
    const abstentions = d!.abstentions ?? counted.ABSTAIN;
    const disagree = !fromBallots && ballots.length > 0 && (counted.AYE !== ayes || counted.NO !== noes);
    for (const m of members) m.result = m.teller ? null : forecastResult(m.stand, m.vote);
    const tally = (k: ForecastResult) => members.filter((m) => m.result === k).length;
    const held = tally('held');
    const switched = tally('switched');
    const didNotVote = tally('did-not-vote');
    division = {
      id: d!.id,
      heldOn: d!.held_on,
      question: d!.question,
      ayes,
      noes,
      abstentions,
      fromBallots,
      namedBallots: d!.ballots,
      mismatch: disagree ? `The recorded totals (${ayes} ayes, ${noes} noes) differ from the named ballots (${counted.AYE} ayes, ${counted.NO} noes).` : null,
      passed: passes(rule, ayes, noes, abstentions, rows.length),
      held,
      switched,
      didNotVote,
      heldShare: held + switched + didNotVote > 0 ? held / (held + switched + didNotVote) : null,
      rebels: rebelIds.size,
      source: sourceOf(d!),
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
    dayReason: stage.division_held_on ? 'the vote' : stage.scheduled_on ? 'the scheduled vote' : stage.members_on ? 'the day set for the count' : 'today',
    members: rows.length,
    counts,
    byParty: [...parties.entries()].map(([party, c]) => ({ party, counts: c, total: Object.values(c).reduce((a, b) => a + b, 0) })).sort((a, b) => b.total - a.total || a.party.localeCompare(b.party)),
    outlook: look,
    outlookText: describeOutlook(look),
    parties: [...parties.keys()].sort(),
    division,
    source: sourceOf(stage),
    memberList: members,
  };
});

/**
 * Who may vote at a stage on a day (its vote's day unless another is given): the ids of the
 * members of its body then. For checking positions and ballots before they are saved.
 */
export async function stageVoters(stageId: number, on?: Date | null): Promise<{ day: Date; ids: Set<number>; bodyId: number | null } | null> {
  const [stage] = await db().$queryRaw<{ body_id: number | null; day: Date }[]>`
    SELECT s."bodyId" AS body_id, coalesce(${on ?? null}::date, d."heldOn", s."scheduledOn", s."membersOn", current_date) AS day
    FROM "Stage" s LEFT JOIN LATERAL (SELECT "heldOn" FROM "Division" WHERE "stageId" = s.id ORDER BY "heldOn" DESC NULLS LAST, id DESC LIMIT 1) d ON true
    WHERE s.id = ${stageId}`;
  if (!stage) return null;
  const rows = await db().$queryRaw<{ person_id: number }[]>`WITH ${voters(stage.day, stage.body_id)} SELECT person_id FROM voters`;
  return { day: stage.day, ids: new Set(rows.map((r) => r.person_id)), bodyId: stage.body_id };
}

/** The divisions held at a stage, newest first, for the editor's division list form. */
export function listStageDivisions(stageId: number) {
  return db().division.findMany({ where: { stageId }, orderBy: [{ heldOn: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }], select: { id: true, question: true, heldOn: true } });
}

const STAND_RANK = new Map<string, number>(STANDS.map((s, i) => [s, i]));

/** The member table: filtered, sorted and paged from the whole count. */
export function filterMembers(all: WhipMember[], query: WhipQuery, pageSize = 100): { rows: WhipMember[]; total: number } {
  const q = query.q?.toLowerCase();
  const filtered = all.filter(
    (m) =>
      (!query.party || (m.party ?? 'No party recorded') === query.party) &&
      (!query.stand || (m.stand ?? 'UNKNOWN') === query.stand) &&
      (!q || m.name.toLowerCase().includes(q) || (m.constituency ?? '').toLowerCase().includes(q)),
  );
  const key = (m: WhipMember): [number | string, string] => {
    switch (query.sort) {
      case 'name':
        return [m.name, m.name];
      case 'party':
        return [m.party ?? '~', m.name];
      case 'since':
        return [m.since ? m.since.toISOString() : '~', m.name];
      default:
        return [STAND_RANK.get(m.stand ?? 'UNKNOWN')!, m.name];
    }
  };
  const dir = query.dir === 'desc' ? -1 : 1;
  filtered.sort((a, b) => {
    const [ka, na] = key(a);
    const [kb, nb] = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * dir || na.localeCompare(nb);
  });
  const start = (query.page - 1) * pageSize;
  return { rows: filtered.slice(start, start + pageSize), total: filtered.length };
}

/** Who moved, from what to what, newest first (first placements count as a move from "not known"). */
export async function listWhipChanges(slug: string, position: number, limit = 100): Promise<WhipChange[]> {
  const stage = await findStage(slug, position);
  if (!stage) return [];
  const rows = await db().$queryRaw<(SourceRow & { slug: string; name: string; party: string | null; prev_stand: Stand | null; stand: Stand; on_day: Date; derived: boolean })[]>`
    WITH ${voters(stage.day, stage.body_id)}, ${placementsCte(stage.id)}
    SELECT p.slug, p.name, p.party, r.prev_stand::text AS prev_stand, r.stand::text AS stand, r.on_day, r.derived, ${sourceColumns('src')}
    FROM runs r JOIN "Person" p ON p.id = r.person_id JOIN "Source" src ON src.id = r.source_id
    WHERE r.changed = 1
    ORDER BY r.on_day DESC, r.seq DESC, p."sortName" LIMIT ${limit}`;
  return rows.map((r) => ({ slug: r.slug, name: r.name, party: r.party, from: r.prev_stand, to: r.stand, on: r.on_day, derived: r.derived, source: sourceOf(r) }));
}

/** Counts per position at the end of each day on which a placement changed, for the chart. */
export async function whipHistory(slug: string, position: number): Promise<{ day: string; counts: StandCounts }[]> {
  const stage = await findStage(slug, position);
  if (!stage) return [];
  const moves = await db().$queryRaw<{ person_id: number; stand: Stand; day: string }[]>`
    WITH ${voters(stage.day, stage.body_id)}, ${placementsCte(stage.id)}
    SELECT person_id, stand::text AS stand, to_char(on_day, 'YYYY-MM-DD') AS day FROM runs WHERE changed = 1 ORDER BY on_day, seq`;
  const total = (await db().$queryRaw<{ n: number }[]>`WITH ${voters(stage.day, stage.body_id)} SELECT count(*)::int AS n FROM voters`)[0]!.n;
  const current = new Map<number, Stand>();
  const series: { day: string; counts: StandCounts }[] = [];
  for (let i = 0; i < moves.length; i++) {
    const m = moves[i]!;
    current.set(m.person_id, m.stand);
    if (moves[i + 1]?.day === m.day) continue;
    const counts = emptyCounts();
    for (const s of current.values()) counts[s]++;
    counts.UNKNOWN = total - current.size;
    series.push({ day: m.day, counts });
  }
  return series;
}

export { STAND_ORDER };

export interface VotingRecordEntry {
  divisionId: number;
  heldOn: Date | null;
  question: string;
  campaign: { slug: string; title: string };
  stage: { position: number; name: string };
  vote: 'AYE' | 'NO' | 'ABSTAIN';
  teller: boolean;
  party: string | null;
  /** Against the majority of their own party (as on the division's day) in that division. */
  rebel: boolean;
}

/** A person's ballots across divisions, newest first, each marked where it went against their party. */
export async function personVotingRecord(personId: number): Promise<VotingRecordEntry[]> {
  const rows = await db().$queryRaw<
    { division_id: number; held_on: Date | null; question: string; slug: string; title: string; position: number; stage_name: string; person_id: number; vote: 'AYE' | 'NO' | 'ABSTAIN'; teller: boolean; party: string | null }[]
  >`
    SELECT d.id AS division_id, d."heldOn" AS held_on, d.question, c.slug, c.title, s.position, s.name AS stage_name,
           b."personId" AS person_id, b.vote::text AS vote, b.teller, coalesce(on_day.party, p.party) AS party
    FROM "Division" d JOIN "Stage" s ON s.id = d."stageId" JOIN "Campaign" c ON c.id = s."campaignId"
    JOIN "Ballot" b ON b."divisionId" = d.id JOIN "Person" p ON p.id = b."personId"
    ${Prisma.raw(ON_DAY_SQL('coalesce(d."heldOn", current_date)'))}
    WHERE d.id IN (SELECT "divisionId" FROM "Ballot" WHERE "personId" = ${personId})
    ORDER BY d."heldOn" DESC NULLS LAST, d.id DESC`;
  const byDivision = new Map<number, typeof rows>();
  for (const r of rows) byDivision.set(r.division_id, [...(byDivision.get(r.division_id) ?? []), r]);
  return [...byDivision.values()].map((ballots) => {
    const mine = ballots.find((b) => b.person_id === personId)!;
    const rebelled = rebels(ballots.filter((b) => !b.teller)).some((b) => b.person_id === personId);
    return {
      divisionId: mine.division_id,
      heldOn: mine.held_on,
      question: mine.question,
      campaign: { slug: mine.slug, title: mine.title },
      stage: { position: mine.position, name: mine.stage_name },
      vote: mine.vote,
      teller: mine.teller,
      party: mine.party,
      rebel: rebelled,
    };
  });
}
