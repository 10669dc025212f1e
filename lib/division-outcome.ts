// What a division decided, and who went against their party: one rule for every page, the API,
// the CSVs, share images and embeds (issue 22). Pure: the data-access layer hands it recorded
// totals and ballots with each member's party on the day. docs/decisions/022-divisions.md.
import { passes, type Rule } from './decision-rule';
import type { Stand } from './generated/prisma/enums';

export type BallotVote = 'AYE' | 'NO' | 'ABSTAIN';
export type WhipDirection = 'AYE' | 'NO' | 'FREE';

export interface RecordedTotals {
  ayes: number | null;
  noes: number | null;
  abstentions: number | null;
}

export interface Totals {
  /** Ayes and noes as announced where recorded, else counted from the named ballots; tellers apart. */
  ayes: number;
  noes: number;
  /** Abstentions where recorded or named; null when nobody recorded any (not "0"). */
  abstentions: number | null;
  fromBallots: boolean;
  namedBallots: number;
  tellers: { ayes: number; noes: number };
  /** Where announced totals and named ballots disagree: which lobby, by how many. */
  mismatch: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Says which lobbies' names do not add up to their announced totals ("the ayes name 302 of 303
 * announced (1 missing)"), or null when they agree. Tellers are apart from both.
 */
export function lobbyShortfall(
  announced: { ayes: number | null; noes: number | null },
  named: { ayes: number; noes: number },
): string | null {
  const parts: string[] = [];
  for (const [lobby, a, n] of [
    ['ayes', announced.ayes, named.ayes],
    ['noes', announced.noes, named.noes],
  ] as const) {
    if (a === null || a === n) continue;
    parts.push(
      `the ${lobby} name ${n} of ${a} announced (${n < a ? `${plural(a - n, 'name')} missing` : `${plural(n - a, 'name')} too many`})`,
    );
  }
  return parts.length ? parts.join('; ') : null;
}

/**
 * The names counted in each lobby: tellers apart, as the announced totals count them (decision
 * 022). The one statement of the rule, for totals, Parliament's files, pasted lists and CSV imports.
 */
export function namedInLobbies<T>(
  members: Iterable<T>,
  lobby: (member: T) => string | null,
  teller: (member: T) => boolean,
): { ayes: number; noes: number } {
  const named = { ayes: 0, noes: 0 };
  for (const m of members) {
    if (teller(m)) continue;
    const l = lobby(m);
    if (l === 'AYE') named.ayes++;
    else if (l === 'NO') named.noes++;
  }
  return named;
}

/** Totals of a division from its recorded figures and its named ballots. */
export function divisionTotals(recorded: RecordedTotals, ballots: readonly { vote: BallotVote; teller: boolean }[]) {
  const named = namedInLobbies(
    ballots,
    (b) => b.vote,
    (b) => b.teller,
  );
  const abstained = ballots.filter((b) => b.vote === 'ABSTAIN' && !b.teller).length;
  // The tellers of each lobby: the same count with the roles swapped (everyone but the tellers left out).
  const tellers = namedInLobbies(
    ballots,
    (b) => b.vote,
    (b) => !b.teller,
  );
  const fromBallots = recorded.ayes === null && recorded.noes === null;
  const ayes = recorded.ayes ?? named.ayes;
  const noes = recorded.noes ?? named.noes;
  const short = !fromBallots && ballots.length > 0 ? lobbyShortfall(recorded, named) : null;
  const totals: Totals = {
    ayes,
    noes,
    abstentions: recorded.abstentions ?? (abstained > 0 ? abstained : null),
    fromBallots,
    namedBallots: ballots.length,
    tellers,
    mismatch: short
      ? `The recorded totals (${ayes} ayes, ${noes} noes, tellers apart) differ from the named ballots: ${short}.`
      : null,
  };
  return totals;
}

/** A house's own rule: more ayes than noes; a tie is settled by the Chair's casting vote. */
export const HOUSE_RULE: Rule = {
  kind: 'MAJORITY_OF_VOTING',
  numerator: null,
  denominator: null,
  count: null,
  quorum: null,
  tie: 'FAILS',
};

export type Result = 'carried' | 'not carried' | 'tied' | 'rule not known' | 'no votes';

/**
 * Whether the division carried. A stage's vote by its rule (members: those who may vote); a
 * house's division by more ayes than noes, a tie said as such (the Chair's casting vote is a
 * separate record).
 */
export function divisionResult(totals: Totals, rule: Rule | null, members: number): Result {
  if (totals.ayes + totals.noes + (totals.abstentions ?? 0) === 0) return 'no votes';
  if (!rule) return totals.ayes === totals.noes ? 'tied' : totals.ayes > totals.noes ? 'carried' : 'not carried';
  const passed = passes(rule, totals.ayes, totals.noes, totals.abstentions ?? 0, members);
  return passed === null ? 'rule not known' : passed ? 'carried' : 'not carried';
}

/** Parties whose members take no party whip: they never rebel (Public Whip's refinement). */
const NO_WHIP = /^(independent|speaker|deputy speaker|crossbench|cross-bench|cross bench|non-affiliated|bishops?)\b/i;

/** Whether members of this party take a party whip. */
export const takesWhip = (party: string | null): party is string => !!party && !NO_WHIP.test(party.trim());

/** What members of a party were expected to do, and on what basis. */
export interface PartyLine {
  /** The lobby the party went to: its whip where recorded, else the majority of its members voting. */
  line: 'AYE' | 'NO' | null;
  basis: 'whip' | 'free vote' | 'majority' | 'split evenly' | 'no whip';
}

export interface RebelOptions {
  /** The parliamentary party a party belongs to ("Labour/Co-operative" → "Labour"); itself by default. */
  groupOf?: (party: string) => string;
  /** Whips recorded on the division, by party or by parliamentary party. */
  whips?: readonly { party: string; whip: WhipDirection }[];
}

/**
 * Each party's line in a division: its recorded whip (a free vote has none), else the majority of
 * its members voting aye or no, tellers included (they vote with their lobby). Members with no
 * party whip (independents, the Speaker, crossbenchers) form no party.
 */
export function partyLines(
  ballots: readonly { party: string | null; vote: BallotVote }[],
  { groupOf = (p) => p, whips = [] }: RebelOptions = {},
): Map<string, PartyLine> {
  const tally = new Map<string, { AYE: number; NO: number }>();
  for (const b of ballots) {
    if (!takesWhip(b.party) || b.vote === 'ABSTAIN') continue;
    const group = groupOf(b.party);
    const t = tally.get(group) ?? { AYE: 0, NO: 0 };
    t[b.vote]++;
    tally.set(group, t);
  }
  const whipOf = new Map<string, WhipDirection>();
  for (const w of whips) whipOf.set(groupOf(w.party), w.whip);
  const lines = new Map<string, PartyLine>();
  for (const [group, t] of tally) {
    const whip = whipOf.get(group);
    if (whip === 'FREE') lines.set(group, { line: null, basis: 'free vote' });
    else if (whip) lines.set(group, { line: whip, basis: 'whip' });
    else if (t.AYE === t.NO) lines.set(group, { line: null, basis: 'split evenly' });
    else lines.set(group, { line: t.AYE > t.NO ? 'AYE' : 'NO', basis: 'majority' });
  }
  return lines;
}

/** Whether one ballot went against its party's line (`lines` from partyLines). */
export function isRebel(
  b: { party: string | null; vote: BallotVote | null },
  lines: ReadonlyMap<string, PartyLine>,
  groupOf: (party: string) => string = (p) => p,
): boolean {
  if (!takesWhip(b.party) || (b.vote !== 'AYE' && b.vote !== 'NO')) return false;
  const line = lines.get(groupOf(b.party))?.line;
  return !!line && b.vote !== line;
}

/**
 * Rebels: members whose aye or no went against their party's line (its whip where recorded, else
 * the majority of its members voting). Nobody rebels in a free vote or an even split; members with
 * no party whip never rebel.
 */
export function rebels<T extends { party: string | null; vote: BallotVote }>(ballots: T[], options: RebelOptions = {}) {
  const lines = partyLines(ballots, options);
  return ballots.filter((b) => isRebel(b, lines, options.groupOf));
}

/** A result as the pages say it. */
export const RESULT_LABEL: Record<Result, string> = {
  carried: 'carried',
  'not carried': 'not carried',
  tied: 'tied (the Chair’s casting vote decides)',
  'rule not known': 'the rule is not known',
  'no votes': 'no votes recorded',
};

/** The result as a yes/no for programs: null when tied, the rule is not known or nobody voted. */
export const carried = (result: Result): boolean | null =>
  result === 'carried' ? true : result === 'not carried' ? false : null;

/** What a placement forecasts a member will do in the division. */
export function forecastVote(stand: Stand | null): 'AYE' | 'NO' | 'ABSENT' | null {
  if (stand === 'FOR' || stand === 'LEANING_FOR') return 'AYE';
  if (stand === 'AGAINST' || stand === 'LEANING_AGAINST') return 'NO';
  if (stand === 'WILL_NOT_VOTE') return 'ABSENT';
  return null;
}

export type ForecastResult = 'held' | 'switched' | 'did-not-vote' | 'no-forecast';

/** How a member's placement held against their ballot (null: they cast none). */
export function forecastResult(stand: Stand | null, vote: BallotVote | null): ForecastResult {
  const expected = forecastVote(stand);
  if (expected === null) return 'no-forecast';
  if (expected === 'ABSENT') return vote === null || vote === 'ABSTAIN' ? 'held' : 'switched';
  if (vote === null) return 'did-not-vote';
  return vote === expected ? 'held' : 'switched';
}

/**
 * How the count before the vote held against the ballots: members whose forecast held, switched
 * or who did not vote, and the share held among those (null when no member had a forecast).
 */
export function scoreForecasts(members: readonly { forecast: Stand | null; vote: BallotVote | null }[]) {
  const score = { held: 0, switched: 0, didNotVote: 0 };
  for (const m of members) {
    const result = forecastResult(m.forecast, m.vote);
    if (result === 'held') score.held++;
    else if (result === 'switched') score.switched++;
    else if (result === 'did-not-vote') score.didNotVote++;
  }
  const scored = score.held + score.switched + score.didNotVote;
  return { ...score, heldShare: scored > 0 ? score.held / scored : null };
}

/** How many voted, tellers included: a teller's lobby is their vote. */
export const voted = (totals: Totals) => totals.ayes + totals.noes + totals.tellers.ayes + totals.tellers.noes;

/** The share of those who could vote who did (`voted`); null when who could vote is not known. */
export const turnout = (totals: Totals, eligible: number | null): number | null =>
  eligible ? voted(totals) / eligible : null;
