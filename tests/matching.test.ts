import { beforeAll, describe, expect, it } from 'vitest';
import { matchNames } from '../lib/matching';
import { useDatabase } from './support/database';

beforeAll(async () => {
  await useDatabase({ seeded: true });
});

describe('matching names from the press to the roster', () => {
  it('matches the article’s names, whatever the honorific or the roster’s spelling', async () => {
    const names = [
      'Yvette Cooper',
      'Dame Margaret Hodge',
      'Wes Streeting',
      'David Lammy',
      'Diana Johnson',
      'Sir Keir Starmer',
      'Jonathan Ashworth',
      'Keith Vaz',
      'Tom Watson',
    ];
    const matches = await matchNames(names);
    expect(matches.map((m) => [m.input, m.status, m.person?.name, m.person?.constituency])).toEqual([
      ['Yvette Cooper', 'exact', 'Yvette Cooper', 'Normanton, Pontefract and Castleford'],
      ['Dame Margaret Hodge', 'exact', 'Margaret Hodge', 'Barking'],
      ['Wes Streeting', 'exact', 'Wes Streeting', 'Ilford North'],
      ['David Lammy', 'exact', 'David Lammy', 'Tottenham'],
      ['Diana Johnson', 'exact', 'Diana R. Johnson', 'Kingston upon Hull North'],
      ['Sir Keir Starmer', 'exact', 'Keir Starmer', 'Holborn and St Pancras'],
      ['Jonathan Ashworth', 'alias', 'Jon Ashworth', 'Leicester South'],
      ['Keith Vaz', 'exact', 'Keith Vaz', 'Leicester East'],
      ['Tom Watson', 'exact', 'Tom Watson', 'West Bromwich East'],
    ]);
  });

  it('answers a name given many times (a large import) once per row, in order, as it answers it alone', async () => {
    const names = ['Mr Lammy', 'Yvette Cooper', 'Mr Lammy', 'Nobody Atall', 'Yvette Cooper', 'Mr Lammy'];
    const together = await matchNames(names);
    const alone = await Promise.all(names.map(async (name) => (await matchNames([name]))[0]));
    expect(together.map((m) => m.input)).toEqual(names);
    expect(together).toEqual(alone);
  });

  it('offers a guess, never a match, for a family name alone', async () => {
    const [lammy, butler] = await matchNames(['Mr Lammy', 'Ms Butler']);
    expect(lammy).toMatchObject({ status: 'guess', person: null });
    expect(lammy!.candidates[0]!.person.name).toBe('David Lammy');
    expect(butler).toMatchObject({ status: 'guess', person: null });
    expect(butler!.candidates[0]!.person.name).toBe('Dawn Butler');
  });

  it('flags a name several people share as ambiguous, with every candidate', async () => {
    const [johnson, vaz] = await matchNames(['Mr Johnson', 'Vaz']);
    expect(johnson!.status).toBe('ambiguous');
    expect(johnson!.candidates.map((c) => c.person.name).sort()).toEqual(
      ['Boris Johnson', 'Caroline Johnson', 'Diana R. Johnson', 'Gareth Johnson', 'Jo Johnson'].sort(),
    );
    expect(vaz!.status).toBe('ambiguous');
    expect(vaz!.candidates.map((c) => c.person.name).sort()).toEqual(['Keith Vaz', 'Valerie Vaz']);
  });

  it('lists every candidate but takes none when no first name fits', async () => {
    const [match] = await matchNames(['Jon Cooper']);
    expect(match!.status).toBe('ambiguous');
    expect(match!.person).toBeNull();
    expect(match!.candidates.map((c) => c.person.name).sort()).toEqual([
      'Julie Cooper',
      'Rosie Cooper',
      'Yvette Cooper',
    ]);
  });

  it('says so when nobody matches', async () => {
    const [match] = await matchNames(['Zebedee Quuxley']);
    expect(match).toEqual({ input: 'Zebedee Quuxley', status: 'unmatched', person: null, candidates: [] });
  });
});
