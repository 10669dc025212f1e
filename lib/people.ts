// People: finding them by the names sources use, listing them, and reading one.
import 'server-only';
import { cache } from 'react';
import { z } from 'zod';
import { House } from './generated/prisma/enums';
import { db } from './db';
import { Prisma } from './generated/prisma/client';
import { familyName, normalizeName, parseName } from './names';
import { containsPattern } from './sql';

export interface PersonRef {
  id: number;
  slug: string;
  name: string;
  house: string;
  party: string | null;
  constituency: string | null;
}

export type MatchStatus = 'exact' | 'alias' | 'guess' | 'ambiguous' | 'unmatched';

export interface NameMatch {
  input: string;
  status: MatchStatus;
  /** The person, for exact and alias matches only: a guess is never taken as a match. */
  person: PersonRef | null;
  /** Ranked candidates, best first, with a score from 0 to 1. */
  candidates: { person: PersonRef; score: number; reason: string }[];
}

type Row = PersonRef & { key: string; alias_normalized: string };

/**
 * Matches names as the press writes them ("Dame Margaret Hodge", "Mr Lammy") to people.
 * Exact or alias matches that name one person are matches; anything less certain comes back
 * as a ranked guess, ambiguous or unmatched, for a person to decide.
 */
export async function matchNames(inputs: string[]): Promise<NameMatch[]> {
  const normalized = inputs.map(normalizeName);
  const families = inputs.map(familyName);
  const prisma = db();

  const exact = await prisma.$queryRaw<Row[]>`
    SELECT DISTINCT a.normalized AS key, p.id, p.slug, p.name, p.house::text AS house, p.party, p.constituency,
           a.normalized AS alias_normalized
    FROM "PersonAlias" a JOIN "Person" p ON p.id = a."personId"
    WHERE a.normalized = ANY(${[...new Set(normalized)]}::text[])`;
  // Family-name candidates only for the names no alias matched (a much smaller, distinct set).
  const found = new Set(exact.map((r) => r.key));
  const unmatchedFamilies = [...new Set(families.filter((f, i) => f && !found.has(normalized[i]!)))];
  const byFamily = unmatchedFamilies.length
    ? await prisma.$queryRaw<Row[]>`
        SELECT DISTINCT ON (f.family, p.id) f.family AS key, p.id, p.slug, p.name, p.house::text AS house, p.party,
               p.constituency, a.normalized AS alias_normalized
        FROM unnest(${unmatchedFamilies}::text[]) AS f(family)
        JOIN "PersonAlias" a ON a.normalized = f.family OR a.normalized LIKE '% ' || f.family
        JOIN "Person" p ON p.id = a."personId"
        ORDER BY f.family, p.id, a.normalized`
    : [];

  const group = (rows: Row[]) => {
    const map = new Map<string, Row[]>();
    for (const row of rows) map.set(row.key, [...(map.get(row.key) ?? []), row]);
    return map;
  };
  const exactBy = group(exact);
  const familyBy = group(byFamily);
  const ref = ({ id, slug, name, house, party, constituency }: Row): PersonRef => ({
    id,
    slug,
    name,
    house,
    party,
    constituency,
  });

  return inputs.map((input, i) => {
    const hits = exactBy.get(normalized[i]!) ?? [];
    const people = [...new Map(hits.map((h) => [h.id, h])).values()];
    if (people.length === 1) {
      const person = ref(people[0]!);
      const status: MatchStatus = normalizeName(person.name) === normalized[i] ? 'exact' : 'alias';
      return {
        input,
        status,
        person,
        candidates: [{ person, score: 1, reason: status === 'exact' ? 'same name' : 'known alias' }],
      };
    }
    if (people.length > 1) {
      return {
        input,
        status: 'ambiguous',
        person: null,
        candidates: people.map((p) => ({
          person: ref(p),
          score: 1 / people.length,
          reason: 'same name as several people',
        })),
      };
    }
    const given = parseName(input).words.slice(0, -1);
    const candidates = (familyBy.get(families[i]!) ?? [])
      .map((row) => {
        const theirGiven = row.alias_normalized.split(' ')[0] ?? '';
        const mine = given[0];
        let score: number;
        let reason: string;
        if (!mine) [score, reason] = [0.5, 'family name only'];
        else if (theirGiven.startsWith(mine) || mine.startsWith(theirGiven))
          [score, reason] = [0.75, 'family name, short form of first name'];
        else if (mine.length === 1 && theirGiven.startsWith(mine)) [score, reason] = [0.6, 'family name and initial'];
        else [score, reason] = [0.2, 'family name only, different first name'];
        return { person: ref(row), score, reason };
      })
      .sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name));
    if (candidates.length === 0) return { input, status: 'unmatched', person: null, candidates };
    const strong = candidates.filter((c) => c.score >= 0.5);
    if (strong.length === 1) return { input, status: 'guess', person: null, candidates };
    // Several equally plausible people: share the confidence among them.
    const share = strong.length ? 1 / strong.length : 0;
    return {
      input,
      status: 'ambiguous',
      person: null,
      candidates: candidates.map((c) => ({ ...c, score: c.score >= 0.5 ? Math.min(c.score, share) : c.score })),
    };
  });
}

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
}

export const PEOPLE_PAGE_SIZE = 50;

export async function listPeople(
  query: PeopleQuery,
  pageSize = PEOPLE_PAGE_SIZE,
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
}

const SOURCE_SELECT = { select: { id: true, publisher: true, title: true, publishedAt: true, url: true } } as const;

/** A person with their roles, signatures, statements, polls and memberships; null if unknown. Cached per request. */
export const getPerson = cache(async function getPerson(slug: string) {
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
});

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

/** Statements not tied to a named person ("A Labour source"), for the campaign pages. */
export function listStatements(filter: { campaignSlug?: string } = {}) {
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
}
