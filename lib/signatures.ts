// Who signed a campaign: the filterable table, the breakdown by house and party, and the overlap
// with other campaigns.
import 'server-only';
import { z } from 'zod';
import { House, Confidence } from './generated/prisma/enums';
import { db } from './db';
import { versioned } from './data-version';
import { Prisma } from './generated/prisma/client';
import {
  CAMPAIGN_DAY_SQL,
  containsPattern,
  eligibleFor,
  eligibleSigner,
  HOUSE_ON_DAY,
  knownOn,
  onDay,
  onSigningDay,
  PARTY_ON_DAY,
  SEAT_ON_DAY,
  sourceColumns,
  sourceOf,
  standing,
  type SourceRef,
  type SourceRow,
} from './sql';

/** The table's filters and sort, as they appear in the page's URL. Unknown values are dropped. */
export const signatureQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  house: z.enum(House).optional().catch(undefined),
  party: z.string().trim().max(100).optional().catch(undefined),
  confidence: z.enum(Confidence).optional().catch(undefined),
  status: z.enum(['standing', 'withdrawn', 'all']).default('standing').catch('standing'),
  sort: z.enum(['name', 'house', 'party', 'constituency', 'date', 'confidence']).default('name').catch('name'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type SignatureQuery = z.infer<typeof signatureQuerySchema>;
/** The part of the query that chooses rows (sort and page only order and cut them). */
export type SignatureFilters = Pick<SignatureQuery, 'q' | 'house' | 'party' | 'confidence' | 'status'>;
const filtersOf = ({ q, house, party, confidence, status }: SignatureFilters): SignatureFilters => ({
  q,
  house,
  party,
  confidence,
  status,
});

export interface SignatureRow {
  id: number;
  person: { slug: string; name: string; honorific: string | null };
  house: string;
  party: string | null;
  constituency: string | null;
  roleAtSigning: string | null;
  signedOn: Date | null;
  knownOn: Date;
  confidence: string;
  isLeadSponsor: boolean;
  withdrawnOn: Date | null;
  withdrawalReason: string | null;
  eligible: boolean;
  note: string | null;
  source: SourceRef;
}

/** The column each sort key orders by (the table and the CSV export share it; `known_on` is a select alias).
 * House, party and seat are the signer's on the day they signed. */
export const SIGNATURE_SORT_SQL: Record<SignatureQuery['sort'], string> = {
  name: 'p."sortName"',
  house: HOUSE_ON_DAY,
  party: PARTY_ON_DAY,
  constituency: SEAT_ON_DAY,
  date: 'known_on',
  confidence: 'sig.confidence',
};

type Row = SourceRow & {
  id: number;
  slug: string;
  name: string;
  honorific: string | null;
  house: string;
  party: string | null;
  constituency: string | null;
  role_at_signing: string | null;
  signed_on: Date | null;
  known_on: Date;
  confidence: string;
  is_lead_sponsor: boolean;
  withdrawn_on: Date | null;
  withdrawal_reason: string | null;
  eligible: boolean;
  note: string | null;
};

function signatureConditions(campaignId: number, query: SignatureFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`sig."campaignId" = ${campaignId}`];
  if (query.status === 'standing') conditions.push(standing);
  if (query.status === 'withdrawn') conditions.push(Prisma.sql`sig."withdrawnOn" IS NOT NULL`);
  if (query.house) conditions.push(Prisma.sql`${Prisma.raw(HOUSE_ON_DAY)} = ${query.house}::"House"`);
  if (query.party) conditions.push(Prisma.sql`${Prisma.raw(PARTY_ON_DAY)} = ${query.party}`);
  if (query.confidence) conditions.push(Prisma.sql`sig.confidence = ${query.confidence}::"Confidence"`);
  if (query.q) {
    const like = containsPattern(query.q);
    conditions.push(
      Prisma.sql`(p.name ILIKE ${like} OR ${Prisma.raw(SEAT_ON_DAY)} ILIKE ${like} OR sig."roleAtSigning" ILIKE ${like})`,
    );
  }
  return Prisma.join(conditions, ' AND ');
}

