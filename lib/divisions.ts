// Divisions as every page, the API and the CSVs read them: who could vote on the day, each ballot
// with the member's party then, the result, the table by party, the rebels and the whips. The
// arithmetic is lib/division-outcome.ts's, so the campaign page, the whip count, the division page,
// share images and JSON cannot disagree (issue 22). docs/decisions/022-divisions.md.
import 'server-only';
import { z } from 'zod';
import { csvOf } from './csv-out';
import { orderRows } from './sort';
import { clampPage, isDay } from './validation';
import { versioned } from './data-version';
import { db } from './db';
import type { Rule } from './decision-rule';
import {
  divisionResult,
  divisionTotals,
  isRebel,
  partyLines,
  type PartyLine,
  type Result,
  takesWhip,
  type Totals,
  turnout,
  type WhipDirection,
} from './division-outcome';
import { Prisma } from './generated/prisma/client';
import type { House } from './generated/prisma/enums';
import {
  BALLOT_STINTS_ON_DAYS_SQL,
  BODY_MEMBERS_SQL,
  IN_THE_CHAIR_ON_DAYS_SQL,
  IN_THE_CHAIR_SQL,
  ON_DAY_SQL,
  PARTY_ON_DAY,
  SEAT_ON_DAY,
  sourceColumns,
  sourceOf,
  type SourceRef,
  type SourceRow,
} from './sql';

/** The address of a house's division: /divisions/commons/2019-01-08/287. */
export const divisionPath = (house: string, date: string, number: number) =>
  `/divisions/${house.toLowerCase()}/${date}/${number}`;

/** The SQL literal of a day we formatted ourselves (never user text). */
const dayLiteral = (day: Date | string) =>
  `DATE '${typeof day === 'string' ? day.slice(0, 10) : day.toISOString().slice(0, 10)}'`;

/**
 * Parliamentary parties: for each party, the party it counts as for majorities and whips in a
 * house (Labour/Co-operative → Labour, from a body marked as a parliamentary party). A party in
 * no such body is its own.
 */
export const partyGroups = versioned(async function partyGroups(house: House | null): Promise<Record<string, string>> {
  const bodies = await db().body.findMany({
    where: { partyGroup: true, ...(house ? { memberHouses: { has: house } } : {}) },
    select: { memberParties: true },
    orderBy: { id: 'asc' },
  });
  const groups: Record<string, string> = {};
  for (const b of bodies) for (const party of b.memberParties) groups[party] ??= b.memberParties[0]!;
  return groups;
});

export const groupFn = (groups: Record<string, string>) => (party: string) => groups[party] ?? party;

/** The members of a house on a day, each with their seat then (for matching names and seats). */
export async function houseVoters(house: House, day: Date | string): Promise<Map<number, string | null>> {
  const rows = await db().$queryRaw<{ person_id: number; seat: string | null }[]>`
    SELECT DISTINCT ON (ms."personId") ms."personId" AS person_id, ms.constituency AS seat
    FROM "Membership" ms
    WHERE ms.house = ${house}::"House"
      AND coalesce(ms."startDate", '-infinity'::date) <= ${Prisma.raw(dayLiteral(day))}
      AND coalesce(ms."endDate", 'infinity'::date) >= ${Prisma.raw(dayLiteral(day))}
    ORDER BY ms."personId", ms."startDate" DESC NULLS LAST`;
  return new Map(rows.map((r) => [r.person_id, r.seat]));
}

export interface DivisionBallot {
  personId: number;
  slug: string;
  name: string;
  sortName: string;
  party: string | null;
  /** The parliamentary party the member's party counts as (itself for most). */
  group: string | null;
  constituency: string | null;
  vote: 'AYE' | 'NO' | 'ABSTAIN' | null;
  teller: boolean;
  proxy: string | null;
  rebel: boolean;
  /** Could vote on the day (a member then, not in the Chair); a ballot from someone who could not is flagged. */
  eligible: boolean;
}

