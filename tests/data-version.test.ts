// The data version: grows once per committed transaction that changed the data set, never for
// one that changed nothing or rolled back; what is cached under it is dropped when it grows.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataVersion, versioned, VersionedMemo } from '../lib/data-version';
import { useDatabase } from './support/database';

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  return () => client.end();
});
const source = (title: string) =>
  client.query(`INSERT INTO "Source" (publisher, title, "updatedAt") VALUES ('Test', $1, now())`, [title]);

describe('the data version', () => {
  it('grows once for a transaction of several changes, at its commit', async () => {
    const before = await dataVersion();
    await client.query('BEGIN');
    await source('one');
    await source('two');
    await client.query(`UPDATE "Person" SET name = name WHERE slug = 'yvette-cooper'`);
    expect(await dataVersion()).toBe(before); // not before the commit, seen from elsewhere
    await client.query('COMMIT');
    expect(await dataVersion()).toBe(before + 1n);
    expect((await client.query(`SELECT count(*)::int AS n FROM "DataVersionPending"`)).rows[0].n).toBe(0);
  });

  it('does not grow for a statement that changed no row, nor for a rolled-back transaction', async () => {
    const before = await dataVersion();
    await client.query(`UPDATE "Person" SET name = 'x' WHERE slug = 'no-such-person'`);
    await client.query(
      `INSERT INTO "Body" (slug, name, "sourceId", "updatedAt") SELECT slug, name, "sourceId", now() FROM "Body" WHERE slug = 'plp' ON CONFLICT (slug) DO NOTHING`,
    );
    await client.query('BEGIN');
    await source('rolled back');
    await client.query('ROLLBACK');
    expect(await dataVersion()).toBe(before);
  });

  it('keeps a derived value while the version holds and computes it again after a change', async () => {
    const memo = new VersionedMemo<number>();
    let computed = 0;
    const read = () => memo.get('k', async () => ({ value: ++computed, version: await dataVersion() }));
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    await source('a change');
    expect(await read()).toBe(2);
  });

  it('keeps a public read per arguments while the version holds, shared, and reads again after a change', async () => {
    const calls: string[] = [];
    const titles = versioned(async (publisher: string) => {
      calls.push(publisher);
      const { rows } = await client.query<{ title: string }>(
        'SELECT title FROM "Source" WHERE publisher = $1 ORDER BY id',
        [publisher],
      );
      return rows.map((r) => r.title);
    });
    const first = await titles('Test');
    expect(await titles('Test')).toBe(first); // the same object: callers must not mutate it
    expect(await titles('Nobody')).toEqual([]);
    expect(calls).toEqual(['Test', 'Nobody']);
    await source('another change');
    expect(await titles('Test')).toEqual([...first, 'another change']);
    expect(calls).toEqual(['Test', 'Nobody', 'Test']);
    expect(await titles.uncached('Test')).toEqual([...first, 'another change']);
    expect(calls).toHaveLength(4);
  });

  it('serves the person, people and source pages’ reads per version, and their changes as soon as they commit', async () => {
    const { getPerson, listPeople, peopleQuerySchema } = await import('../lib/people');
    const { getSource } = await import('../lib/sources');
    const person = (await getPerson('tom-watson'))!;
    expect(await getPerson('tom-watson')).toBe(person);
    const query = peopleQuerySchema.parse({ q: 'Watson' });
    const people = await listPeople(query);
    expect(await listPeople(query)).toBe(people);
    const cited = (await getSource(person.source.id))!;
    expect(await getSource(person.source.id)).toBe(cited);

    await client.query(`INSERT INTO "PersonAlias" ("personId", alias, normalized) VALUES ($1, 'Tommy W', 'tommy w')`, [
      person.id,
    ]);
    await client.query(`UPDATE "Person" SET constituency = 'Nowhere East' WHERE id = $1`, [person.id]);
    expect((await getPerson('tom-watson'))!.aliases.map((a) => a.alias)).toContain('Tommy W');
    expect((await listPeople(query)).people.find((p) => p.slug === 'tom-watson')!.constituency).toBe('Nowhere East');
    expect(await getSource(person.source.id)).not.toBe(cited);
  });
});