const countMatching = versioned(async function countMatching(
  campaignId: number,
  query: SignatureFilters,
): Promise<number> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Signature" sig JOIN "Person" p ON p.id = sig."personId" JOIN "Source" src ON src.id = sig."sourceId" ${onSigningDay}
    WHERE ${signatureConditions(campaignId, query)}`;
  return row?.n ?? 0;
});

/** How many signatures match the filters; one count serves every sort and page of them. */
export const countSignatures = Object.assign(
  (campaignId: number, query: SignatureFilters) => countMatching(campaignId, filtersOf(query)),
  { uncached: (campaignId: number, query: SignatureFilters) => countMatching.uncached(campaignId, filtersOf(query)) },
);

/** The campaign's signatures, filtered and sorted in SQL. */
export const listSignatures = versioned(async function listSignatures(
  campaignId: number,
  query: SignatureQuery,
  limit = 5000,
  offset = 0,
): Promise<SignatureRow[]> {
  const direction = query.dir === 'desc' ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const rows = await db().$queryRaw<Row[]>`
    SELECT sig.id, p.slug, p.name, p.honorific, ${Prisma.raw(HOUSE_ON_DAY)}::text AS house, ${Prisma.raw(PARTY_ON_DAY)} AS party, ${Prisma.raw(SEAT_ON_DAY)} AS constituency,
           sig."roleAtSigning" AS role_at_signing, sig."signedOn" AS signed_on, ${knownOn} AS known_on,
           sig.confidence::text AS confidence, sig."isLeadSponsor" AS is_lead_sponsor,
           sig."withdrawnOn" AS withdrawn_on, sig."withdrawalReason" AS withdrawal_reason, ${eligibleSigner} AS eligible, sig.note,
           ${sourceColumns('src')}
    FROM "Signature" sig
    JOIN "Person" p ON p.id = sig."personId"
    JOIN "Campaign" c ON c.id = sig."campaignId"
    JOIN "Source" src ON src.id = sig."sourceId"
    ${onSigningDay}
    WHERE ${signatureConditions(campaignId, query)}
    ORDER BY ${Prisma.raw(SIGNATURE_SORT_SQL[query.sort])} ${direction}, p."sortName", sig.id
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((r) => ({
    id: r.id,
    person: { slug: r.slug, name: r.name, honorific: r.honorific },
    house: r.house,
    party: r.party,
    constituency: r.constituency,
    roleAtSigning: r.role_at_signing,
    signedOn: r.signed_on,
    knownOn: r.known_on,
    confidence: r.confidence,
    isLeadSponsor: r.is_lead_sponsor,
    withdrawnOn: r.withdrawn_on,
    withdrawalReason: r.withdrawal_reason,
    eligible: r.eligible,
    note: r.note,
    source: sourceOf(r),
  }));
}, 128);

export interface BreakdownRow {
  house: string;
  party: string;
  count: number;
}

/** Standing signatures by house and party on the day they signed, largest first. */
export const signatureBreakdown = versioned(function signatureBreakdown(campaignId: number): Promise<BreakdownRow[]> {
  return db().$queryRaw<BreakdownRow[]>`
    SELECT ${Prisma.raw(HOUSE_ON_DAY)}::text AS house, coalesce(${Prisma.raw(PARTY_ON_DAY)}, 'No party recorded') AS party, count(*)::int AS count
    FROM "Signature" sig JOIN "Person" p ON p.id = sig."personId" JOIN "Source" src ON src.id = sig."sourceId" ${onSigningDay}
    WHERE sig."campaignId" = ${campaignId} AND ${standing}
    GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`;
});

