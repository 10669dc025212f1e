// Divisions from Parliament's own record, against PostgreSQL: a real Commons division (8 January
// 2019, division 287) imported as the Commons Votes API publishes it, every member matched, the
// result, the table by party and the rebels worked out by hand; hostile and inconsistent files
// refused with where, and nothing written (issue 22).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDivision, houseVoters, listDivisions } from '../lib/divisions';
import { proseName } from '../lib/hansard';
import { matchAmongVoters } from '../lib/matching';
import { importOfficialDivisions } from '../lib/official-divisions';
import { signedInAs, type TestUser } from './support/auth';
import { useDatabase } from './support/database';

const SAMPLE = readFileSync(
  path.join(import.meta.dirname, 'fixtures/votes/commons-votes-division-2019-01-08-287.json'),
  'utf8',
);
type Member = { MemberId: number | null; Name: string; ListAs: string; MemberFrom: string; Party: string };
const sample = () => JSON.parse(SAMPLE) as Record<string, unknown> & { Ayes: Member[]; Noes: Member[] };

let client: pg.Client;
let editor: TestUser;
let viewer: TestUser;
const as = (user: TestUser) => ({ headers: user.headers });
const counts = async () =>
  (
    await client.query(
      `SELECT (SELECT count(*)::int FROM "Division") AS divisions, (SELECT count(*)::int FROM "Ballot") AS ballots,
              (SELECT count(*)::int FROM "PersonIdentifier" WHERE scheme = 'parliament') AS ids`,
    )
  ).rows[0] as { divisions: number; ballots: number; ids: number };

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  editor = await signedInAs('editor');
  viewer = await signedInAs('viewer');
  return () => client.end();
});

describe('names as Hansard and the press write them, among the members on the day', () => {
  it('finds Ian Paisley Jnr and Ed Davey as Hansard writes them, and a seat names its member', async () => {
    const voters = await houseVoters('COMMONS', '2019-01-08');
    const written = [
      'Paisley, Ian',
      'Ian Paisley',
      'Paisley, Ian (North Antrim)',
      'Ed Davey (Kingston and Surbiton)',
      'Rees-Mogg, Mr Jacob',
      'Mr Rees-Mogg',
      'Davey, Ed',
      'Annunziata Rees-Mogg',
      'Paisley, Ian (Belfast East)',
    ];
    const entries = written.map((raw, i) => {
      const { name, constituency } = proseName(raw);
      return { line: i + 1, name, seat: constituency };
    });
    const { matched, problems } = await matchAmongVoters(entries, voters, { sameKey: (e) => String(e.line) });
    expect(matched.map((m) => [m.entry.line, m.person.name])).toEqual([
      [1, 'Ian Paisley Jnr'],
      [2, 'Ian Paisley Jnr'],
      [3, 'Ian Paisley Jnr'],
      [4, 'Edward Davey'],
      [5, 'Jacob Rees-Mogg'],
      [6, 'Jacob Rees-Mogg'],
    ]);
    expect(problems.map((p) => [p.entry.line, p.reason])).toEqual([
      // A short form of the first name without the seat is only a guess.
      [
        7,
        'Only a guess: Edward Davey (Kingston and Surbiton). Write the name as the roster has it, or add the seat in brackets.',
      ],
      [8, 'No person with this name: Jacob Rees-Mogg (North East Somerset) has a different first name.'],
      [9, 'Ian Paisley Jnr sits for North Antrim, not Belfast East.'],
    ]);
  });
});

