// Members' histories from Parliament's Members API as a roster source (issue 22 §2): the pure
// reader (stints split where the party changes, any field case, `{ value }` wrappers, problems
// with where) and the import against PostgreSQL (found by id or by name and seat, new members
// created, the record's stints replacing older sources' for the periods it covers, refusals that
// write nothing). The histories below are laid out as the API publishes them; member ids and
// party dates are illustrative, written for these tests (no real API file is stored here).
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMemberHistories } from '../lib/members-api';
import { importOfficialDivisions } from '../lib/official-divisions';
import { signedInAs, type TestUser } from './support/auth';
import { useDatabase } from './support/database';

const party = (name: string, startDate: string, endDate: string | null = null) => ({
  house: 1,
  startDate: `${startDate}T00:00:00`,
  endDate: endDate ? `${endDate}T00:00:00` : null,
  party: { id: 1, name, abbreviation: name.slice(0, 3) },
});
const seat = (membershipFrom: string, start: string, end: string | null = null) => ({
  membershipFrom,
  membershipFromId: 1,
  house: 1,
  membershipStartDate: `${start}T00:00:00`,
  membershipEndDate: end ? `${end}T00:00:00` : null,
});
const history = (
  id: number,
  displayAs: string,
  listAs: string,
  seats: ReturnType<typeof seat>[],
  parties: ReturnType<typeof party>[],
) => ({
  value: {
    id,
    nameHistory: [{ nameDisplayAs: displayAs, nameListAs: listAs, startDate: '1987-06-11T00:00:00', endDate: null }],
    partyHistory: parties,
    houseMembershipHistory: seats,
  },
  links: [],
});
// Whip withdrawn 2019-02-27, restored 2019-06-26, withdrawn again 2019-06-28: newer than the roster.
const WILLIAMSON = history(
  9001,
  'Chris Williamson',
  'Williamson, Chris',
  [seat('Derby North', '2017-06-08', '2019-11-06')],
  [
    party('Labour', '2017-06-08', '2019-02-26'),
    party('Independent', '2019-02-27', '2019-06-25'),
    party('Labour', '2019-06-26', '2019-06-27'),
    party('Independent', '2019-06-28', '2019-11-06'),
  ],
);
const ABBOTT = history(
  9002,
  'Ms Diane Abbott',
  'Abbott, Ms Diane',
  [seat('Hackney North and Stoke Newington', '2017-06-08', '2019-11-06')],
  [party('Labour', '2017-06-08', '2019-11-06')],
);
// Elected after the roster's term: nobody of that name sat then, so a new person.
const NEWCOMER = history(
  9003,
  'Ms Newly Elected',
  'Elected, Ms Newly',
  [seat('Somewhere New', '2019-12-12')],
  [party('Labour', '2019-12-12')],
);

