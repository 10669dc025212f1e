// A division's outcome, its rebels and its totals against the names: one rule, worked by hand (issue 22).
import { describe, expect, it } from 'vitest';
import {
  divisionResult,
  divisionTotals,
  HOUSE_RULE,
  lobbyShortfall,
  namedInLobbies,
  partyLines,
  rebels,
} from '../lib/division-outcome';

const ballot = (party: string | null, vote: 'AYE' | 'NO' | 'ABSTAIN', teller = false) => ({ party, vote, teller });

describe('a division’s totals', () => {
  it('counts tellers apart, whatever the ballots say (the campaign page once counted them)', () => {
    const totals = divisionTotals({ ayes: null, noes: null, abstentions: null }, [
      ballot('A', 'AYE'),
      ballot('A', 'AYE'),
      ballot('A', 'AYE', true),
      ballot('B', 'NO'),
      ballot('B', 'NO', true),
      ballot('B', 'NO', true),
    ]);
    expect(totals).toMatchObject({ ayes: 2, noes: 1, fromBallots: true, namedBallots: 6, mismatch: null });
    expect(totals.tellers).toEqual({ ayes: 1, noes: 2 });
    // Nobody recorded an abstention: that is not "0 abstentions".
    expect(totals.abstentions).toBeNull();
    expect(divisionResult(totals, null, 10)).toBe('carried');
  });

  it('names the lobby whose names do not add up to its announced total', () => {
    const totals = divisionTotals({ ayes: 202, noes: 1, abstentions: null }, [ballot('A', 'AYE'), ballot('A', 'NO')]);
    expect(totals.mismatch).toBe(
      'The recorded totals (202 ayes, 1 noes, tellers apart) differ from the named ballots: the ayes name 1 of 202 announced (201 names missing).',
    );
    expect(lobbyShortfall({ ayes: 3, noes: 2 }, { ayes: 3, noes: 4 })).toBe(
      'the noes name 4 of 2 announced (2 names too many)',
    );
    expect(lobbyShortfall({ ayes: 3, noes: null }, { ayes: 3, noes: 4 })).toBeNull();
  });

  it('says a tie in a house is a tie, and a stage’s unknown rule is not known', () => {
    const tie = divisionTotals({ ayes: 5, noes: 5, abstentions: null }, []);
    expect(divisionResult(tie, null, 650)).toBe('tied');
    expect(divisionResult(tie, HOUSE_RULE, 650)).toBe('not carried');
    expect(divisionResult(tie, { ...HOUSE_RULE, kind: 'UNKNOWN' }, 650)).toBe('rule not known');
    expect(divisionResult(divisionTotals({ ayes: 0, noes: 0, abstentions: null }, []), null, 650)).toBe('no votes');
  });
});

describe('rebels', () => {
  it('members with no party whip never rebel, however many of them vote together', () => {
    // Three independents: two aye, one no. The Speaker's party and crossbenchers likewise.
    const ballots = [
      ballot('Independent', 'AYE'),
      ballot('Independent', 'AYE'),
      ballot('Independent', 'NO'),
      ballot('Speaker', 'NO'),
      ballot('Crossbench', 'AYE'),
      ballot('Crossbench', 'AYE'),
      ballot('Crossbench', 'NO'),
    ];
    expect(rebels(ballots)).toEqual([]);
  });

  it('a parliamentary party’s member parties are one party for majorities', () => {
    // Labour 3 aye, Labour/Co-operative 2 no: apart, each holds its own majority and nobody rebels;
    // as one party (the PLP), 3 aye against 2 no: the two Co-operative noes rebel.
    const ballots = [
      { ...ballot('Labour', 'AYE'), id: 1 },
      { ...ballot('Labour', 'AYE'), id: 2 },
      { ...ballot('Labour', 'AYE', true), id: 3 },
      { ...ballot('Labour/Co-operative', 'NO'), id: 4 },
      { ...ballot('Labour/Co-operative', 'NO'), id: 5 },
    ];
    expect(rebels(ballots)).toEqual([]);
    const groupOf = (p: string) => (p === 'Labour/Co-operative' ? 'Labour' : p);
    expect(rebels(ballots, { groupOf }).map((b) => b.id)).toEqual([4, 5]);
  });

  it('a recorded whip decides; a free vote has no rebels', () => {
    // Party A splits 2 aye / 3 no under a whip to vote aye: the three noes rebel, not the two ayes.
    const ballots = [
      { ...ballot('A', 'AYE'), id: 1 },
      { ...ballot('A', 'AYE'), id: 2 },
      { ...ballot('A', 'NO'), id: 3 },
      { ...ballot('A', 'NO'), id: 4 },
      { ...ballot('A', 'NO'), id: 5 },
      { ...ballot('B', 'AYE'), id: 6 },
      { ...ballot('B', 'NO'), id: 7 },
      { ...ballot('B', 'NO'), id: 8 },
    ];
    expect(rebels(ballots).map((b) => b.id)).toEqual([1, 2, 6]);
    const whips = [
      { party: 'A', whip: 'AYE' as const },
      { party: 'B', whip: 'FREE' as const },
    ];
    expect(rebels(ballots, { whips }).map((b) => b.id)).toEqual([3, 4, 5]);
    expect(partyLines(ballots, { whips })).toEqual(
      new Map([
        ['A', { line: 'AYE', basis: 'whip' }],
        ['B', { line: null, basis: 'free vote' }],
      ]),
    );
  });
});

describe('names counted in each lobby (issue 25: one rule for totals, files, lists and imports)', () => {
  it('counts ayes and noes, tellers apart, abstentions and the unvoted in neither', () => {
    const members = [
      { vote: 'AYE', teller: false },
      { vote: 'AYE', teller: true },
      { vote: 'NO', teller: false },
      { vote: 'NO', teller: false },
      { vote: 'NO', teller: true },
      { vote: 'ABSTAIN', teller: false },
      { vote: null, teller: false },
    ];
    expect(
      namedInLobbies(
        members,
        (m) => m.vote,
        (m) => m.teller,
      ),
    ).toEqual({ ayes: 1, noes: 2 });
    expect(
      namedInLobbies(
        members,
        (m) => m.vote,
        (m) => !m.teller,
      ),
    ).toEqual({ ayes: 1, noes: 1 });
  });
});
