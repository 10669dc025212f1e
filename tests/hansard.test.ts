// Division lists as Hansard prints them.
import { describe, expect, it } from 'vitest';
import { parseDivisionList, proseName } from '../lib/hansard';

const LIST = `Division No. 432]\t[7.15 pm

AYES
Abbott, rh Ms Diane
Cooper, rh Yvette
Hodge, rh Dame
Margaret
Johnson, Diana R.
Davies, Philip
(Shipley)
Long Bailey,
Rebecca
Tellers for the Ayes:
Jeff Smith and
Mike Kane

NOES
Lammy, rh Mr David
Streeting, Wes (Ilford North)
Tellers for the Noes:
Thangam Debbonaire and Nick Smith

Question accordingly agreed to.
`;

describe('a Hansard division list', () => {
  const { entries, problems } = parseDivisionList(LIST);

  it('reads each lobby, joins names broken across lines, keeps seats and drops "rh"', () => {
    expect(problems).toEqual([]);
    expect(entries.filter((e) => !e.teller).map((e) => [e.lobby, e.name, e.constituency, e.line])).toEqual([
      ['AYE', 'Ms Diane Abbott', null, 4],
      ['AYE', 'Yvette Cooper', null, 5],
      ['AYE', 'Dame Margaret Hodge', null, 6],
      ['AYE', 'Diana R. Johnson', null, 8],
      ['AYE', 'Philip Davies', 'Shipley', 9],
      ['AYE', 'Rebecca Long Bailey', null, 11],
      ['NO', 'Mr David Lammy', null, 18],
      ['NO', 'Wes Streeting', 'Ilford North', 19],
    ]);
  });

  it('reads tellers apart, over one line or two', () => {
    expect(entries.filter((e) => e.teller).map((e) => [e.lobby, e.name])).toEqual([
      ['AYE', 'Jeff Smith'],
      ['AYE', 'Mike Kane'],
      ['NO', 'Thangam Debbonaire'],
      ['NO', 'Nick Smith'],
    ]);
  });

  it('says which lines are not names under a heading', () => {
    expect(parseDivisionList('Smith, Jeff\nAYES\nKane, Mike\n').problems).toEqual([
      { line: 1, text: 'Smith, Jeff', reason: 'A name before any “Ayes” or “Noes” heading.' },
    ]);
  });

  it('turns a sorted name into prose', () => {
    expect(proseName('Hodge, rh Dame Margaret (Barking)')).toEqual({
      name: 'Dame Margaret Hodge',
      constituency: 'Barking',
    });
    expect(proseName('Jeff Smith')).toEqual({ name: 'Jeff Smith', constituency: null });
  });

  it('takes a line in "Surname, Forename" form as complete, even when it ends in a style (issue 22)', () => {
    const list = [
      'Ayes',
      'Hermon, Lady',
      'Hinds, Mr Damian',
      'Tellers for the Ayes:',
      'Wendy Morton and',
      'Iain Stewart',
      'Noes',
      'Abbott, Ms Diane',
      'Tellers for the Noes:',
      'Vicky Foxcroft and',
      'Nick Smith',
    ].join('\n');
    const { entries, problems } = parseDivisionList(list);
    expect(problems).toEqual([]);
    expect(entries.filter((e) => !e.teller).map((e) => [e.lobby, e.name, e.line])).toEqual([
      ['AYE', 'Lady Hermon', 2],
      ['AYE', 'Mr Damian Hinds', 3],
      ['NO', 'Ms Diane Abbott', 8],
    ]);
    expect(entries.filter((e) => e.teller)).toHaveLength(4);
    // A style cut from its forename by a column break is still joined to it.
    expect(parseDivisionList('AYES\nBradshaw, rh Mr\nBen\nHinds, Mr Damian\n').entries.map((e) => e.name)).toEqual([
      'Mr Ben Bradshaw',
      'Mr Damian Hinds',
    ]);
  });
});
