// "As on the day", kept by the database (issue 26, docs/decisions/027-stint-spans.md): StintSpan,
// written by triggers from Membership and Person, must give on every day exactly what the rule
// says. The rule is written out here as it was asked of each row before, a lookup per row, and
// both are compared day by day over awkward stints, then again after every kind of change.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { ON_DAY_SQL } from '../lib/sql';
import { useDatabase } from './support/database';

let client: pg.Client;
let sourceId: number;

/** The rule as a lookup per person and day: the latest-started stint covering the day; no stints at all, the person as recorded. */
const RULE = (day: string) => `LEFT JOIN LATERAL (
    (SELECT ms.house, ms.party, ms.constituency FROM "Membership" ms
     WHERE ms."personId" = p.id AND coalesce(ms."startDate", '-infinity'::date) <= ${day} AND coalesce(ms."endDate", 'infinity'::date) >= ${day}
     ORDER BY ms."startDate" DESC NULLS LAST, ms.id DESC LIMIT 1)
    UNION ALL
    (SELECT p.house, p.party, p.constituency WHERE NOT EXISTS (SELECT 1 FROM "Membership" mx WHERE mx."personId" = p.id))
  ) on_day ON true`;

/** Every person on every day from 2009-12-25 to 2020-01-10 by both, and the days where they differ. */
async function differences(): Promise<unknown[]> {
  const side = (join: string) => `
    SELECT p.id, d.day::date AS day, on_day.house, on_day.party, on_day.constituency
    FROM "Person" p CROSS JOIN generate_series('2009-12-25'::date, '2020-01-10'::date, '1 day') d(day) ${join}`;
  const { rows } = await client.query(`
    (${side(RULE('d.day::date'))} EXCEPT ${side(ON_DAY_SQL('d.day::date'))})
    UNION ALL
    (${side(ON_DAY_SQL('d.day::date'))} EXCEPT ${side(RULE('d.day::date'))})
    ORDER BY 1, 2 LIMIT 5`);
  return rows;
}

async function person(name: string, party: string | null, house = 'COMMONS') {
  return (
    await client.query(
      `INSERT INTO "Person" (slug, name, "sortName", house, party, constituency, "sourceId", "updatedAt")
       VALUES ($1, $2, $2, $3, $4, 'Own seat', $5, now()) RETURNING id`,
      [name.toLowerCase().replace(/\W+/g, '-'), name, house, party, sourceId],
    )
  ).rows[0].id as number;
}
async function stint(personId: number, house: string, party: string, start: string | null, end: string | null) {
  return (
    await client.query(
      `INSERT INTO "Membership" ("personId", house, party, constituency, "startDate", "endDate", "sourceId", "updatedAt")
       VALUES ($1, $2, $3, $3 || ' seat', $4, $5, $6, now()) RETURNING id`,
      [personId, house, party, start, end, sourceId],
    )
  ).rows[0].id as number;
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: false }) });
  await client.connect();
  sourceId = (
    await client.query(
      `INSERT INTO "Source" (publisher, title, "updatedAt") VALUES ('Test', 'Stints', now()) RETURNING id`,
    )
  ).rows[0].id;
  return () => client.end();
});

describe('the spans kept from stints', () => {
  let a: number;
  let b: number;
  let c: number;
  let d: number;
  let later: number;

  it('give what the rule gives on every day, however the stints lie', async () => {
    // A: consecutive stints, a party change mid-term, a gap between terms, then open-ended.
    a = await person('Ann Alpha', 'Labour');
    await stint(a, 'COMMONS', 'Labour', '2010-05-06', '2012-03-31');
    await stint(a, 'COMMONS', 'Independent', '2012-04-01', '2015-03-30');
    await stint(a, 'COMMONS', 'Labour', '2015-05-07', null);
    // B: a Commons stint with no known start, overlapped by a later-started, shorter Lords stint
    // inside it (the later start counts while both run, the Commons again after).
    b = await person('Bob Beta', 'Conservative');
    await stint(b, 'COMMONS', 'Conservative', null, '2018-12-31');
    later = await stint(b, 'LORDS', 'Crossbench', '2014-01-01', '2014-12-31');
    // C: two stints starting the same day in two houses (the later id counts), and one ending the day another starts.
    c = await person('Cat Gamma', 'Green');
    await stint(c, 'COMMONS', 'Green', '2016-01-01', '2017-01-01');
    await stint(c, 'LORDS', 'Green', '2016-01-01', '2016-06-30');
    await stint(c, 'COMMONS', 'Labour', '2017-01-02', '2017-01-02');
    // D: no stints: as recorded, every day.
    d = await person('Dan Delta', 'Liberal Democrat', 'LORDS');
    expect(await differences()).toEqual([]);
    const spans = await client.query(`SELECT count(*)::int AS n FROM "StintSpan" WHERE "personId" = $1`, [d]);
    expect(spans.rows[0].n).toBe(1);
  });

  it('follow every change: a stint moved, ended, deleted, a person’s own party, a person removed', async () => {
    await client.query(`UPDATE "Membership" SET "endDate" = '2019-11-06' WHERE "personId" = $1 AND "endDate" IS NULL`, [
      a,
    ]);
    await client.query(`UPDATE "Membership" SET "startDate" = '2013-06-01' WHERE id = $1`, [later]);
    expect(await differences()).toEqual([]);
    await client.query(`DELETE FROM "Membership" WHERE "personId" = $1 AND house = 'LORDS'`, [c]);
    await client.query(`UPDATE "Person" SET party = 'Green', constituency = 'Elsewhere' WHERE id = $1`, [d]);
    expect(await differences()).toEqual([]);
    // The last stint gone: the person is taken as recorded again.
    await client.query(`DELETE FROM "Membership" WHERE "personId" = $1`, [b]);
    await client.query(`DELETE FROM "Person" WHERE id = $1`, [c]);
    expect(await differences()).toEqual([]);
    expect(
      (await client.query(`SELECT count(*)::int AS n FROM "StintSpan" WHERE "personId" = $1`, [c])).rows[0].n,
    ).toBe(0);
  });

  it('are compared for real: a span changed by hand is found', async () => {
    await client.query(`UPDATE "StintSpan" SET party = 'Tampered' WHERE "personId" = $1`, [a]);
    expect(await differences()).not.toEqual([]);
    await client.query(`SELECT whipcount_stint_spans(ARRAY[$1::int])`, [a]);
    expect(await differences()).toEqual([]);
  });

  it('are rebuilt when the stints are emptied at once', async () => {
    await client.query(`TRUNCATE "Membership"`);
    expect(await differences()).toEqual([]);
  });

  it('change nothing when a statement changes no row', async () => {
    const before = (await client.query(`SELECT count(*)::int AS n FROM "StintSpan"`)).rows[0].n;
    await client.query(`UPDATE "Membership" SET party = 'None' WHERE false`);
    await client.query(
      `INSERT INTO "Person" (slug, name, "sortName", "sourceId", "updatedAt") SELECT 'x', 'x', 'x', 1, now() WHERE false`,
    );
    expect((await client.query(`SELECT count(*)::int AS n FROM "StintSpan"`)).rows[0].n).toBe(before);
  });
});
