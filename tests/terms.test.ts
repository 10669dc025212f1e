// Terms and dated stints (issue "Memberships over time"): rosters of several Parliaments kept
// apart, re-imports that change nothing, current party from the latest stint, and party and
// eligibility as on the day. Rosters are written here, small; no second real roster file.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCampaign } from '../lib/campaigns';
import { createImportJob, discardImportJob, getImportJob, runImportJob } from '../lib/import/jobs';
import { saveRecord } from '../lib/admin/store';
import { listSignatures, signatureQuerySchema } from '../lib/signatures';
import { signedInAs, type TestUser } from './support/auth';
import { useDatabase } from './support/database';

let client: pg.Client;
let editor: TestUser;
let sourceId: number;

const HEADER = 'id,name,sort_name,group,area,chamber,term,start_date,end_date';
// Term 56 (2015–17) and term 57 (2017–19): A sat in both for the same party; B in both, Labour in 56
// then Independent in 57; C only in 57, whip withdrawn mid-term and restored.
const TERM_56 = `${HEADER}
a,Ann Alpha,"Alpha, Ann",Labour,Aton,House of Commons,56,,
b,Bob Beta,"Beta, Bob",Labour,Bton,House of Commons,56,,
`;
const TERM_57 = `${HEADER}
a,Ann Alpha,"Alpha, Ann",Labour,Aton,House of Commons,57,,
b,Bob Beta,"Beta, Bob",Independent,Bton,House of Commons,57,,
c,Cat Gamma,"Gamma, Cat",Labour,Cton,House of Commons,57,,2018-03-31
c,Cat Gamma,"Gamma, Cat",Independent,Cton,House of Commons,57,2018-04-01,2018-09-30
c,Cat Gamma,"Gamma, Cat",Labour,Cton,House of Commons,57,2018-10-01,
`;
const DATES = {
  '56': { startDate: '2015-05-07', endDate: '2017-05-03' },
  '57': { startDate: '2017-06-08', endDate: '2019-11-06' },
} as const;

async function importRoster(csv: string, term?: keyof typeof DATES, name = `term-${term ?? 'x'}.csv`) {
  const id = await createImportJob(
    {
      kind: 'roster',
      fileName: name,
      bytes: new TextEncoder().encode(csv),
      sourceId,
      term: term ? { ...DATES[term], sourceId } : undefined,
    },
    { headers: editor.headers },
  );
  return id;
}
const job = (id: number) => getImportJob(id, { headers: editor.headers }).then((j) => j!);
const run = (id: number) => runImportJob(id, { skipInvalid: false }, { headers: editor.headers });
const stints = async (rosterId: string) =>
  (
    await client.query(
      `SELECT t.name AS term, m.party, to_char(m."startDate", 'YYYY-MM-DD') AS start, to_char(m."endDate", 'YYYY-MM-DD') AS end
       FROM "Membership" m JOIN "PersonIdentifier" i ON i."personId" = m."personId" AND i.scheme = 'everypolitician' AND i.value = $1
       LEFT JOIN "Term" t ON t.id = m."termId" ORDER BY m."startDate"`,
      [rosterId],
    )
  ).rows;
const current = async (rosterId: string) =>
  (
    await client.query(
      `SELECT p.party FROM "Person" p JOIN "PersonIdentifier" i ON i."personId" = p.id AND i.scheme = 'everypolitician' AND i.value = $1`,
      [rosterId],
    )
  ).rows[0]?.party;

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: false }) });
  await client.connect();
  editor = await signedInAs('editor');
  sourceId = (
    await client.query(
      `INSERT INTO "Source" (publisher, title, "updatedAt") VALUES ('UK Parliament', 'Dates of Parliaments', now()) RETURNING id`,
    )
  ).rows[0].id;
  return () => client.end();
});