describe('refusals: a clear reason, nothing written', () => {
  const refused = async (text: string, fileName = 'division.json') => {
    const before = await counts();
    const result = await importOfficialDivisions({ fileName, text }, as(editor));
    expect(result.ok).toBe(false);
    expect(await counts()).toEqual(before);
    return result;
  };

  it('refuses a viewer, and anyone not signed in', async () => {
    await expect(importOfficialDivisions({ fileName: 'd.json', text: SAMPLE }, as(viewer))).rejects.toThrow(/editor/);
    await expect(
      importOfficialDivisions({ fileName: 'd.json', text: SAMPLE }, { headers: new Headers() }),
    ).rejects.toThrow(/sign in/);
  });

  it('refuses malformed JSON, an empty list, a file with no lobbies and a huge file', async () => {
    expect((await refused('{"DivisionId": 5,')).problems[0]).toMatch(/^Not JSON/);
    expect((await refused('[]')).problems).toEqual(['The file holds an empty list: no division in it.']);
    expect((await refused('{"DivisionId": 5}')).problems).toEqual([
      'the division: no lobbies: a Commons division has Ayes and Noes, a Lords division contents and notContents.',
    ]);
    const huge = await refused(`[${' '.repeat(50 * 1024 * 1024)}]`);
    expect(huge.problems[0]).toMatch(/larger than 16 MB/);
  });

  it('refuses counts that disagree with the names, naming the lobby that is short', async () => {
    const d = sample();
    d.AyeCount = 304;
    expect((await refused(JSON.stringify(d))).problems).toEqual([
      'the division: AyeCount is 304 but Ayes names 303 (short by 1).',
    ]);
  });

  it('refuses a member twice and a member in both lobbies, saying where', async () => {
    const d = sample();
    d.Ayes.push(d.Ayes[0]!);
    d.Noes.push(d.Ayes[1]!);
    d.AyeCount = 304;
    d.NoCount = 297;
    expect((await refused(JSON.stringify(d))).problems).toEqual([
      'the division: Ayes[303] (Ms Diane Abbott, MemberId 172) is listed twice: also Ayes[0].',
      'the division: Noes[296] (Debbie Abrahams, MemberId 4212) is in both lobbies: also Ayes[1].',
    ]);
  });

  it('refuses two entries that come to the same person', async () => {
    const d = sample();
    d.Ayes[1] = { ...d.Ayes[0]!, MemberId: 99_003 };
    expect((await refused(JSON.stringify(d))).problems).toEqual([
      'the division: Ayes[1] (Ms Diane Abbott, Hackney North and Stoke Newington) matches no single member on the day: the same member as Ayes[0] (Diane Abbott).',
    ]);
  });

  it('refuses a member who matches no one sitting on the day, or a different person who shares a surname', async () => {
    const d = sample();
    d.Ayes[0] = {
      ...d.Ayes[0]!,
      MemberId: 99_001,
      Name: 'Piers Corbyn',
      ListAs: 'Corbyn, Piers',
      MemberFrom: 'Islington North',
    };
    d.Noes[0] = {
      ...d.Noes[0]!,
      MemberId: 99_002,
      Name: 'Annunziata Rees-Mogg',
      ListAs: 'Rees-Mogg, Annunziata',
      MemberFrom: 'North East Somerset',
    };
    const { problems } = await refused(JSON.stringify(d));
    expect(problems).toEqual([
      'the division: Ayes[0] (Piers Corbyn, Islington North) matches no single member on the day: No person with this name: Jeremy Corbyn (Islington North) has a different first name.',
      'the division: Noes[0] (Annunziata Rees-Mogg, North East Somerset) matches no single member on the day: No person with this name: Jacob Rees-Mogg (North East Somerset) has a different first name.',
    ]);
  });
});