/** The parties among a campaign's signatories, for the party filter. */
export const signatoryParties = versioned(async function signatoryParties(campaignId: number): Promise<string[]> {
  const rows = await db().$queryRaw<{ party: string }[]>`
    SELECT DISTINCT ${Prisma.raw(PARTY_ON_DAY)} AS party FROM "Signature" sig JOIN "Person" p ON p.id = sig."personId"
    JOIN "Source" src ON src.id = sig."sourceId" ${onSigningDay}
    WHERE sig."campaignId" = ${campaignId} AND ${Prisma.raw(PARTY_ON_DAY)} IS NOT NULL ORDER BY 1`;
  return rows.map((r) => r.party);
});

export interface PersonLink {
  slug: string;
  name: string;
  party: string | null;
  constituency: string | null;
}

export interface Overlap {
  other: { slug: string; title: string };
  both: PersonLink[];
  /** People eligible for both campaigns who signed neither (as far as names are known). */
  neither: PersonLink[];
  neitherTotal: number;
}

/**
 * The other campaigns that share the most signatories with this one (at most `limit`), each with
 * who signed both and who, eligible for both (each on its own day: CAMPAIGN_DAY_SQL), signed neither. One query finds the candidates, so
 * the cost does not grow with the number of campaigns.
 */
export async function campaignOverlaps(campaignId: number, { limit = 5, neitherLimit = 500 } = {}): Promise<Overlap[]> {
  const prisma = db();
  const others = await prisma.$queryRaw<{ id: number; slug: string; title: string; both: number }[]>`
    WITH mine AS (SELECT "personId" FROM "Signature" WHERE "campaignId" = ${campaignId} AND "withdrawnOn" IS NULL),
    shared AS (
      SELECT b."campaignId" AS id, count(*)::int AS both FROM mine JOIN "Signature" b ON b."personId" = mine."personId"
      WHERE b."campaignId" <> ${campaignId} AND b."withdrawnOn" IS NULL GROUP BY 1
    )
    SELECT c.id, c.slug, c.title, coalesce(s.both, 0) AS both FROM "Campaign" c LEFT JOIN shared s ON s.id = c.id
    WHERE c.id <> ${campaignId}
    ORDER BY coalesce(s.both, 0) DESC, c.title LIMIT ${limit}`;
  return Promise.all(
    others.map(async (other) => {
      const [both, neither] = await Promise.all([
        prisma.$queryRaw<PersonLink[]>`
          SELECT p.slug, p.name, p.party, p.constituency
          FROM "Signature" a JOIN "Signature" b ON b."personId" = a."personId" AND b."campaignId" = ${other.id}
          JOIN "Person" p ON p.id = a."personId"
          WHERE a."campaignId" = ${campaignId} AND a."withdrawnOn" IS NULL AND b."withdrawnOn" IS NULL
          ORDER BY p."sortName"`,
        prisma.$queryRaw<(PersonLink & { total: number })[]>`
          SELECT p.slug, p.name, p.party, p.constituency, count(*) OVER ()::int AS total
          FROM "Campaign" c CROSS JOIN "Campaign" o CROSS JOIN "Person" p
          ${onDay(CAMPAIGN_DAY_SQL('c'))} ${onDay(CAMPAIGN_DAY_SQL('o'), 'on_other_day')}
          WHERE c.id = ${campaignId} AND o.id = ${other.id}
            AND ${eligibleSigner}
            AND ${eligibleFor('o', 'on_other_day')}
            AND NOT EXISTS (
              SELECT 1 FROM "Signature" sig WHERE sig."personId" = p.id AND sig."campaignId" IN (c.id, o.id) AND ${standing}
            )
          ORDER BY p."sortName" LIMIT ${neitherLimit}`,
      ]);
      return {
        other: { slug: other.slug, title: other.title },
        both,
        neither: neither.map(({ total: _total, ...person }) => person),
        neitherTotal: neither[0]?.total ?? 0,
      };
    }),
  );
}