export interface PartyRow {
  party: string;
  ayes: number;
  noes: number;
  abstentions: number;
  tellers: number;
  notVoting: number;
  rebels: number;
  line: PartyLine | null;
  whip: { whip: WhipDirection; lines: number | null; note: string | null; source: SourceRef } | null;
}

export interface DivisionDetail {
  id: number;
  house: House | null;
  number: number | null;
  externalId: string | null;
  heldOn: Date | null;
  question: string;
  deferred: boolean;
  /** The canonical address: /divisions/{house}/{day}/{number}, or the stage's page. */
  path: string;
  stage: { campaignSlug: string; campaignTitle: string; position: number; name: string } | null;
  totals: Totals;
  result: Result;
  /** Ayes minus noes. */
  margin: number;
  /** Members who could vote on the day, the Chair apart (null when no one is recorded as a member then). */
  eligible: number | null;
  /** Ayes, noes and tellers as a share of those who could vote. */
  turnout: number | null;
  byParty: PartyRow[];
  ballots: DivisionBallot[];
  rebels: DivisionBallot[];
  /** Where the named ballots are not all members on the day, or do not add up. */
  warnings: string[];
  source: SourceRef;
}

type DivisionRow = SourceRow & {
  id: number;
  house: House | null;
  number: number | null;
  external_id: string | null;
  held_on: Date | null;
  question: string;
  ayes: number | null;
  noes: number | null;
  abstentions: number | null;
  deferred: boolean;
  stage_id: number | null;
  body_id: number | null;
  campaign_slug: string | null;
  campaign_title: string | null;
  position: number | null;
  stage_name: string | null;
  rule_kind: Rule['kind'] | null;
  rule_numerator: number | null;
  rule_denominator: number | null;
  rule_count: number | null;
  quorum: number | null;
  tie: Rule['tie'] | null;
};

const DIVISION_COLUMNS = Prisma.sql`
  d.id, d.house::text AS house, d.number, d."externalId" AS external_id, d."heldOn" AS held_on, d.question, d.ayes, d.noes,
  d.abstentions, d.deferred, s.id AS stage_id, s."bodyId" AS body_id, c.slug AS campaign_slug, c.title AS campaign_title,
  s.position, s.name AS stage_name, s."ruleKind"::text AS rule_kind, s."ruleNumerator" AS rule_numerator,
  s."ruleDenominator" AS rule_denominator, s."ruleCount" AS rule_count, s.quorum, s.tie::text AS tie,
  ${sourceColumns('src')}`;
const DIVISION_FROM = Prisma.sql`
  FROM "Division" d JOIN "Source" src ON src.id = d."sourceId"
  LEFT JOIN "Stage" s ON s.id = d."stageId" LEFT JOIN "Campaign" c ON c.id = s."campaignId"`;

/** A house's division by its address, or null. */
export const findDivision = versioned(async function findDivision(house: House, day: string, number: number) {
  const [row] = await db().$queryRaw<DivisionRow[]>`
    SELECT ${DIVISION_COLUMNS} ${DIVISION_FROM}
    WHERE d.house = ${house}::"House" AND d."heldOn" = ${day}::date AND d.number = ${number}`;
  return row ? readDivision(row) : null;
}, 64);

/** A division by its id (a stage's vote), or null. */
export const getDivision = versioned(async function getDivision(id: number) {
  const [row] = await db().$queryRaw<DivisionRow[]>`SELECT ${DIVISION_COLUMNS} ${DIVISION_FROM} WHERE d.id = ${id}`;
  return row ? readDivision(row) : null;
}, 64);

function ruleOf(row: DivisionRow): Rule | null {
  // A house's division is decided by the house's own rule; a stage's vote by the stage's.
  if (row.house || !row.rule_kind) return null;
  return {
    kind: row.rule_kind,
    numerator: row.rule_numerator,
    denominator: row.rule_denominator,
    count: row.rule_count,
    quorum: row.quorum,
    tie: row.tie ?? 'FAILS',
  };
}