describe('two consecutive terms', () => {
  it('imported newer first, then older: one stint per term with its dates, current party unchanged', async () => {
    expect(await run(await importRoster(TERM_57, '57'))).toMatchObject({
      ok: true,
      message: '3 new people, 5 new stints and 0 changed stints from 5 rows.',
    });
    expect(await current('b')).toBe('Independent');

    const older = await importRoster(TERM_56, '56');
    expect((await job(older)).preview.map((p) => p.outcome)).toEqual([
      'New stint for Ann Alpha: Labour, 2015-05-07 – 2017-05-03',
      'New stint for Bob Beta: Labour, 2015-05-07 – 2017-05-03',
    ]);
    expect(await run(older)).toMatchObject({
      ok: true,
      message: '0 new people, 2 new stints and 0 changed stints from 2 rows.',
    });
    expect(await stints('b')).toEqual([
      { term: '56', party: 'Labour', start: '2015-05-07', end: '2017-05-03' },
      { term: '57', party: 'Independent', start: '2017-06-08', end: '2019-11-06' },
    ]);
    expect(await stints('a')).toHaveLength(2);
    expect(await current('b')).toBe('Independent'); // the older term changed no one's current party
  });

  it('a second import of the same file reports nothing new and changes nothing', async () => {
    const again = await importRoster(TERM_56, undefined, 'again.csv');
    expect((await job(again)).preview.map((p) => p.outcome)).toEqual(['Stint already there', 'Stint already there']);
    expect(await run(again)).toMatchObject({ message: '0 new people, 0 new stints and 0 changed stints from 2 rows.' });
  });

  it('says what a changed stint changes, and changes it', async () => {
    const csv = TERM_56.replace(
      'b,Bob Beta,"Beta, Bob",Labour,Bton,House of Commons,56,,',
      'b,Bob Beta,"Beta, Bob",Labour,Bton East,House of Commons,56,,',
    );
    const id = await importRoster(csv, undefined, 'changed.csv');
    expect((await job(id)).preview[1]!.outcome).toBe('Stint changed: seat Bton → Bton East');
    expect(await run(id)).toMatchObject({ message: '0 new people, 0 new stints and 1 changed stints from 2 rows.' });
  });
});

describe('the other order, in a database of its own', () => {
  it('older first, then newer: the newer stint becomes the current party', async () => {
    // Fresh ids, so this order is tested without the stints above.
    const rename = (csv: string) =>
      csv
        .replace(/^([abc]),/gm, 'z$1,')
        .replace(/Alpha/g, 'Zalpha')
        .replace(/Beta/g, 'Zbeta')
        .replace(/Gamma/g, 'Zgamma');
    await run(await importRoster(rename(TERM_56), undefined, 'z56.csv'));
    expect(await current('zb')).toBe('Labour');
    await run(await importRoster(rename(TERM_57), undefined, 'z57.csv'));
    expect(await current('zb')).toBe('Independent');
    expect((await stints('zb')).map((s) => s.term)).toEqual(['56', '57']);
  });
});

describe('as on the day', () => {
  it('party at signing follows a mid-term change; eligibility counts on dates either side of it', async () => {
    const cat = (
      await client.query(
        `SELECT "personId" AS id FROM "PersonIdentifier" WHERE scheme = 'everypolitician' AND value = 'c'`,
      )
    ).rows[0].id;
    const campaign = (
      await client.query(
        `INSERT INTO "Campaign" (slug, title, kind, "eligibleHouses", "eligibleParties", "sourceId", "updatedAt")
         VALUES ('terms-test', 'Labour MPs only', 'LETTER', '{COMMONS}', '{Labour}', $1, now()) RETURNING id`,
        [sourceId],
      )
    ).rows[0].id;
    const sign = (day: string) =>
      client.query(
        `INSERT INTO "Signature" ("campaignId", "personId", "signedOn", "sourceId", "updatedAt") VALUES ($1, $2, $3, $4, now())
                    ON CONFLICT ("campaignId", "personId") DO UPDATE SET "signedOn" = EXCLUDED."signedOn"`,
        [campaign, cat, day, sourceId],
      );
    const table = async () => (await listSignatures(campaign, signatureQuerySchema.parse({})))[0]!;

    await sign('2018-05-01'); // whip withdrawn then
    expect(await table()).toMatchObject({ party: 'Independent', eligible: false });
    expect((await getCampaign('terms-test'))!.namedEligible).toBe(0);

    await sign('2018-03-31'); // the day before
    expect(await table()).toMatchObject({ party: 'Labour', eligible: true });
    expect((await getCampaign('terms-test'))!.namedEligible).toBe(1);

    await sign('2018-10-01'); // restored
    expect(await table()).toMatchObject({ party: 'Labour', eligible: true });
  });
});

