// One search box: campaigns, people (by any name a source used), bodies and sources, matched
// accent- and case-insensitively in PostgreSQL (whipcount_fold + trigram indexes, a migration).
import 'server-only';
import { db } from './db';
import { Prisma } from './generated/prisma/client';
import { normalizeName } from './names';

/** Results of each kind at most. */
export const SEARCH_LIMIT = 10;
/** Longer queries are cut: nobody searches with more, and a 10,000-character one must stay cheap. */
export const SEARCH_MAX_CHARS = 200;

export interface SearchResults {
  /** The words searched for, as compared (folded, honorifics dropped); empty when nothing to search. */
  words: string[];
  campaigns: { slug: string; title: string; kind: string }[];
  people: { slug: string; name: string; party: string | null; constituency: string | null; matched: string }[];
  bodies: { slug: string; name: string }[];
  sources: { id: number; publisher: string; title: string; publishedAt: Date | null }[];
}

/** The words of a query as names are compared: folded, without honorifics, initials or punctuation. */
export function searchWords(q: string): string[] {
  return normalizeName(q.slice(0, SEARCH_MAX_CHARS)).split(' ').filter(Boolean).slice(0, 8);
}

/** Every word appears in `column` (folded): one `LIKE` per word, each one the trigram index serves. */
function containsAll(column: Prisma.Sql, words: string[]): Prisma.Sql {
  return Prisma.join(
    words.map((w) => Prisma.sql`${column} LIKE ${`%${w}%`}`),
    ' AND ',
  );
}

export async function search(q: string): Promise<SearchResults> {
  const words = searchWords(q);
  if (words.length === 0) return { words, campaigns: [], people: [], bodies: [], sources: [] };
  // Every word must appear (the words hold only letters and digits: no LIKE wildcards); the
  // nearest by trigram distance first, read in that order from the GiST index (migration
  // 20261201180000), so a word that matches thousands of rows costs the ten nearest.
  const text = words.join(' ');
  const title = Prisma.sql`whipcount_fold(title)`;
  const alias = Prisma.sql`whipcount_fold(a.alias)`;
  const name = Prisma.sql`whipcount_fold(p.name)`;
  const body = Prisma.sql`whipcount_fold(name)`;
  const source = Prisma.sql`whipcount_fold(publisher || ' ' || title)`;
  const prisma = db();
  const [campaigns, people, bodies, sources] = await Promise.all([
    prisma.$queryRaw<SearchResults['campaigns']>`
      SELECT slug, title, kind::text AS kind FROM "Campaign"
      WHERE ${containsAll(title, words)}
      ORDER BY ${title} <-> ${text}, title LIMIT ${SEARCH_LIMIT}`,
    prisma.$queryRaw<SearchResults['people']>`
      SELECT p.slug, p.name, p.party, p.constituency, m.matched
      FROM (
        (SELECT a."personId" AS id, a.alias AS matched, ${alias} <-> ${text} AS distance
         FROM "PersonAlias" a WHERE ${containsAll(alias, words)} ORDER BY ${alias} <-> ${text} LIMIT ${SEARCH_LIMIT * 3})
        UNION ALL
        (SELECT p.id, p.name, ${name} <-> ${text} FROM "Person" p
         WHERE ${containsAll(name, words)} ORDER BY ${name} <-> ${text} LIMIT ${SEARCH_LIMIT * 3})
      ) m JOIN "Person" p ON p.id = m.id
      ORDER BY m.distance, p."sortName", p.id
      LIMIT ${SEARCH_LIMIT * 3}`,
    prisma.$queryRaw<SearchResults['bodies']>`
      SELECT slug, name FROM "Body" WHERE ${containsAll(body, words)} ORDER BY ${body} <-> ${text}, name LIMIT ${SEARCH_LIMIT}`,
    prisma.$queryRaw<SearchResults['sources']>`
      SELECT id, publisher, title, "publishedAt" AS "publishedAt" FROM "Source"
      WHERE ${containsAll(source, words)}
      ORDER BY "publishedAt" DESC NULLS LAST, id DESC LIMIT ${SEARCH_LIMIT}`,
  ]);
  // One row per person (a person may match by several aliases), best first.
  const seen = new Set<string>();
  const uniquePeople = people.filter((p) => !seen.has(p.slug) && seen.add(p.slug)).slice(0, SEARCH_LIMIT);
  return { words, campaigns, people: uniquePeople, bodies, sources };
}