const pathOf = (row: Pick<DivisionRow, 'house' | 'held_on' | 'number' | 'campaign_slug' | 'position' | 'id'>) =>
  row.house && row.held_on && row.number
    ? divisionPath(row.house, row.held_on.toISOString().slice(0, 10), row.number)
    : row.campaign_slug
      ? `/campaigns/${row.campaign_slug}/stages/${row.position}#vote`
      : `/divisions#division-${row.id}`;

/** The campaign stage a division is filed under, if any. */
const stageOf = (row: DivisionRow) =>
  row.stage_id
    ? {
        campaignSlug: row.campaign_slug!,
        campaignTitle: row.campaign_title!,
        position: row.position!,
        name: row.stage_name!,
      }
    : null;

async function readDivision(row: DivisionRow): Promise<DivisionDetail> {
  const day = dayLiteral(row.held_on ?? new Date());
  // Who could vote: the house's members on the day, less the Chair, for a house's division; else the
  // stage's body's members.
  const eligible = row.house
    ? Prisma.sql`SELECT ms."personId" AS person_id FROM "Membership" ms WHERE ms.house = ${row.house}::"House"
        AND coalesce(ms."startDate", '-infinity'::date) <= ${Prisma.raw(day)} AND coalesce(ms."endDate", 'infinity'::date) >= ${Prisma.raw(day)}
        AND NOT ${Prisma.raw(IN_THE_CHAIR_SQL('ms."personId"', day))}`
    : Prisma.sql`SELECT m.person_id FROM "Body" b CROSS JOIN LATERAL ${Prisma.raw(BODY_MEMBERS_SQL('b', day))} m WHERE b.id = ${row.body_id ?? -1}`;
  const [members, whips, groups] = await Promise.all([
    db().$queryRaw<
      {
        person_id: number;
        slug: string;
        name: string;
        sort_name: string;
        party: string | null;
        seat: string | null;
        vote: 'AYE' | 'NO' | 'ABSTAIN' | null;
        teller: boolean | null;
        proxy: string | null;
        eligible: boolean;
      }[]
    >`
      WITH eligible AS (${eligible}),
      people AS (SELECT person_id FROM eligible UNION SELECT "personId" FROM "Ballot" WHERE "divisionId" = ${row.id})
      SELECT p.id AS person_id, p.slug, p.name, p."sortName" AS sort_name, ${Prisma.raw(PARTY_ON_DAY)} AS party,
             ${Prisma.raw(SEAT_ON_DAY)} AS seat, b.vote::text AS vote, b.teller, b.proxy,
             EXISTS (SELECT 1 FROM eligible e WHERE e.person_id = p.id) AS eligible
      FROM people JOIN "Person" p ON p.id = people.person_id
      ${Prisma.raw(ON_DAY_SQL(day))}
      LEFT JOIN "Ballot" b ON b."divisionId" = ${row.id} AND b."personId" = p.id
      ORDER BY p."sortName", p.id`,
    db().$queryRaw<(SourceRow & { party: string; whip: WhipDirection; lines: number | null; note: string | null })[]>`
      SELECT w.party, w.whip::text AS whip, w.lines, w.note, ${sourceColumns('src')}
      FROM "DivisionWhip" w JOIN "Source" src ON src.id = w."sourceId" WHERE w."divisionId" = ${row.id} ORDER BY w.party`,
    partyGroups(row.house),
  ]);
  const groupOf = groupFn(groups);
  const voted = members.filter((m) => m.vote !== null);
  const totals = divisionTotals(
    { ayes: row.ayes, noes: row.noes, abstentions: row.abstentions },
    voted.map((m) => ({ vote: m.vote!, teller: !!m.teller })),
  );
  const lines = partyLines(
    voted.map((m) => ({ party: m.party, vote: m.vote! })),
    { groupOf, whips },
  );
  const ballots: DivisionBallot[] = members.map((m) => {
    const group = takesWhip(m.party) ? groupOf(m.party) : null;
    return {
      personId: m.person_id,
      slug: m.slug,
      name: m.name,
      sortName: m.sort_name,
      party: m.party,
      group,
      constituency: m.seat,
      vote: m.vote,
      teller: !!m.teller,
      proxy: m.proxy,
      rebel: isRebel(m, lines, groupOf),
      eligible: m.eligible,
    };
  });
  const eligibleCount = members.filter((m) => m.eligible).length;

  // The table by party: by the party each member sat for, parliamentary parties together.
  const parties = new Map<string, PartyRow>();
  const whipOf = new Map(whips.map((w) => [groupOf(w.party), w]));
  for (const b of ballots) {
    const key = b.group ?? b.party ?? 'No party recorded';
    const row =
      parties.get(key) ??
      ({
        party: key,
        ayes: 0,
        noes: 0,
        abstentions: 0,
        tellers: 0,
        notVoting: 0,
        rebels: 0,
        line: b.group ? (lines.get(b.group) ?? null) : { line: null, basis: 'no whip' },
        whip: null,
      } satisfies PartyRow);
    if (b.teller) row.tellers++;
    else if (b.vote === 'AYE') row.ayes++;
    else if (b.vote === 'NO') row.noes++;
    else if (b.vote === 'ABSTAIN') row.abstentions++;
    else row.notVoting++;
    if (b.rebel) row.rebels++;
    const w = b.group ? whipOf.get(b.group) : undefined;
    if (w) row.whip = { whip: w.whip, lines: w.lines, note: w.note, source: sourceOf(w) };
    parties.set(key, row);
  }

  const warnings: string[] = [];
  if (totals.mismatch) warnings.push(totals.mismatch);
  const strangers = ballots.filter((b) => b.vote && !b.eligible);
  if (strangers.length)
    warnings.push(
      `${strangers.length} ballot${strangers.length === 1 ? ' is' : 's are'} from people who could not vote on the day (not members then, or in the Chair): ${strangers
        .slice(0, 5)
        .map((b) => b.name)
        .join(', ')}${strangers.length > 5 ? ' …' : ''}.`,
    );
  const rule = ruleOf(row);
  return {
    id: row.id,
    house: row.house,
    number: row.number,
    externalId: row.external_id,
    heldOn: row.held_on,
    question: row.question,
    deferred: row.deferred,
    path: pathOf(row),
    stage: stageOf(row),
    totals,
    result: divisionResult(totals, rule, eligibleCount),
    margin: totals.ayes - totals.noes,
    eligible: eligibleCount || null,
    turnout: turnout(totals, eligibleCount),
    byParty: [...parties.values()].sort(
      (a, b) =>
        b.ayes + b.noes + b.tellers + b.notVoting - (a.ayes + a.noes + a.tellers + a.notVoting) ||
        a.party.localeCompare(b.party),
    ),
    ballots,
    rebels: ballots.filter((b) => b.rebel),
    warnings,
    source: sourceOf(row),
  };
}