describe('bad rosters are refused row by row, nothing half-imported', () => {
  it('names overlapping stints, an end before a start and an id that is someone else', async () => {
    const csv = `${HEADER}
d,Dan Delta,"Delta, Dan",Labour,Dton,House of Commons,57,2017-06-08,2018-01-31
d,Dan Delta,"Delta, Dan",Labour,Eton,House of Commons,57,2018-01-01,
e,Eve Epsilon,"Epsilon, Eve",Green,Fton,House of Commons,57,2018-05-01,2018-04-01
a,Someone Else,"Else, Someone",Labour,Aton,House of Commons,57,,
a,Ann Alpha,"Alpha, Ann",Labour,Aton,House of Commons,57,2018-01-01,
`;
    const before = (await client.query(`SELECT count(*)::int AS n FROM "Membership"`)).rows[0].n;
    const id = await importRoster(csv, undefined, 'bad.csv');
    expect((await job(id)).errors).toEqual([
      {
        row: 3,
        column: 'start_date',
        reason: 'Overlaps the stint on line 2 (2017-06-08 – 2018-01-31) of the same person (Dton there, Eton here).',
      },
      { row: 4, column: 'end_date', reason: 'The stint ends (2018-04-01) before it starts (2018-05-01).' },
      { row: 5, column: 'id', reason: 'The id a belongs to Ann Alpha, not Someone Else.' },
      {
        row: 6,
        column: 'start_date',
        reason: 'Overlaps the stint already recorded for Ann Alpha (Labour, 2017-06-08 – 2019-11-06).',
      },
    ]);
    expect(await run(id)).toMatchObject({ ok: false });
    expect((await client.query(`SELECT count(*)::int AS n FROM "Membership"`)).rows[0].n).toBe(before);
  });

  it('asks once for an unknown term, and for each term when a file brings two, making no job', async () => {
    const jobs = async () => (await client.query(`SELECT count(*)::int AS n FROM "ImportJob"`)).rows[0].n;
    const before = await jobs();
    const row = (id: string, term: string) => `${id},Fay Phi,"Phi, Fay",Labour,Gton,House of Commons,${term},,`;
    await expect(
      importRoster(`${HEADER}\n${row('f', '55')}\n${row('g', '55')}\n`, undefined, 'old.csv'),
    ).rejects.toThrow('The file names term 55 of the House of Commons (2 rows), which this database does not know');
    await expect(importRoster(`${HEADER}\n${row('f', '54')}\n${row('g', '55')}\n`, '57', 'two.csv')).rejects.toThrow(
      'The file names 2 terms this database does not know (term 54 of the House of Commons; term 55 of the House of Commons): a file may bring one new term.',
    );
    expect(await jobs()).toBe(before);
  });

  it('refuses one id on two people in one file, line-numbered, so that nobody is merged or lost', async () => {
    // Issue 22: a new member's row carrying her predecessor's id (a by-election) once made her a
    // second person under his id and lost him.
    const csv = `${HEADER}
k,Ken Kappa,"Kappa, Ken",Labour,Kton,House of Commons,57,2017-06-08,2018-02-10
k,Sue Sigma,"Sigma, Sue",Labour,Kton,House of Commons,57,2018-05-03,
`;
    const people = (await client.query(`SELECT count(*)::int AS n FROM "Person"`)).rows[0].n;
    const id = await importRoster(csv, undefined, 'slip.csv');
    expect((await job(id)).errors).toEqual([
      { row: 3, column: 'id', reason: 'The id k is also on line 2, for Ken Kappa: one id is one person.' },
    ]);
    expect(await run(id)).toMatchObject({ ok: false });
    expect((await client.query(`SELECT count(*)::int AS n FROM "Person"`)).rows[0].n).toBe(people);
  });

  it('the database refuses overlapping stints of one person in one house, whatever writes them', async () => {
    const person = (await client.query(`SELECT "personId" AS id FROM "PersonIdentifier" WHERE value = 'a'`)).rows[0].id;
    await expect(
      client.query(
        `INSERT INTO "Membership" ("personId", house, party, "startDate", "sourceId") VALUES ($1, 'COMMONS', 'Green', '2019-01-01', $2)`,
        [person, sourceId],
      ),
    ).rejects.toThrow(/Membership_no_overlap/);
  });

  it('refuses a new term’s label that breaks the term label’s rule, instead of cutting it', async () => {
    const upload = (label: string) =>
      createImportJob(
        {
          kind: 'roster',
          fileName: 'labels.csv',
          bytes: new TextEncoder().encode('id,name,chamber,term\nl1,Lee Label,House of Commons,77\n'),
          sourceId,
          term: { startDate: '2030-01-01', endDate: '', sourceId, label },
        },
        { headers: editor.headers },
      );
    await expect(upload('L'.repeat(201))).rejects.toThrow('The new term’s label is longer than 200 characters.');
    await expect(upload('Seventy-\u0007seventh')).rejects.toThrow(/The new term’s label holds control characters/);
  });

  it('reads a roster of another body laid out differently, ignoring columns it does not use', async () => {
    const csv =
      'member,full_name,faction,ward,council,session,from,to,followers\nw1,Wyn Omega,Green,Riverside,Example City Council,2022,2022-05-05,,120\n';
    const id = await createImportJob(
      {
        kind: 'roster',
        fileName: 'council.csv',
        bytes: new TextEncoder().encode(csv),
        sourceId,
        mapping: {
          id: 'member',
          name: 'full_name',
          group: 'faction',
          area: 'ward',
          chamber: 'council',
          term: 'session',
          start_date: 'from',
          end_date: 'to',
        },
        term: { startDate: '2022-05-05', endDate: '2026-05-06', sourceId },
      },
      { headers: editor.headers },
    );
    expect((await job(id)).message).toBe(
      'The valid rows would add 1 new person and 1 new stint, change 0 stints and leave 0 stints as recorded. Columns the import does not use were ignored: followers.',
    );
    expect(await run(id)).toMatchObject({ ok: true });
    expect(await stints('w1')).toEqual([{ term: '2022', party: 'Green', start: '2022-05-05', end: '2026-05-06' }]);
  });
});

