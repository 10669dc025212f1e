// The whip count's arithmetic, checked against cases worked by hand.
import { describe, expect, it } from 'vitest';
import { forecastResult, scoreForecasts } from '../lib/division-outcome';
import {
  emptyCounts,
  outlook,
  passes,
  type Rule,
  SPECTRUM,
  STAND_ORDER,
  STANDS,
  type StandCounts,
} from '../lib/decision-rule';
import { Stand } from '../lib/generated/prisma/enums';
import { rebels } from '../lib/division-outcome';

const rule = (kind: Rule['kind'], extra: Partial<Rule> = {}): Rule => ({
  kind,
  numerator: null,
  denominator: null,
  count: null,
  quorum: null,
  tie: 'FAILS',
  ...extra,
});
const counts = (c: Partial<StandCounts>): StandCounts => ({ ...emptyCounts(), ...c });

describe('whether a vote passes', () => {
  it('a majority of those voting: more ayes than noes; abstentions count for neither; a tie as the rule says', () => {
    expect(passes(rule('MAJORITY_OF_VOTING'), 10, 9, 50, 100)).toBe(true);
    expect(passes(rule('MAJORITY_OF_VOTING'), 10, 10, 0, 100)).toBe(false);
    expect(passes(rule('MAJORITY_OF_VOTING', { tie: 'PASSES' }), 10, 10, 0, 100)).toBe(true);
    expect(passes(rule('MAJORITY_OF_VOTING', { tie: 'PASSES' }), 0, 0, 5, 100)).toBe(false); // nobody voted aye
  });
  it('a majority of the whole body needs more than half of all members, however many vote', () => {
    expect(passes(rule('MAJORITY_OF_BODY'), 50, 0, 0, 100)).toBe(false);
    expect(passes(rule('MAJORITY_OF_BODY'), 51, 49, 0, 100)).toBe(true);
    expect(passes(rule('MAJORITY_OF_BODY'), 50, 0, 0, 99)).toBe(true);
  });
  it('two thirds of those voting, and of the body', () => {
    const twoThirds = { numerator: 2, denominator: 3 };
    expect(passes(rule('FRACTION_OF_VOTING', twoThirds), 20, 10, 7, 100)).toBe(true); // exactly 2/3
    expect(passes(rule('FRACTION_OF_VOTING', twoThirds), 19, 10, 0, 100)).toBe(false);
    expect(passes(rule('FRACTION_OF_BODY', twoThirds), 66, 0, 0, 100)).toBe(false);
    expect(passes(rule('FRACTION_OF_BODY', twoThirds), 67, 0, 0, 100)).toBe(true);
  });
  it('an absolute number of ayes; a quorum counts ayes, noes and abstentions', () => {
    expect(passes(rule('ABSOLUTE', { count: 27 }), 27, 100, 0, 300)).toBe(true);
    expect(passes(rule('MAJORITY_OF_VOTING', { quorum: 40 }), 20, 10, 9, 100)).toBe(false);
    expect(passes(rule('MAJORITY_OF_VOTING', { quorum: 40 }), 20, 10, 10, 100)).toBe(true);
  });
  it('an unknown rule answers nothing', () => {
    expect(passes(rule('UNKNOWN'), 100, 0, 0, 100)).toBeNull();
    expect(outlook(rule('UNKNOWN'), counts({ FOR: 100 }))).toEqual({ kind: 'unknown-rule' });
  });
});

