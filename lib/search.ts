// One search box: campaigns, people (by any name a source used), bodies and sources, matched
// accent- and case-insensitively in PostgreSQL (whipcount_fold + trigram indexes, a migration).
import 'server-only';
import { db } from './db';
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

export async function search(q: string): Promise<SearchResults> {
  const words = searchWords(q);
  if (words.length === 0) return { words, campaigns: [], people: [], bodies: [], sources: [] };
  // Every word must appear (each as a "contains" pattern; the words hold only letters and digits).
  const patterns = words.map((w) => `%${w}%`);
  const prisma = db();
  const [campaigns, people, bodies, sources] = await Promise.all([
    prisma.$queryRaw<SearchResults['campaigns']>`
      SELECT slug, title, kind::text AS kind FROM "Campaign"
      WHERE whipcount_fold(title) LIKE ALL (${patterns}::text[]) OR slug LIKE ALL (${patterns}::text[])
      ORDER BY similarity(whipcount_fold(title), ${words.join(' ')}) DESC, title LIMIT ${SEARCH_LIMIT}`,
    prisma.$queryRaw<SearchResults['people']>`
      SELECT p.slug, p.name, p.party, p.constituency, m.matched
      FROM (
        SELECT a."personId" AS id, a.alias AS matched, similarity(whipcount_fold(a.alias), ${words.join(' ')}) AS score
        FROM "PersonAlias" a WHERE whipcount_fold(a.alias) LIKE ALL (${patterns}::text[])
        UNION ALL
        SELECT p.id, p.name, similarity(whipcount_fold(p.name), ${words.join(' ')}) FROM "Person" p WHERE whipcount_fold(p.name) LIKE ALL (${patterns}::text[])
      ) m JOIN "Person" p ON p.id = m.id
      ORDER BY score DESC, p."sortName", p.id
      LIMIT ${SEARCH_LIMIT * 3}`,
    prisma.$queryRaw<SearchResults['bodies']>`
      SELECT slug, name FROM "Body" WHERE whipcount_fold(name) LIKE ALL (${patterns}::text[]) ORDER BY name LIMIT ${SEARCH_LIMIT}`,
    prisma.$queryRaw<SearchResults['sources']>`
      SELECT id, publisher, title, "publishedAt" AS "publishedAt" FROM "Source"
      WHERE whipcount_fold(publisher || ' ' || title) LIKE ALL (${patterns}::text[])
      ORDER BY "publishedAt" DESC NULLS LAST, id DESC LIMIT ${SEARCH_LIMIT}`,
  ]);
  // One row per person (a person may match by several aliases), best first.
  const seen = new Set<string>();
  const uniquePeople = people.filter((p) => !seen.has(p.slug) && seen.add(p.slug)).slice(0, SEARCH_LIMIT);
  return { words, campaigns, people: uniquePeople, bodies, sources };
}
