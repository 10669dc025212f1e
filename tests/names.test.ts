import { describe, expect, it } from 'vitest';
import { familyName, normalizeName, parseName, slugify, unsortName } from '../lib/names';

describe('names as sources write them', () => {
  it.each([
    ['Dame Margaret Hodge', 'margaret hodge'],
    ['Sir Keir Starmer KC', 'keir starmer'],
    ['Mr Lammy', 'lammy'],
    ['Diana R. Johnson', 'diana johnson'],
    ['The Rt Hon Yvette Cooper MP', 'yvette cooper'],
    ["Jared O'Mara", 'jared omara'],
    ['  Wes   Streeting ', 'wes streeting'],
    ['Baroness Chakrabarti', 'chakrabarti'],
  ])('normalizes %s to %s', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('keeps the honorific apart', () => {
    expect(parseName('Dame Margaret Hodge')).toEqual({ honorific: 'dame', words: ['margaret', 'hodge'] });
    expect(parseName('Ms Butler').honorific).toBe('ms');
  });

  it('finds the family name and turns sort names around', () => {
    expect(familyName('Mr Lammy')).toBe('lammy');
    expect(familyName('Dame Margaret Hodge')).toBe('hodge');
    expect(unsortName('Hodge, Dame Margaret')).toBe('Dame Margaret Hodge');
    expect(unsortName('Ashworth, Jonathan')).toBe('Jonathan Ashworth');
  });

  it('makes URL-safe slugs', () => {
    expect(slugify('Diana R. Johnson')).toBe('diana-r-johnson');
    expect(slugify('Sinn Féin')).toBe('sinn-fein');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
  });
});

describe('a new person from a written name', () => {
  it('drops styles and post-nominals, keeps titles worth keeping', async () => {
    const { personFromWrittenName } = await import('../lib/names');
    expect(personFromWrittenName('Dame Jane Doe MP')).toEqual({
      name: 'Jane Doe',
      honorific: 'Dame',
      sortName: 'Doe, Jane',
      slugBase: 'jane-doe',
      suggestsLords: false,
    });
    expect(personFromWrittenName('Baroness Smith of Basildon')).toMatchObject({
      name: 'Smith of Basildon',
      honorific: 'Baroness',
      suggestsLords: true,
    });
    expect(personFromWrittenName('Mr Lammy')).toMatchObject({ name: 'Lammy', honorific: null, sortName: 'Lammy' });
  });

  it('drops generational suffixes as Hansard and the press omit them (issue 22)', () => {
    expect(normalizeName('Ian Paisley Jnr')).toBe('ian paisley');
    expect(normalizeName('Ian Paisley Junior')).toBe('ian paisley');
    expect(normalizeName('John Smith Snr')).toBe('john smith');
    expect(familyName('Ian Paisley Jnr')).toBe('paisley');
  });
});
