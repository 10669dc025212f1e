// People: finding them by the names sources use.
import { db } from './db';
import { familyName, normalizeName, parseName } from './names';

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

type Row = PersonRef & { key: string; alias_normalized: string; own_normalized: string };

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
           a.normalized AS alias_normalized, '' AS own_normalized
    FROM "PersonAlias" a JOIN "Person" p ON p.id = a."personId"
    WHERE a.normalized = ANY(${normalized}::text[])`;
  const byFamily = await prisma.$queryRaw<Row[]>`
    SELECT DISTINCT ON (f.family, p.id) f.family AS key, p.id, p.slug, p.name, p.house::text AS house, p.party,
           p.constituency, a.normalized AS alias_normalized, '' AS own_normalized
    FROM unnest(${families}::text[]) AS f(family)
    JOIN "PersonAlias" a ON a.normalized = f.family OR a.normalized LIKE '% ' || f.family
    JOIN "Person" p ON p.id = a."personId"
    WHERE f.family <> ''
    ORDER BY f.family, p.id, a.normalized`;

  const group = (rows: Row[]) => {
    const map = new Map<string, Row[]>();
    for (const row of rows) map.set(row.key, [...(map.get(row.key) ?? []), row]);
    return map;
  };
  const exactBy = group(exact);
  const familyBy = group(byFamily);
  const ref = ({ id, slug, name, house, party, constituency }: Row): PersonRef => ({ id, slug, name, house, party, constituency });

  return inputs.map((input, i) => {
    const hits = exactBy.get(normalized[i]!) ?? [];
    const people = [...new Map(hits.map((h) => [h.id, h])).values()];
    if (people.length === 1) {
      const person = ref(people[0]!);
      const status: MatchStatus = normalizeName(person.name) === normalized[i] ? 'exact' : 'alias';
      return { input, status, person, candidates: [{ person, score: 1, reason: status === 'exact' ? 'same name' : 'known alias' }] };
    }
    if (people.length > 1) {
      return {
        input,
        status: 'ambiguous',
        person: null,
        candidates: people.map((p) => ({ person: ref(p), score: 1 / people.length, reason: 'same name as several people' })),
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
        else if (theirGiven.startsWith(mine) || mine.startsWith(theirGiven)) [score, reason] = [0.75, 'family name, short form of first name'];
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