describe('what would settle it', () => {
  it('needs a number of the uncertain, leaning members counted as uncertain', () => {
    // 100 members: 40 for, 20 against, 30 not known, 5 leaning for, 5 undecided. A majority of
    // those voting: with all 40 uncertain voting, ayes must beat noes: 40 + k > 20 + (40 - k) → k ≥ 11.
    expect(
      outlook(rule('MAJORITY_OF_VOTING'), counts({ FOR: 40, AGAINST: 20, UNKNOWN: 30, LEANING_FOR: 5, UNDECIDED: 5 })),
    ).toEqual({ kind: 'open', needed: 11, uncertain: 40 });
  });
  it('can no longer fail when the firm ayes carry it however the rest vote', () => {
    expect(outlook(rule('MAJORITY_OF_BODY'), counts({ FOR: 51, UNKNOWN: 49 }))).toEqual({
      kind: 'cannot-fail',
      firm: 51,
    });
    // Members who will not vote cannot help the noes.
    expect(
      outlook(rule('MAJORITY_OF_VOTING'), counts({ FOR: 30, AGAINST: 10, WILL_NOT_VOTE: 25, UNKNOWN: 19 })),
    ).toEqual({ kind: 'cannot-fail', firm: 30 });
  });
  it('can no longer pass when even every uncertain aye is not enough', () => {
    expect(
      outlook(
        rule('FRACTION_OF_BODY', { numerator: 2, denominator: 3 }),
        counts({ FOR: 30, UNKNOWN: 30, AGAINST: 40 }),
      ),
    ).toEqual({ kind: 'cannot-pass', reachable: 60 });
  });
  it('counts members who left before the vote nowhere: they are not in the counts at all', () => {
    // A body of 10 on the vote day (two left before it): 6 for carry a majority of the body.
    expect(outlook(rule('MAJORITY_OF_BODY'), counts({ FOR: 6, UNKNOWN: 4 }))).toEqual({ kind: 'cannot-fail', firm: 6 });
  });
  it('a quorum the members who may still vote cannot reach means it cannot pass', () => {
    expect(
      outlook(rule('MAJORITY_OF_VOTING', { quorum: 50 }), counts({ FOR: 20, UNKNOWN: 20, WILL_NOT_VOTE: 60 })).kind,
    ).toBe('cannot-pass');
  });
});

describe('after the vote', () => {
  it('a forecast held, switched, or the member did not vote', () => {
    expect(forecastResult('FOR', 'AYE')).toBe('held');
    expect(forecastResult('LEANING_AGAINST', 'AYE')).toBe('switched');
    expect(forecastResult('AGAINST', null)).toBe('did-not-vote');
    expect(forecastResult('WILL_NOT_VOTE', null)).toBe('held');
    expect(forecastResult('UNDECIDED', 'NO')).toBe('no-forecast');
    expect(forecastResult(null, 'NO')).toBe('no-forecast');
  });
  it('the count before the vote is scored over the members who had a forecast', () => {
    const scored = scoreForecasts([
      { forecast: 'FOR', vote: 'AYE' },
      { forecast: 'AGAINST', vote: 'AYE' },
      { forecast: 'LEANING_FOR', vote: null },
      { forecast: 'UNDECIDED', vote: 'NO' },
      { forecast: null, vote: null },
    ]);
    expect(scored).toEqual({ held: 1, switched: 1, didNotVote: 1, heldShare: 1 / 3 });
    expect(scoreForecasts([{ forecast: null, vote: 'AYE' }]).heldShare).toBeNull();
  });
  it('rebels vote against the majority of their own party; an even split has none', () => {
    // Worked by hand: A party 3 aye / 1 no → the no rebels. B party 1 aye / 1 no → no majority.
    // C party abstainer is no rebel.
    const ballots = [
      { id: 1, party: 'A', vote: 'AYE' as const },
      { id: 2, party: 'A', vote: 'AYE' as const },
      { id: 3, party: 'A', vote: 'AYE' as const },
      { id: 4, party: 'A', vote: 'NO' as const },
      { id: 5, party: 'B', vote: 'AYE' as const },
      { id: 6, party: 'B', vote: 'NO' as const },
      { id: 7, party: 'C', vote: 'NO' as const },
      { id: 8, party: 'C', vote: 'ABSTAIN' as const },
      { id: 9, party: null, vote: 'AYE' as const },
    ];
    expect(rebels(ballots).map((b) => b.id)).toEqual([4]);
  });
});

describe('the one list of positions (issue 25)', () => {
  it('is the schema’s positions, in order for to against, "not known" counted last and charted between the sides', () => {
    expect([...STAND_ORDER].sort()).toEqual(Object.values(Stand).sort());
    expect(STANDS).toEqual([...STAND_ORDER, 'UNKNOWN']);
    expect([...SPECTRUM].sort()).toEqual([...STANDS].sort());
    expect(SPECTRUM.indexOf('UNKNOWN')).toBe(STAND_ORDER.indexOf('UNDECIDED') + 1);
    expect(Object.keys(emptyCounts())).toEqual(STANDS);
  });
});
