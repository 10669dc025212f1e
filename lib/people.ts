// People: listing them and reading one (finding them by the names sources use: lib/matching.ts).
import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { House } from './generated/prisma/enums';
import { db } from './db';
import { versioned } from './data-version';
import { Prisma } from './generated/prisma/client';
import type { PersonRef } from './matching';
import { normalizeName } from './names';
import { containsPattern } from './sql';

// ---------------------------------------------------------------------------------------------
// Listing and reading people.

export const peopleQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  house: z.enum(House).optional().catch(undefined),
  party: z.string().trim().max(100).optional().catch(undefined),
  signed: z.enum(['any', 'yes']).default('any').catch('any'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export interface PersonListItem extends PersonRef {
  honorific: string | null;
  signatures: number;
  statements: number;
  /** For a former member (every stint ended): the day the last one ended, YYYY-MM-DD. */
  leftOn: string | null;
}

export const PEOPLE_PAGE_SIZE = 50;

/** A page of people; kept per data version (decision 021). */
export const listPeople = versioned(async function listPeople(
  query: PeopleQuery,
  pageSize: number = PEOPLE_PAGE_SIZE,
): Promise<{ people: PersonListItem[]; total: number; parties: string[] }> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.q) {
    const like = containsPattern(query.q);
    conditions.push(Prisma.sql`(p.name ILIKE ${like} OR p.constituency ILIKE ${like} OR EXISTS (
      SELECT 1 FROM "PersonAlias" a WHERE a."personId" = p.id AND a.normalized LIKE ${`%${normalizeName(query.q)}%`}))`);
  }
  if (query.house) conditions.push(Prisma.sql`p.house = ${query.house}::"House"`);
  if (query.party) conditions.push(Prisma.sql`p.party = ${query.party}`);
  if (query.signed === 'yes')
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Signature" s WHERE s."personId" = p.id)`);
  const where = Prisma.join(conditions, ' AND ');
  const prisma = db();
  const [rows, parties] = await Promise.all([
    prisma.$queryRaw<(PersonListItem & { total: number })[]>`
      SELECT p.id, p.slug, p.name, p.honorific, p.house::text AS house, p.party, p.constituency,
             (SELECT count(*) FROM "Signature" s WHERE s."personId" = p.id AND s."withdrawnOn" IS NULL)::int AS signatures,
             (SELECT count(*) FROM "Statement" st WHERE st."personId" = p.id)::int AS statements,
             -- A former member: stints recorded, and every one of them has ended (the last end shown).
             (SELECT CASE WHEN bool_and(m."endDate" IS NOT NULL) AND max(m."endDate") < current_date
                          THEN to_char(max(m."endDate"), 'YYYY-MM-DD') END
              FROM "Membership" m WHERE m."personId" = p.id) AS "leftOn",
             count(*) OVER ()::int AS total
      FROM "Person" p WHERE ${where}
      ORDER BY p."sortName", p.id
      LIMIT ${pageSize} OFFSET ${(query.page - 1) * pageSize}`,
    prisma.$queryRaw<{ party: string }[]>`SELECT DISTINCT party FROM "Person" WHERE party IS NOT NULL ORDER BY 1`,
  ]);
  return {
    people: rows.map(({ total: _total, ...person }) => person),
    total:
      rows[0]?.total ??
      (query.page > 1
        ? (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Person" p WHERE ${where}`)[0]!.n
        : 0),
    parties: parties.map((p) => p.party),
  };
});

const SOURCE_SELECT = { select: { id: true, publisher: true, title: true, publishedAt: true, url: true } } as const;

/**
 * A person with their roles, signatures, statements, polls and memberships; null if unknown. Kept
 * per data version (decision 021) and per render (the page's metadata, body and share image).
 */
export const getPerson = cache(
  versioned(async function getPerson(slug: string) {
    return db().person.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        name: true,
        honorific: true,
        sortName: true,
        house: true,
        party: true,
        constituency: true,
        source: SOURCE_SELECT,
        aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
        identifiers: { select: { scheme: true, value: true }, orderBy: { scheme: 'asc' } },
        memberships: {
          select: {
            id: true,
            house: true,
            party: true,
            constituency: true,
            startDate: true,
            endDate: true,
            change: true,
            note: true,
            term: { select: { id: true, name: true, label: true } },
            source: SOURCE_SELECT,
          },
          orderBy: [{ startDate: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
        },
        roles: {
          select: {
            id: true,
            title: true,
            organisation: true,
            startedOn: true,
            endedOn: true,
            heldOn: true,
            confidence: true,
            body: { select: { name: true } },
            source: SOURCE_SELECT,
          },
          orderBy: [
            { startedOn: { sort: 'desc', nulls: 'last' } },
            { heldOn: { sort: 'desc', nulls: 'last' } },
            { id: 'asc' },
          ],
        },
        signatures: {
          select: {
            id: true,
            signedOn: true,
            roleAtSigning: true,
            confidence: true,
            isLeadSponsor: true,
            withdrawnOn: true,
            withdrawalReason: true,
            campaign: { select: { slug: true, title: true } },
            source: SOURCE_SELECT,
          },
          orderBy: { id: 'asc' },
        },
        statements: {
          select: {
            id: true,
            subject: true,
            stance: true,
            quote: true,
            summary: true,
            saidOn: true,
            confidence: true,
            campaign: { select: { slug: true, title: true } },
            source: SOURCE_SELECT,
          },
          orderBy: [{ saidOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
        },
        polls: {
          select: { id: true, pollster: true, subjectRole: true, net: true, fieldworkEnd: true, source: SOURCE_SELECT },
          orderBy: { id: 'asc' },
        },
      },
    });
  }, 64),
);

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

/** Statements not tied to a named person ("A Labour source"), for the campaign pages. */
export const listStatements = versioned(function listStatements(filter: { campaignSlug?: string } = {}) {
  return db().statement.findMany({
    where: filter.campaignSlug ? { campaign: { slug: filter.campaignSlug } } : {},
    select: {
      id: true,
      speakerLabel: true,
      subject: true,
      stance: true,
      quote: true,
      summary: true,
      saidOn: true,
      person: { select: { slug: true, name: true } },
      source: SOURCE_SELECT,
    },
    orderBy: [{ saidOn: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
  });
});
