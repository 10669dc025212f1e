// What a vote needs, as arithmetic: whether given ayes, noes and abstentions pass it, and what the
// whip count says would settle it. Pure (no database); docs/decisions/014-whip-count.md.
import type { DecisionRuleKind, Stand, TieRule } from './generated/prisma/enums';

export interface Rule {
  kind: DecisionRuleKind;
  numerator: number | null;
  denominator: number | null;
  count: number | null;
  quorum: number | null;
  tie: TieRule;
}

/**
 * How each position reads, for to against, and "not known" for a member of whom nothing is
 * recorded: the one list of positions. Typed by the schema's enum, so a position added to or
 * removed from schema.prisma fails `tsc` here until the list follows; the order is this one.
 */
export const STAND_LABEL: Record<Stand | 'UNKNOWN', string> = {
  FOR: 'For',
  LEANING_FOR: 'Leaning for',
  UNDECIDED: 'Undecided',
  LEANING_AGAINST: 'Leaning against',
  AGAINST: 'Against',
  WILL_NOT_VOTE: 'Will not vote',
  UNKNOWN: 'Not known',
};
export type StandOrUnknown = Stand | 'UNKNOWN';
/** Every position a member can be counted in, "not known" last. */
export const STANDS = Object.keys(STAND_LABEL) as StandOrUnknown[];
/** Every position a member can state, for to against, then "will not vote". */
export const STAND_ORDER = STANDS.filter((s): s is Stand => s !== 'UNKNOWN');
/** The positions as the charts draw them, for to against: "not known" between the two sides. */
export const SPECTRUM: readonly StandOrUnknown[] = [
  'FOR',
  'LEANING_FOR',
  'UNDECIDED',
  'UNKNOWN',
  'LEANING_AGAINST',
  'AGAINST',
  'WILL_NOT_VOTE',
];
/** Where each member stands, with UNKNOWN for members of whom nothing is recorded. */
export type StandCounts = Record<StandOrUnknown, number>;
export const emptyCounts = (): StandCounts => Object.fromEntries(STANDS.map((s) => [s, 0])) as StandCounts;

/** The rule in words. */
export function describeRule(rule: Rule): string {
  const fraction = `${rule.numerator}/${rule.denominator}`;
  const base = {
    UNKNOWN: 'The rule is not known',
    MAJORITY_OF_VOTING: 'More ayes than noes',
    MAJORITY_OF_BODY: 'Ayes from more than half of all members',
    FRACTION_OF_VOTING: `Ayes from at least ${fraction} of those voting aye or no`,
    FRACTION_OF_BODY: `Ayes from at least ${fraction} of all members`,
    ABSOLUTE: `At least ${rule.count} ayes`,
  }[rule.kind];
  const quorum = rule.quorum ? `, with at least ${rule.quorum} voting` : '';
  const tie = rule.kind === 'MAJORITY_OF_VOTING' ? `; a tie ${rule.tie === 'PASSES' ? 'passes' : 'fails'}` : '';
  return `${base}${quorum}${tie}`;
}

/**
 * Whether a vote with these ayes, noes and abstentions passes, for a body of `members` who may
 * vote; null when the rule is not known. Abstentions count towards a quorum and towards no side.
 */
export function passes(rule: Rule, ayes: number, noes: number, abstentions: number, members: number): boolean | null {
  if (rule.kind === 'UNKNOWN') return null;
  if (rule.quorum && ayes + noes + abstentions < rule.quorum) return false;
  switch (rule.kind) {
    case 'MAJORITY_OF_VOTING':
      return ayes === noes ? ayes > 0 && rule.tie === 'PASSES' : ayes > noes;
    case 'MAJORITY_OF_BODY':
      return ayes * 2 > members;
    case 'FRACTION_OF_VOTING':
      return ayes + noes > 0 && ayes * rule.denominator! >= rule.numerator! * (ayes + noes);
    case 'FRACTION_OF_BODY':
      return ayes * rule.denominator! >= rule.numerator! * members;
    case 'ABSOLUTE':
      return ayes >= rule.count!;
  }
}

export type Outlook =
  | { kind: 'unknown-rule' }
  | { kind: 'no-members' }
  | { kind: 'cannot-fail'; firm: number }
  | { kind: 'cannot-pass'; reachable: number }
  | { kind: 'open'; needed: number; uncertain: number };

/**
 * What would settle the vote, from where members stand. Firm: FOR votes aye, AGAINST no,
 * WILL_NOT_VOTE stays away. Uncertain (leaning, undecided, not known) may do anything. The vote can
 * no longer fail when it passes however the uncertain vote (or stay away); it can no longer pass
 * when it fails even if every uncertain member votes aye; otherwise it passes if at least `needed`
 * of the uncertain vote aye and the rest vote no.
 */
export function outlook(rule: Rule, counts: StandCounts): Outlook {
  if (rule.kind === 'UNKNOWN') return { kind: 'unknown-rule' };
  const members = Object.values(counts).reduce((a, b) => a + b, 0);
  if (members === 0) return { kind: 'no-members' };
  const firmFor = counts.FOR;
  const firmAgainst = counts.AGAINST;
  const uncertain = counts.LEANING_FOR + counts.UNDECIDED + counts.LEANING_AGAINST + counts.UNKNOWN;
  const pass = (ayes: number, noes: number) => passes(rule, ayes, noes, 0, members)!;
  if (pass(firmFor, firmAgainst + uncertain) && pass(firmFor, firmAgainst))
    return { kind: 'cannot-fail', firm: firmFor };
  if (!pass(firmFor + uncertain, firmAgainst)) return { kind: 'cannot-pass', reachable: firmFor + uncertain };
  let needed = 0;
  while (needed < uncertain && !pass(firmFor + needed, firmAgainst + uncertain - needed)) needed++;
  return { kind: 'open', needed, uncertain };
}

/** The outlook in words, for the headline. */
export function describeOutlook(o: Outlook): string {
  switch (o.kind) {
    case 'unknown-rule':
      return 'No source says what the vote needs, so the count is shown without pass/fail arithmetic.';
    case 'no-members':
      return 'Who may vote is not known yet.';
    case 'cannot-fail':
      return `It can no longer fail: the ${o.firm} members for it carry it however the rest vote.`;
    case 'cannot-pass':
      return `It can no longer pass: even if every member not firmly against voted for it (${o.reachable}), that would not be enough.`;
    case 'open':
      return `It passes if at least ${o.needed} of the ${o.uncertain} members leaning, undecided or with no known position vote for it (and the rest against).`;
  }
}