describe('the real division, imported', () => {
  it('matches all 603 members (tellers apart: 303 ayes, 296 noes) and remembers their member ids', async () => {
    const result = await importOfficialDivisions({ fileName: 'division-287.json', text: SAMPLE }, as(editor));
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      message:
        'division-287.json: House of Commons division 287 of 2019-01-08 recorded: 303 ayes, 296 noes (tellers apart).',
      divisions: [{ path: '/divisions/commons/2019-01-08/287', created: true }],
    });
    expect(await counts()).toMatchObject({ divisions: 1, ballots: 603, ids: 603 });
  });

  it('leads with the result: carried by 7, tellers apart, turnout against those who could vote (the Speaker apart)', async () => {
    const d = (await findDivision('COMMONS', '2019-01-08', 287))!;
    expect(d).toMatchObject({
      result: 'carried',
      margin: 7,
      question: 'Finance (No.3) Bill report stage: Amendment 7',
    });
    expect(d.totals).toMatchObject({ ayes: 303, noes: 296, tellers: { ayes: 2, noes: 2 }, mismatch: null });
    expect(d.totals.abstentions).toBeNull();
    const { rows } = await client.query(
      `SELECT count(DISTINCT "personId")::int AS n FROM "Membership" WHERE house = 'COMMONS' AND "startDate" <= '2019-01-08' AND coalesce("endDate", '9999-01-01') >= '2019-01-08'
         AND party <> 'Speaker'`,
    );
    expect(d.eligible).toBe(rows[0].n);
    expect(rows[0].n).toBe(649); // 650 seats on the day, less the Speaker (John Bercow)
    expect(d.turnout).toBeCloseTo(603 / rows[0].n, 6);
    expect(d.warnings).toEqual([]);
    // A Deputy Speaker in the Chair that day does not vote either (a role of the Chair held then).
    const source = (await client.query(`SELECT id FROM "Source" WHERE key = 'sky-2019-06-28-williamson'`)).rows[0].id;
    const role = await client.query(
      `INSERT INTO "Role" ("personId", title, "startedOn", "sourceId", "updatedAt")
       SELECT id, 'Deputy Speaker', '2017-06-28', $1, now() FROM "Person" WHERE slug = 'rosie-winterton' RETURNING id`,
      [source],
    );
    expect((await findDivision('COMMONS', '2019-01-08', 287))!.eligible).toBe(648);
    await client.query(`DELETE FROM "Role" WHERE id = $1`, [role.rows[0].id]);
  });

  it('finds the rebels by the majority of each parliamentary party, worked out from the file', async () => {
    const d = (await findDivision('COMMONS', '2019-01-08', 287))!;
    // By hand from the file: per party (Labour and Labour/Co-operative as one), the majority
    // lobby, and every member in the other one. Parties with no whip (Independent, Speaker) never.
    const file = sample() as Record<string, Member[]>;
    const lobbies = [
      ...['Ayes', 'AyeTellers'].flatMap((k) => file[k]!.map((m) => ({ ...m, vote: 'AYE' }))),
      ...['Noes', 'NoTellers'].flatMap((k) => file[k]!.map((m) => ({ ...m, vote: 'NO' }))),
    ];
    const group = (p: string) => (p === 'Labour (Co-op)' || p === 'Labour/Co-operative' ? 'Labour' : p);
    const tally = new Map<string, { AYE: number; NO: number }>();
    for (const m of lobbies) {
      const t = tally.get(group(m.Party)) ?? { AYE: 0, NO: 0 };
      t[m.vote as 'AYE' | 'NO']++;
      tally.set(group(m.Party), t);
    }
    const expected = lobbies
      .filter((m) => !/^(Independent|Speaker)/.test(m.Party))
      .filter((m) => {
        const t = tally.get(group(m.Party))!;
        return t.AYE !== t.NO && m.vote !== (t.AYE > t.NO ? 'AYE' : 'NO');
      })
      .map((m) => m.MemberId)
      .sort();
    const ids = await client.query(
      `SELECT i.value::int AS id FROM "PersonIdentifier" i WHERE i.scheme = 'parliament' AND i."personId" = ANY($1::int[])`,
      [d.rebels.map((r) => r.personId)],
    );
    expect(ids.rows.map((r) => r.id).sort()).toEqual(expected);
    expect(d.rebels.length).toBe(expected.length);
    // The table by party adds up to the totals.
    expect(d.byParty.reduce((n, p) => n + p.ayes, 0)).toBe(303);
    expect(d.byParty.reduce((n, p) => n + p.noes, 0)).toBe(296);
    expect(d.byParty.reduce((n, p) => n + p.rebels, 0)).toBe(d.rebels.length);
  });

  it('a recorded whip decides who rebels; nobody rebels in a free vote', async () => {
    const { id } = (await findDivision('COMMONS', '2019-01-08', 287))!;
    const source = (await client.query(`SELECT id FROM "Source" WHERE key = 'sky-2019-06-28-williamson'`)).rows[0].id;
    const before = (await findDivision('COMMONS', '2019-01-08', 287))!;
    const conservatives = before.rebels.filter((b) => b.party === 'Conservative').length;
    expect(conservatives).toBeGreaterThan(0);
    await client.query(
      `INSERT INTO "DivisionWhip" ("divisionId", party, whip, "sourceId", "updatedAt") VALUES ($1, 'Conservative', 'FREE', $2, now())`,
      [id, source],
    );
    const after = (await findDivision('COMMONS', '2019-01-08', 287))!;
    expect(after.rebels.filter((b) => b.party === 'Conservative')).toEqual([]);
    expect(after.rebels.length).toBe(before.rebels.length - conservatives);
    expect(after.byParty.find((p) => p.party === 'Conservative')).toMatchObject({
      rebels: 0,
      line: { line: null, basis: 'free vote' },
      whip: { whip: 'FREE' },
    });
    await client.query(`DELETE FROM "DivisionWhip" WHERE "divisionId" = $1`, [id]);
  });

  it('imports the same file again as an update: no duplicates', async () => {
    const result = await importOfficialDivisions({ fileName: 'again.json', text: SAMPLE }, as(editor));
    expect(result).toMatchObject({ ok: true, divisions: [{ created: false }] });
    expect(await counts()).toMatchObject({ divisions: 1, ballots: 603, ids: 603 });
    expect((await listDivisions()).map((d) => [d.path, d.result, d.ayes, d.noes])).toEqual([
      ['/divisions/commons/2019-01-08/287', 'carried', 303, 296],
    ]);
  });

  it('the list says what each division’s page says (one statement for the list, the same rules)', async () => {
    const { getDivision } = await import('../lib/divisions');
    // A stage's vote beside the house's: a PLP vote with a teller and a ballot from a non-member.
    const stage = (
      await client.query(
        `SELECT s.id FROM "Stage" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'plp-motion' AND s.position = 2`,
      )
    ).rows[0].id;
    const source = (await client.query(`SELECT id FROM "Source" WHERE key = 'sky-2019-06-28-williamson'`)).rows[0].id;
    const plp = (
      await client.query(
        `INSERT INTO "Division" ("stageId", question, "heldOn", ayes, noes, "sourceId", "updatedAt") VALUES ($1, 'A PLP vote', '2019-07-08', 2, 1, $2, now()) RETURNING id`,
        [stage, source],
      )
    ).rows[0].id;
    await client.query(
      `INSERT INTO "Ballot" ("divisionId", "personId", vote, teller)
       SELECT $1, id, CASE slug WHEN 'jeremy-corbyn' THEN 'NO' ELSE 'AYE' END::"Vote", slug = 'david-lammy' FROM "Person"
       WHERE slug IN ('yvette-cooper', 'wes-streeting', 'jeremy-corbyn', 'david-lammy', 'jacob-rees-mogg')`,
      [plp],
    );
    // In the house's division: a member in the Chair that day (a Deputy Speaker's role) whose
    // ballot is one from someone who could not vote, and a party changed on the day itself.
    const abbott = (await client.query(`SELECT id FROM "Person" WHERE slug = 'diane-abbott'`)).rows[0].id;
    const role = (
      await client.query(
        `INSERT INTO "Role" ("personId", title, "heldOn", "sourceId", "updatedAt") VALUES ($1, 'Deputy Speaker', '2019-01-08', $2, now()) RETURNING id`,
        [abbott, source],
      )
    ).rows[0].id;
    const umunna = (await client.query(`SELECT id FROM "Person" WHERE slug = 'chuka-umunna'`)).rows[0].id;
    await client.query(`UPDATE "Membership" SET "endDate" = '2019-01-07' WHERE "personId" = $1`, [umunna]);
    const stint = (
      await client.query(
        `INSERT INTO "Membership" ("personId", house, party, constituency, "startDate", "endDate", "sourceId")
         SELECT "personId", house, 'Independent', constituency, '2019-01-08', NULL, "sourceId" FROM "Membership" WHERE "personId" = $1 RETURNING id`,
        [umunna],
      )
    ).rows[0].id;
    const list = await listDivisions();
    expect(list).toHaveLength(2);
    const house = list.find((d) => d.id !== plp)!;
    expect(house.warnings).toBe(1);
    expect((await getDivision(house.id))!.ballots.find((b) => b.personId === umunna)).toMatchObject({
      party: 'Independent',
      eligible: true,
    });
    for (const summary of list) {
      const page = (await getDivision(summary.id))!;
      expect(summary).toMatchObject({
        path: page.path,
        ayes: page.totals.ayes,
        noes: page.totals.noes,
        result: page.result,
        margin: page.margin,
        turnout: page.turnout,
        rebels: page.rebels.length,
        warnings: page.warnings.length,
      });
      expect(summary.rebelIds.sort()).toEqual(page.rebels.map((r) => r.personId).sort());
    }
    // The PLP vote: Rees-Mogg is no Labour MP (a warning); its totals disagree with the names.
    expect(list.find((d) => d.id === plp)).toMatchObject({ ayes: 2, noes: 1, warnings: 2 });
    await client.query(`DELETE FROM "Division" WHERE id = $1`, [plp]);
    await client.query(`DELETE FROM "Role" WHERE id = $1`, [role]);
    await client.query(`DELETE FROM "Membership" WHERE id = $1`, [stint]);
    await client.query(`UPDATE "Membership" SET "endDate" = NULL WHERE "personId" = $1`, [umunna]);
  });

  it('its ballots CSV imports back as the ballots of a division, to the same result and rebels', async () => {
    const { ballotsCsv } = await import('../lib/divisions');
    const { createImportJob, getImportJob, runImportJob } = await import('../lib/import/jobs');
    const d = (await findDivision('COMMONS', '2019-01-08', 287))!;
    const copy = (
      await client.query(
        `INSERT INTO "Division" (house, number, "heldOn", question, ayes, noes, "sourceId", "updatedAt")
         VALUES ('COMMONS', 9999, '2019-01-08', 'A copy', 303, 296, (SELECT "sourceId" FROM "Division" WHERE id = $1), now()) RETURNING id`,
        [d.id],
      )
    ).rows[0].id;
    const id = await createImportJob(
      { kind: 'ballots', fileName: 'ballots.csv', bytes: new TextEncoder().encode(ballotsCsv(d)), divisionId: copy },
      as(editor),
    );
    expect((await getImportJob(id, as(editor)))!.errors).toEqual([]);
    expect(await runImportJob(id, { skipInvalid: false }, as(editor))).toMatchObject({ ok: true });
    const again = (await findDivision('COMMONS', '2019-01-08', 9999))!;
    expect(again.totals).toEqual(d.totals);
    expect(again.rebels.map((r) => r.slug)).toEqual(d.rebels.map((r) => r.slug));
    await client.query(`DELETE FROM "Division" WHERE id = $1`, [copy]);
  });

  it('takes camelCase as the API also serves it, and matches by member id once known', async () => {
    const camel = SAMPLE.replace(/"([A-Z])([A-Za-z]*)":/g, (_, a: string, b: string) => `"${a.toLowerCase()}${b}":`);
    const d = JSON.parse(camel) as { ayes: { name: string; listAs: string }[] };
    // A name the roster has never heard of, but Parliament's id is now known.
    d.ayes[0]!.name = 'Someone Else Entirely';
    d.ayes[0]!.listAs = 'Else, Someone';
    const result = await importOfficialDivisions({ fileName: 'camel.json', text: JSON.stringify(d) }, as(editor));
    expect(result.problems).toEqual([]);
    expect(await counts()).toMatchObject({ divisions: 1, ballots: 603 });
  });
});