export interface DivisionSummary {
  id: number;
  house: House | null;
  number: number | null;
  heldOn: Date | null;
  question: string;
  path: string;
  stage: { campaignSlug: string; campaignTitle: string; position: number; name: string } | null;
  ayes: number;
  noes: number;
  result: Result;
  margin: number;
  turnout: number | null;
  rebels: number;
  deferred: boolean;
  warnings: number;
  /** Who rebelled (person ids), for a person's voting record to say the same as this division's page. */
  rebelIds: number[];
}

/**
 * Every recorded division, newest first, with its result, margin, turnout and rebels, in one
 * statement: ballots counted per division, party on the day, vote and whether the voter could vote,
 * then the same rules as a division's page (lib/division-outcome.ts) applied to the counts, so the
 * list and the page cannot disagree. Kept per data version.
 */
export const listDivisions = versioned(async function listDivisions(): Promise<DivisionSummary[]> {
  const [rows, counts, whips, groups] = await Promise.all([
    db().$queryRaw<(DivisionRow & { eligible: number })[]>`
      SELECT ${DIVISION_COLUMNS},
             CASE WHEN d.house IS NOT NULL THEN
               (SELECT count(DISTINCT ms."personId")::int FROM "Membership" ms WHERE ms.house = d.house
                  AND coalesce(ms."startDate", '-infinity'::date) <= coalesce(d."heldOn", current_date)
                  AND coalesce(ms."endDate", 'infinity'::date) >= coalesce(d."heldOn", current_date)
                  AND NOT ${Prisma.raw(IN_THE_CHAIR_SQL('ms."personId"', 'coalesce(d."heldOn", current_date)'))})
             ELSE
               (SELECT count(*)::int FROM "Body" b CROSS JOIN LATERAL ${Prisma.raw(BODY_MEMBERS_SQL('b', 'coalesce(d."heldOn", current_date)'))} m
                WHERE b.id = s."bodyId")
             END AS eligible
      ${DIVISION_FROM}
      ORDER BY d."heldOn" DESC NULLS LAST, d.number DESC NULLS LAST, d.id DESC`,
    db().$queryRaw<
      {
        division_id: number;
        person_id: number;
        party: string | null;
        vote: 'AYE' | 'NO' | 'ABSTAIN';
        teller: boolean;
        eligible: boolean;
      }[]
    >`
      -- The rules of readDivision (party on the day, eligible: sat in the house and not in the
      -- Chair, or a member of the stage's body), for every ballot at once: stints and the Chair
      -- joined once per division instead of looked up per ballot (4.0 → 0.9 s at 400 × 650).
      WITH days AS MATERIALIZED (SELECT d.id, d.house, coalesce(d."heldOn", current_date) AS day FROM "Division" d),
           stints AS MATERIALIZED ${Prisma.raw(BALLOT_STINTS_ON_DAYS_SQL('days'))},
           chair AS MATERIALIZED ${Prisma.raw(IN_THE_CHAIR_ON_DAYS_SQL('days'))}
      SELECT b."divisionId" AS division_id, b."personId" AS person_id,
             coalesce(st.party, p.party) AS party,
             b.vote::text AS vote, b.teller,
             CASE WHEN d.house IS NOT NULL THEN coalesce(st.sat, false) AND c.person_id IS NULL
             ELSE EXISTS (SELECT 1 FROM "Stage" s JOIN "Body" bo ON bo.id = s."bodyId"
                  CROSS JOIN LATERAL ${Prisma.raw(BODY_MEMBERS_SQL('bo', 'coalesce(d."heldOn", current_date)'))} m
                  WHERE s.id = d."stageId" AND m.person_id = p.id)
             END AS eligible
      FROM "Ballot" b JOIN "Division" d ON d.id = b."divisionId" JOIN "Person" p ON p.id = b."personId"
      LEFT JOIN stints st ON st.division_id = b."divisionId" AND st.person_id = b."personId" AND st.n = 1
      LEFT JOIN chair c ON c.division_id = b."divisionId" AND c.person_id = b."personId"`,
    db().divisionWhip.findMany({ select: { divisionId: true, party: true, whip: true } }),
    partyGroups(null),
  ]);
  const groupOf = groupFn(groups);
  const byDivision = new Map<number, typeof counts>();
  for (const c of counts) byDivision.set(c.division_id, [...(byDivision.get(c.division_id) ?? []), c]);
  const whipsOf = new Map<number, typeof whips>();
  for (const w of whips) whipsOf.set(w.divisionId, [...(whipsOf.get(w.divisionId) ?? []), w]);
  return rows.map((row) => {
    const ballots = byDivision.get(row.id) ?? [];
    const totals = divisionTotals({ ayes: row.ayes, noes: row.noes, abstentions: row.abstentions }, ballots);
    const lines = partyLines(ballots, { groupOf, whips: whipsOf.get(row.id) ?? [] });
    const rebelIds = ballots.filter((b) => isRebel(b, lines, groupOf)).map((b) => b.person_id);
    return {
      id: row.id,
      house: row.house,
      number: row.number,
      heldOn: row.held_on,
      question: row.question,
      path: pathOf(row),
      stage: stageOf(row),
      ayes: totals.ayes,
      noes: totals.noes,
      result: divisionResult(totals, ruleOf(row), row.eligible),
      margin: totals.ayes - totals.noes,
      turnout: turnout(totals, row.eligible),
      rebels: rebelIds.length,
      deferred: row.deferred,
      // As the page counts them: totals that do not add up, and ballots from people who could not vote.
      warnings: (totals.mismatch ? 1 : 0) + (ballots.some((b) => !b.eligible) ? 1 : 0),
      rebelIds,
    };
  });
}, 4);