describe('reading a Members API history', () => {
  it('splits each membership where the party changes, in any field case, wrapped in value or not', () => {
    const read = readMemberHistories([
      WILLIAMSON,
      JSON.parse(JSON.stringify(ABBOTT.value).replace(/"(\w)/g, (_, c: string) => `"${c.toUpperCase()}`)),
    ]);
    expect(read.problems).toEqual([]);
    expect(read.members[0]!.stints).toEqual([
      { house: 'COMMONS', seat: 'Derby North', party: 'Labour', start: '2017-06-08', end: '2019-02-26' },
      { house: 'COMMONS', seat: 'Derby North', party: 'Independent', start: '2019-02-27', end: '2019-06-25' },
      { house: 'COMMONS', seat: 'Derby North', party: 'Labour', start: '2019-06-26', end: '2019-06-27' },
      { house: 'COMMONS', seat: 'Derby North', party: 'Independent', start: '2019-06-28', end: '2019-11-06' },
    ]);
    expect(read.members[1]).toMatchObject({ memberId: 9002, displayAs: 'Ms Diane Abbott', listAs: 'Abbott, Ms Diane' });
  });

  it('a period with no party recorded is a stint without one, not a gap', () => {
    const read = readMemberHistories(
      history(1, 'A B', 'B, A', [seat('X', '2017-06-08', '2017-12-31')], [party('Green', '2017-09-01')]),
    );
    expect(read.members[0]!.stints.map((s) => [s.party, s.start, s.end])).toEqual([
      [null, '2017-06-08', '2017-08-31'],
      ['Green', '2017-09-01', '2017-12-31'],
    ]);
  });

  it('says where a history is wrong, and reads none of the file', () => {
    const bad = [
      history(5, 'A B', 'B, A', [seat('X', '2017-06-08')], [party('Green', '2017-06-08'), party('Red', '2018-01-01')]),
      { value: { id: 'x', houseMembershipHistory: [] } },
      history(6, 'C D', 'D, C', [{ ...seat('Y', '2017-06-08'), membershipStartDate: '2019-13-45' }], []),
      history(5, 'A B', 'B, A', [seat('X', '2017-06-08')], []),
    ];
    const read = readMemberHistories(bad);
    expect(read.members).toEqual([]);
    expect(read.problems).toEqual([
      'member 1 of 4 (MemberId 5): two parties at once (Green and Red from 2018-01-01).',
      'member 2 of 4: id is missing or not a member id.',
      'member 3 of 4 (MemberId 6): houseMembershipHistory[0] needs house (1 or 2), membershipStartDate (a date), and membershipEndDate a date or null.',
    ]);
  });
  it('names the field that holds control characters or is too long, and what is wrong with it', () => {
    const read = readMemberHistories([
      history(7, 'E\u0007F', 'F, E', [seat('Z', '2017-06-08')], [party('Labour', '2017-06-08')]),
      history(8, 'G H', 'H, G', [seat('W', '2017-06-08')], [party('L'.repeat(500), '2017-06-08')]),
    ]);
    expect(read.members).toEqual([]);
    expect(read.problems).toEqual([
      'member 1 of 2 (MemberId 7): nameHistory[0].nameDisplayAs holds control characters or a line break.',
      expect.stringMatching(
        /^member 2 of 2 \(MemberId 8\): partyHistory\[0\]\.party\.name is longer than [\d,]+ characters\.$/,
      ),
    ]);
  });
});

describe('importing histories', () => {
  let client: pg.Client;
  let editor: TestUser;
  const stints = async (slug: string) =>
    (
      await client.query(
        `SELECT m.party, to_char(m."startDate", 'YYYY-MM-DD') AS start, to_char(m."endDate", 'YYYY-MM-DD') AS end, t.name AS term
         FROM "Membership" m JOIN "Person" p ON p.id = m."personId" LEFT JOIN "Term" t ON t.id = m."termId"
         WHERE p.slug = $1 ORDER BY m."startDate"`,
        [slug],
      )
    ).rows;
  const total = async () =>
    (
      await client.query(
        `SELECT (SELECT count(*)::int FROM "Person") AS people, (SELECT count(*)::int FROM "Membership") AS stints,
                (SELECT count(*)::int FROM "PersonIdentifier") AS ids, (SELECT count(*)::int FROM "Source") AS sources`,
      )
    ).rows[0];
  const load = (data: unknown, fileName = 'history.json') =>
    importOfficialDivisions({ fileName, text: JSON.stringify(data) }, { headers: editor.headers });

  beforeAll(async () => {
    client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
    await client.connect();
    editor = await signedInAs('editor');
    return () => client.end();
  });

  it('refuses a history whose name fits no one but whose seat is someone else’s, writing nothing', async () => {
    const before = await total();
    const result = await load([
      ABBOTT,
      history(9009, 'Mr Piers Corbyn', 'Corbyn, Mr Piers', [seat('Islington North', '2017-06-08', '2019-11-06')], []),
    ]);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'member 2 of 2 (MemberId 9009) (Mr Piers Corbyn, Islington North): no one of this name sat then, yet the roster has another member for Islington North. No person with this name: Jeremy Corbyn (Islington North) has a different first name.',
    ]);
    expect(await total()).toEqual(before);
  });

  it('party on the day comes from the record, newer than the roster; new members are created; ids remembered', async () => {
    expect(await stints('chris-williamson')).toEqual([
      { party: 'Labour', start: '2017-06-08', end: '2019-11-06', term: '57' },
    ]);
    const result = await load([WILLIAMSON, ABBOTT, NEWCOMER]);
    expect(result).toMatchObject({
      ok: true,
      message:
        'history.json: 3 member histories: 1 new people, 6 stints from the record, replacing 2 from other sources.',
    });
    expect(await stints('chris-williamson')).toEqual([
      { party: 'Labour', start: '2017-06-08', end: '2019-02-26', term: '57' },
      { party: 'Independent', start: '2019-02-27', end: '2019-06-25', term: '57' },
      { party: 'Labour', start: '2019-06-26', end: '2019-06-27', term: '57' },
      { party: 'Independent', start: '2019-06-28', end: '2019-11-06', term: '57' },
    ]);
    expect(await stints('newly-elected')).toEqual([{ party: 'Labour', start: '2019-12-12', end: null, term: null }]);
    const ids = await client.query(
      `SELECT p.slug, i.value FROM "PersonIdentifier" i JOIN "Person" p ON p.id = i."personId" WHERE i.scheme = 'parliament' ORDER BY 2`,
    );
    expect(ids.rows).toEqual([
      { slug: 'chris-williamson', value: '9001' },
      { slug: 'diane-abbott', value: '9002' },
      { slug: 'newly-elected', value: '9003' },
    ]);
  });

  it('refuses a history whose member id differs from the one its namesake already carries', async () => {
    const before = await total();
    const other = structuredClone(WILLIAMSON);
    other.value.id = 9100;
    const result = await load([other], 'other-id.json');
    expect(result.problems).toEqual([
      "the member (MemberId 9100) (Chris Williamson) matches Chris Williamson by name, who is Parliament's member 9001.",
    ]);
    expect(await total()).toEqual(before);
  });

  it('the same file again changes nothing but its stints’ rows; a renamed member is found by id', async () => {
    const before = await total();
    expect(await load([WILLIAMSON, ABBOTT, NEWCOMER], 'again.json')).toMatchObject({ ok: true });
    expect(await total()).toEqual(before);
    const renamed = structuredClone(ABBOTT);
    renamed.value.nameHistory[0]!.nameDisplayAs = 'Rt Hon Diane Abbott';
    expect(await load([renamed], 'renamed.json')).toMatchObject({ ok: true });
    expect(await stints('diane-abbott')).toHaveLength(1);
  });
});