describe('a change within a term, entered by an editor', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return data;
  };

  it('a new stint ends the open one the day before, in one audited transaction, and becomes the current party', async () => {
    const { saveRecord } = await import('../lib/admin/store');
    const slug = (
      await client.query(
        `SELECT p.slug FROM "Person" p JOIN "PersonIdentifier" i ON i."personId" = p.id WHERE i.value = 'a'`,
      )
    ).rows[0].slug;
    const audits = async () =>
      (await client.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE entity = 'membership'`)).rows[0]
        .n as number;
    const before = await audits();
    const state = await saveRecord(
      'memberships',
      null,
      form({
        personId: slug,
        house: 'COMMONS',
        termId: '',
        party: 'Independent',
        constituency: 'Aton',
        change: 'WHIP_WITHDRAWN',
        startDate: '2018-07-17',
        endDate: '',
        note: 'Whip withdrawn',
        sourceId: String(sourceId),
      }),
      { headers: editor.headers },
    );
    expect(state).toMatchObject({ status: 'saved' });
    // The term-57 stint (2017-06-08 – 2019-11-06) now ends on 16 July 2018; the new one runs to the term's end, in term 57.
    expect((await stints('a')).slice(-2)).toEqual([
      { term: '57', party: 'Labour', start: '2017-06-08', end: '2018-07-16' },
      { term: '57', party: 'Independent', start: '2018-07-17', end: '2019-11-06' },
    ]);
    expect(await audits()).toBe(before + 2); // the closed stint's update and the new stint
    // Current: the stint in force today, else the latest one.
    expect(await current('a')).toBe('Independent');

    // A stint that starts inside another one of an earlier start is refused by the database, with the form's message.
    const clash = await saveRecord(
      'memberships',
      null,
      form({
        personId: slug,
        house: 'COMMONS',
        termId: '',
        party: 'Labour',
        constituency: 'Aton',
        change: 'WHIP_RESTORED',
        startDate: '2016-01-01',
        endDate: '2017-12-31',
        sourceId: String(sourceId),
      }),
      { headers: editor.headers },
    );
    expect(clash).toMatchObject({
      status: 'error',
      fieldErrors: { startDate: expect.stringMatching(/overlaps another stint/) },
    });
    expect(await audits()).toBe(before + 2);
  });
});

describe('names, sources and corrections (issue 22)', () => {
  const person = async (rosterId: string) =>
    (
      await client.query(
        `SELECT p.name, p."sortName", p.honorific, s.title AS source FROM "Person" p JOIN "Source" s ON s.id = p."sourceId"
         JOIN "PersonIdentifier" i ON i."personId" = p.id AND i.scheme = 'everypolitician' AND i.value = $1`,
        [rosterId],
      )
    ).rows[0];
  // The same member named differently by two terms' rosters (a knighthood between them).
  const older = (id: string) => `${HEADER}\n${id},Hal Eta,"Eta, Hal",Labour,Hton,House of Commons,56,,\n`;
  const newer = (id: string) => `${HEADER}\n${id},Sir Hal Eta,"Eta, Sir Hal",Labour,Hton,House of Commons,57,,\n`;

  it('a person is named as their latest stint says, whichever term was imported first', async () => {
    await run(await importRoster(older('h1'), undefined, 'h1-56.csv'));
    await run(await importRoster(newer('h1'), undefined, 'h1-57.csv'));
    await run(await importRoster(newer('h2'), undefined, 'h2-57.csv'));
    await run(await importRoster(older('h2'), undefined, 'h2-56.csv'));
    const [first, second] = [await person('h1'), await person('h2')];
    expect(first).toMatchObject({ name: 'Sir Hal Eta', sortName: 'Eta, Sir Hal', honorific: 'Sir' });
    expect(second).toEqual(first);
  });

  it('the preview gives totals, and a previewed import can be discarded, leaving nothing', async () => {
    const id = await importRoster(
      `${HEADER}\nh1,Sir Hal Eta,"Eta, Sir Hal",Labour,Hton North,House of Commons,57,,\nq1,Quin Rho,"Rho, Quin",Green,Qton,House of Commons,57,,\n`,
      undefined,
      'totals.csv',
    );
    expect((await job(id)).message).toBe(
      'The valid rows would add 1 new person and 1 new stint, change 1 stint and leave 0 stints as recorded.',
    );
    await discardImportJob(id, { headers: editor.headers });
    expect(await getImportJob(id, { headers: editor.headers })).toBeNull();
    expect(await person('q1')).toBeUndefined();
    await expect(discardImportJob(id, { headers: editor.headers })).rejects.toThrow('No such import.');
    const viewer = await signedInAs('viewer');
    const other = await importRoster(older('h9'), undefined, 'h9.csv');
    await expect(discardImportJob(other, { headers: viewer.headers })).rejects.toThrow();
    await run(other);
    await expect(discardImportJob(other, { headers: editor.headers })).rejects.toThrow('This import has been done.');
  });

  it('a source named on the upload form is created with the import, and cited by what it brings', async () => {
    // As the upload form sends it: "+ A new source" chosen, its fields beside the list.
    const upload = (source: { publisher: string; title: string; url?: string }) =>
      createImportJob(
        {
          kind: 'roster',
          fileName: 'r.csv',
          bytes: new TextEncoder().encode(older('s1')),
          sourceId: 'new',
          newSource: Object.fromEntries(Object.entries(source).map(([k, v]) => [`newSource.${k}`, v])),
        },
        { headers: editor.headers },
      );
    const sources = async () => (await client.query(`SELECT count(*)::int AS n FROM "Source"`)).rows[0].n;
    const before = await sources();
    await expect(upload({ publisher: 'UK Parliament', title: '' })).rejects.toThrow(
      'The new source: Title is required.',
    );
    await expect(upload({ publisher: 'P', title: 'T', url: 'javascript:alert(1)' })).rejects.toThrow(
      'The new source: Only http and https addresses.',
    );
    const id = await upload({ publisher: 'UK Parliament', title: 'Members of the 56th Parliament' });
    expect(await sources()).toBe(before); // not before the import runs
    expect(await run(id)).toMatchObject({ ok: true });
    expect(await sources()).toBe(before + 1);
    expect(await person('s1')).toMatchObject({ source: 'Members of the 56th Parliament' });
  });

  it('a new term’s dates may cite the file’s own source, a new one included', async () => {
    const csv = `${HEADER}\nt1,Tam Iota,"Iota, Tam",Labour,Tton,House of Commons,53,,\n`;
    const id = await createImportJob(
      {
        kind: 'roster',
        fileName: 't.csv',
        bytes: new TextEncoder().encode(csv),
        sourceId: 'new',
        newSource: { 'newSource.publisher': 'UK Parliament', 'newSource.title': 'Members of the 53rd Parliament' },
        term: { startDate: '2001-06-07', endDate: '2005-04-11', sourceId: 'file' },
      },
      { headers: editor.headers },
    );
    expect(await run(id)).toMatchObject({ ok: true });
    const term = (
      await client.query(
        `SELECT t."startDate"::text AS start, s.title FROM "Term" t JOIN "Source" s ON s.id = t."sourceId" WHERE t.house = 'COMMONS' AND t.name = '53'`,
      )
    ).rows[0];
    expect(term).toEqual({ start: '2001-06-07', title: 'Members of the 53rd Parliament' });
    expect(await person('t1')).toMatchObject({ source: 'Members of the 53rd Parliament' });
  });

  it('correcting a term’s first day carries to the stints that started on it, so a re-import finds them', async () => {
    const term = (await client.query(`SELECT id, version FROM "Term" WHERE house = 'COMMONS' AND name = '56'`)).rows[0];
    const form = new FormData();
    for (const [k, v] of Object.entries({
      house: 'COMMONS',
      name: '56',
      startDate: '2015-05-08',
      endDate: '2017-05-03',
      sourceId: String(sourceId),
      _version: String(term.version),
    }))
      form.append(k, v);
    expect(await saveRecord('terms', term.id, form, { headers: editor.headers })).toMatchObject({ status: 'saved' });
    expect((await stints('a'))[0]).toMatchObject({ term: '56', start: '2015-05-08' });
    const again = await importRoster(TERM_56, undefined, 'after-correction.csv');
    // Found as they are (Bob's seat was changed by an earlier test), not as stints overlapping themselves.
    expect((await job(again)).errors).toEqual([]);
    expect((await job(again)).preview.map((p) => p.outcome)).toEqual([
      'Stint already there',
      'Stint changed: seat Bton East → Bton',
    ]);
  });
});