/** A division's address from the URL (/divisions/commons/2019-01-08/287), or null when it is not one. */
export function divisionAddress(
  house: string,
  day: string,
  number: string,
): { house: House; day: string; number: number } | null {
  const h = house === 'commons' ? 'COMMONS' : house === 'lords' ? 'LORDS' : null;
  const n = /^[1-9]\d{0,6}$/.test(number) ? Number(number) : null;
  return h && n && isDay(day) ? { house: h, day, number: n } : null;
}

/** A house's division by its address as the URL writes it (commons, 2019-01-08, 287), or null. */
export async function findDivisionAt(house: string, day: string, number: string): Promise<DivisionDetail | null> {
  const address = divisionAddress(house, day, number);
  return address ? findDivision(address.house, address.day, address.number) : null;
}

/** The division page's member table: filters and sort as they appear in its URL; unknown values dropped. */
export const ballotQuerySchema = z.object({
  vote: z.enum(['aye', 'no', 'none', 'teller']).optional().catch(undefined),
  party: z.string().trim().max(100).optional().catch(undefined),
  rebel: z.enum(['yes']).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(['name', 'vote', 'party', 'rebel']).default('name').catch('name'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type BallotQuery = z.infer<typeof ballotQuerySchema>;

const VOTE_RANK = { AYE: 0, NO: 1, ABSTAIN: 2 } as const;

/** The member table: filtered and sorted from the whole division (at most a house's size). */
export function filterBallots(all: DivisionBallot[], query: BallotQuery): DivisionBallot[] {
  const q = query.q?.toLowerCase();
  const rows = all.filter(
    (b) =>
      (!query.vote ||
        (query.vote === 'teller'
          ? b.teller
          : query.vote === 'none'
            ? b.vote === null
            : b.vote === (query.vote === 'aye' ? 'AYE' : 'NO'))) &&
      (!query.party || (b.party ?? 'No party recorded') === query.party) &&
      (!query.rebel || b.rebel) &&
      (!q || b.name.toLowerCase().includes(q) || (b.constituency ?? '').toLowerCase().includes(q)),
  );
  const key = (b: DivisionBallot): string | number => {
    switch (query.sort) {
      case 'vote':
        return b.vote ? VOTE_RANK[b.vote] : 3;
      case 'party':
        return b.party ?? '~';
      default:
        return b.rebel ? 0 : 1;
    }
  };
  return orderRows(rows, query.sort === 'name' ? null : key, query.dir, (a, b) => a.sortName.localeCompare(b.sortName));
}

/**
 * A division's members as a CSV, in the order given: the ballots export's columns (they import
 * back) and the party's. By default its ballots, those who did not vote left out.
 */
export function ballotsCsv(
  d: DivisionDetail,
  rows: DivisionBallot[] = d.ballots.filter((b) => b.vote !== null),
  bom = false,
): string {
  return csvOf(
    ['name', 'constituency', 'vote', 'teller', 'party', 'parliamentary_party', 'rebel', 'proxy', 'person'],
    rows.map((b) => [
      b.name,
      b.constituency,
      b.vote ? b.vote.toLowerCase() : 'did not vote',
      b.teller,
      b.party,
      b.group,
      b.rebel,
      b.proxy,
      b.slug,
    ]),
    bom,
  );
}

/** The divisions list's filters and sort, as they appear in its URL and the API's. */
export const divisionListQuerySchema = z.object({
  house: z.enum(['commons', 'lords']).optional().catch(undefined),
  from: z.string().refine(isDay).optional().catch(undefined),
  to: z.string().refine(isDay).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(['date', 'number', 'title', 'result', 'margin', 'turnout', 'rebels']).default('date').catch('date'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

/** Rows a page of the divisions list and of a division's members shows. */
export const DIVISIONS_PAGE_SIZE = 100;

/** One page of rows (a page beyond the last shows the last), and how many pages there are. */
export function pageOf<T>(rows: T[], query: { page: number }, size = DIVISIONS_PAGE_SIZE) {
  query.page = clampPage(query.page, rows.length, size);
  return {
    rows: rows.slice((query.page - 1) * size, query.page * size),
    pages: Math.max(1, Math.ceil(rows.length / size)),
  };
}
export type DivisionListQuery = z.infer<typeof divisionListQuerySchema>;

/** The divisions list filtered and sorted (dates newest first, and the largest first for numbers, unless asked). */
export function filterDivisions(all: DivisionSummary[], query: DivisionListQuery): DivisionSummary[] {
  const q = query.q?.toLowerCase();
  const dayOf = (d: DivisionSummary) => d.heldOn?.toISOString().slice(0, 10) ?? '';
  const rows = all.filter(
    (d) =>
      (!query.house || d.house === query.house.toUpperCase()) &&
      (!query.from || dayOf(d) >= query.from) &&
      (!query.to || (dayOf(d) !== '' && dayOf(d) <= query.to)) &&
      (!q || d.question.toLowerCase().includes(q)),
  );
  const key = (d: DivisionSummary): string | number => {
    switch (query.sort) {
      case 'number':
        return d.number ?? 0;
      case 'title':
        return d.question.toLowerCase();
      case 'result':
        return d.result;
      case 'margin':
        return Math.abs(d.margin);
      case 'turnout':
        return d.turnout ?? -1;
      case 'rebels':
        return d.rebels;
      default:
        return `${dayOf(d)}|${String(d.number ?? 0).padStart(7, '0')}`;
    }
  };
  const ascending = query.dir ? query.dir === 'asc' : query.sort === 'title' || query.sort === 'result';
  const dir = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * dir || b.id - a.id;
  });
}

export interface VotingRecordEntry {
  divisionId: number;
  heldOn: Date | null;
  question: string;
  /** The division's page: its own for a house's division, else its stage's. */
  path: string;
  house: House | null;
  vote: 'AYE' | 'NO' | 'ABSTAIN';
  teller: boolean;
  party: string | null;
  /** Against their party in that division, as the division's page says. */
  rebel: boolean;
}

/** A person's ballots across divisions, newest first, each marked where it went against their party. */
export async function personVotingRecord(personId: number): Promise<VotingRecordEntry[]> {
  const rows = await db().$queryRaw<
    { division_id: number; vote: 'AYE' | 'NO' | 'ABSTAIN'; teller: boolean; party: string | null }[]
  >`
      SELECT d.id AS division_id, b.vote::text AS vote, b.teller, ${Prisma.raw(PARTY_ON_DAY)} AS party
      FROM "Ballot" b JOIN "Division" d ON d.id = b."divisionId" JOIN "Person" p ON p.id = b."personId"
      ${Prisma.raw(ON_DAY_SQL('coalesce(d."heldOn", current_date)'))}
      WHERE b."personId" = ${personId}`;
  // Most people never voted in a recorded division: only those who did need the list.
  if (rows.length === 0) return [];
  const divisions = await listDivisions();
  const mine = new Map(rows.map((r) => [r.division_id, r]));
  return divisions
    .filter((d) => mine.has(d.id))
    .map((d) => {
      const b = mine.get(d.id)!;
      return {
        divisionId: d.id,
        heldOn: d.heldOn,
        question: d.question,
        path: d.path,
        house: d.house,
        vote: b.vote,
        teller: b.teller,
        party: b.party,
        rebel: d.rebelIds.includes(personId),
      };
    });
}
