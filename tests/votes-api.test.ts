// Reading the Votes APIs' division JSON: both houses, both spellings of field names, and every way
// a file can be wrong said with where (issue 22). Pure: no database.
import { describe, expect, it } from 'vitest';
import { readOfficialDivisions } from '../lib/votes-api';
import { dayOfDateTime } from '../lib/validation';

const member = (id: number, name: string, listAs: string) => ({
  memberId: id,
  name,
  listAs,
  party: 'Crossbench',
  memberFrom: 'Life peer',
});
const lords = {
  divisionId: 2871,
  date: '2022-10-12T17:05:00',
  number: 1,
  title: 'Procurement Bill [HL]: Amendment 1',
  memberContentCount: 2,
  memberNotContentCount: 1,
  isWhipped: true,
  contents: [member(1, 'Lord A', 'A, Lord'), member(2, 'Baroness B', 'B, Baroness')],
  notContents: [member(3, 'Lord C', 'C, Lord')],
  contentTellers: [member(4, 'Lord D', 'D, Lord')],
  notContentTellers: [member(5, 'Baroness E', 'E, Baroness')],
};

describe('the Votes APIs’ division JSON', () => {
  it('reads a Lords division: contents are ayes, not-contents noes, tellers apart', () => {
    const { divisions, problems } = readOfficialDivisions(JSON.stringify(lords));
    expect(problems).toEqual([]);
    expect(divisions).toHaveLength(1);
    const [d] = divisions;
    expect(d).toMatchObject({
      house: 'LORDS',
      externalId: '2871',
      date: '2022-10-12',
      number: 1,
      ayeCount: 2,
      noCount: 1,
    });
    expect(d!.members.map((m) => [m.at, m.lobby, m.teller])).toEqual([
      ['contents[0]', 'AYE', false],
      ['contents[1]', 'AYE', false],
      ['notContents[0]', 'NO', false],
      ['contentTellers[0]', 'AYE', true],
      ['notContentTellers[0]', 'NO', true],
    ]);
  });

  it('reads a list of divisions, and says which one is wrong and where', () => {
    const bad = { ...lords, divisionId: 2872, number: 0, memberNotContentCount: 3, date: '2022-02-30' };
    const { divisions, problems } = readOfficialDivisions(JSON.stringify([lords, bad, lords]));
    expect(divisions).toEqual([]);
    expect(problems).toEqual([
      'division 2 of 3: Date is missing or not a date (YYYY-MM-DD…).',
      'division 2 of 3: Number is missing or not a positive whole number.',
      'division 2 of 3: memberNotContentCount is 3 but notContents names 1 (short by 2).',
      'division 3 of 3: the same division as division 1 of 3 (DivisionId 2871).',
    ]);
  });

  it('ignores fields it does not know, and refuses wrong types and control characters', () => {
    const odd = {
      ...lords,
      somethingNew: { nested: true },
      contents: [
        { ...member(1, 'Lord A', 'A, Lord'), extra: 1 },
        { memberId: 'x', name: 'Lord Z' },
        'nobody',
        { memberId: 9, name: 'Lord \u0000Null' },
      ],
    };
    const { problems } = readOfficialDivisions(JSON.stringify(odd));
    expect(problems).toEqual([
      'the division: contents[1].MemberId is not a positive whole number.',
      'the division: contents[2] is not a member.',
      'the division: contents[3].Name is not text of at most 200 characters.',
      'the division: memberContentCount is 2 but contents names 1 (short by 1).',
    ]);
  });

  it('says what is not JSON, and what is not a division', () => {
    expect(readOfficialDivisions('not json').problems[0]).toMatch(/^Not JSON: /);
    expect(readOfficialDivisions('42').problems).toEqual([
      'the division: not a division (expected an object with DivisionId, Date, Number, Ayes, Noes …).',
    ]);
    expect(readOfficialDivisions(JSON.stringify({ ...lords, Ayes: [] })).problems).toEqual([
      'the division: it has both Commons (Ayes, Noes) and Lords (contents, notContents) lobbies.',
    ]);
  });
});

describe('the day of an API date-time', () => {
  it('is read by the one date rule, with or without a time and zone', () => {
    expect(dayOfDateTime('2019-06-27T00:00:00')).toBe('2019-06-27');
    expect(dayOfDateTime('2019-06-27T19:15:00+01:00')).toBe('2019-06-27');
    expect(dayOfDateTime('2019-06-27')).toBe('2019-06-27');
    expect(dayOfDateTime('2019-02-30T00:00:00')).toBeNull();
    expect(dayOfDateTime('27/06/2019')).toBeNull();
  });
});
