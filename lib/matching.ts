// Matching names as sources write them ("Dame Margaret Hodge", "Mr Lammy", "Johnson") to people:
// against every alias, then by family name, ranked, never taking a guess for a match; and among
// the members who may vote on a day, where a name ambiguous in the roster may name one voter.
// Used by the add-signatures flow, the whip count's pasted lists and Hansard lists, the CSV
// imports and the seed.
import 'server-only';
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
  candidates: Candidate[];
}

/**
 * How a candidate's name relates to the written one: the same name as others have, a known alias,
 * the family name alone (nothing else written), the family name with a short form or initial of
 * the first name (a guess), or the family name with a different first name (never a match).
 */
export type CandidateKind = 'same-name' | 'family-only' | 'short-form' | 'initial' | 'different-first-name';

export interface Candidate {
  person: PersonRef;
  score: number;
  reason: string;
  kind: CandidateKind;
}

type Row = PersonRef & { key: string; alias_normalized: string };

/**
 * Matches names as the press writes them ("Dame Margaret Hodge", "Mr Lammy") to people.
 * Exact or alias matches that name one person are matches; anything less certain comes back
 * as a ranked guess, ambiguous or unmatched, for a person to decide.
 */
export async function matchNames(inputs: string[]): Promise<NameMatch[]> {
  // Each distinct name once: a file of 100,000 signatures names a few thousand people (issue 16).
  // Rows with the same name share one match: callers must not mutate it.
  const distinct = [...new Set(inputs)];
  const matches = await matchDistinct(distinct);
  const byInput = new Map(distinct.map((input, i) => [input, matches[i]!]));
  return inputs.map((input) => byInput.get(input)!);
}

async function matchDistinct(inputs: string[]): Promise<NameMatch[]> {
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
        candidates: [{ person, score: 1, reason: status === 'exact' ? 'same name' : 'known alias', kind: 'same-name' }],
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
          kind: 'same-name' as const,
        })),
      };
    }
    const words = parseName(input).words;
    const candidates = (familyBy.get(families[i]!) ?? [])
      .map((row): Candidate => {
        // The family name is every word the two names end with ("Rees-Mogg" is two words); what
        // comes before it in the written name is the first name to compare.
        const theirs = row.alias_normalized.split(' ');
        let shared = 0;
        while (shared < words.length && shared < theirs.length && words.at(-1 - shared) === theirs.at(-1 - shared))
          shared++;
        const mine = words.slice(0, words.length - shared)[0];
        const theirGiven = theirs.slice(0, theirs.length - shared)[0] ?? '';
        const [score, reason, kind]: [number, string, CandidateKind] = !mine
          ? [0.5, 'family name only', 'family-only']
          : mine.length === 1 && theirGiven.startsWith(mine)
            ? [0.6, 'family name and initial', 'initial']
            : theirGiven && (theirGiven.startsWith(mine) || mine.startsWith(theirGiven))
              ? [0.75, 'family name, short form of first name', 'short-form']
              : [0.2, 'family name only, different first name', 'different-first-name'];
        return { person: ref(row), score, reason, kind };
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

/** Seats compared as names are: "Kingston & Surbiton" is "Kingston and Surbiton". */
const seatKey = (seat: string) => normalizeName(seat.replace(/&/g, ' and '));

/**
 * A match among the voters only (`voters`: each voter's id and seat on the day). A name that is
 * ambiguous in the roster may name one voter; a family name alone is a match when exactly one voter
 * has it; a seat given names the voter it belongs to among those whose name fits. A different first
 * name is never a match, nor is a short form or an initial without the seat ("only a guess"), and
 * a seat that is not the member's contradicts the name (issue 22).
 */
/** One written name among the members who may vote (id → seat): its member, or why none. */
export function voterMatch(
  match: NameMatch,
  voters: ReadonlyMap<number, string | null>,
  seat?: string | null,
): { person: PersonRef | null; reason: string } {
  const seatOf = (p: PersonRef) => voters.get(p.id) ?? p.constituency;
  const sits = (p: PersonRef) => !seat || seatKey(seatOf(p) ?? '') === seatKey(seat);
  const describe = (cs: Candidate[]) =>
    cs
      .slice(0, 4)
      .map((c) => `${c.person.name}${seatOf(c.person) ? ` (${seatOf(c.person)})` : ''}`)
      .join(', ');
  if (match.person) {
    if (!voters.has(match.person.id))
      return { person: null, reason: `${match.person.name} is not a member who may vote on the day.` };
    if (!sits(match.person))
      return {
        person: null,
        reason: `${match.person.name} sits for ${seatOf(match.person) ?? 'no seat'}, not ${seat}.`,
      };
    return { person: match.person, reason: '' };
  }
  if (match.status === 'unmatched') return { person: null, reason: 'No person with this name.' };
  const fitting = match.candidates.filter((c) => c.kind !== 'different-first-name');
  if (fitting.length === 0)
    return {
      person: null,
      reason: `No person with this name: ${describe(match.candidates)} ${match.candidates.length === 1 ? 'has' : 'have'} a different first name.`,
    };
  const among = fitting.filter((c) => voters.has(c.person.id) && sits(c.person));
  if (among.length === 1) {
    const only = among[0]!;
    // Named without doubt: the same name or the family name alone, or the seat given says who.
    if (only.kind === 'same-name' || only.kind === 'family-only' || seat) return { person: only.person, reason: '' };
  }
  if (among.length === 0 && seat && fitting.some((c) => voters.has(c.person.id)))
    return { person: null, reason: `No member who may vote on the day sits for ${seat} under this name.` };
  if (among.length === 0 && fitting.every((c) => !voters.has(c.person.id)))
    return {
      person: null,
      reason: `Not a member who may vote on the day: ${describe(fitting)}.`,
    };
  const shown = among.length ? among : fitting;
  return {
    person: null,
    reason: `${among.length === 1 ? 'Only a guess' : 'Ambiguous'}: ${describe(shown)}. Write the name as the roster has it, or add the seat in brackets.`,
  };
}

/**
 * Matches written names among the members who may vote (`voters`: id → seat on the day): each entry gets its member, or the reason
 * it has none (not found, ambiguous, a guess, not a member, or the same member as an earlier entry
 * with the same `sameKey`, said by `twice`). Shared by the pasted lists and the CSV imports.
 */
export async function matchAmongVoters<T extends { line: number; name: string; seat?: string | null }>(
  entries: T[],
  voters: ReadonlyMap<number, string | null>,
  {
    sameKey = () => '',
    twice = (person, first) => `Same member as line ${first.line} (${person.name}).`,
  }: { sameKey?: (entry: T) => string; twice?: (person: PersonRef, first: T, again: T) => string } = {},
): Promise<{ matched: { entry: T; person: PersonRef }[]; problems: { entry: T; reason: string }[] }> {
  const matches = await matchNames(entries.map((e) => e.name));
  const matched: { entry: T; person: PersonRef }[] = [];
  const problems: { entry: T; reason: string }[] = [];
  const seen = new Map<string, T>();
  entries.forEach((entry, i) => {
    const { person, reason } = voterMatch(matches[i]!, voters, entry.seat);
    if (!person) return void problems.push({ entry, reason });
    const key = `${person.id}|${sameKey(entry)}`;
    const first = seen.get(key);
    if (first) return void problems.push({ entry, reason: twice(person, first, entry) });
    seen.set(key, entry);
    matched.push({ entry, person });
  });
  return { matched, problems };
}
