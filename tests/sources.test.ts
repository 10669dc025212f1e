// Sources: every table that cites one is counted, on the source's page and in the index (/sources).
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { CITING_TABLES, getSource, listSources, sourceQuerySchema } from '../lib/sources';
import { useDatabase } from './support/database';

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  return () => client.end();
});

describe('sources', () => {
  it('count every table whose rows cite a source', async () => {
    const { rows } = await client.query<{ table: string }>(
      `SELECT table_name AS table FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'sourceId' ORDER BY 1`,
    );
    expect(Object.keys(CITING_TABLES).sort()).toEqual(rows.map((r) => r.table));
  });

  it('are listed with how many records cite each, the same as each source page says', async () => {
    const listing = await listSources.uncached(sourceQuerySchema.parse({}));
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Source"`);
    expect(listing.total).toBe(rows[0]!.n);
    expect(listing.sources.length).toBeGreaterThan(0);
    // Most cited first, by default.
    const records = listing.sources.map((s) => s.records);
    expect(records).toEqual([...records].sort((a, b) => b - a));
    for (const s of listing.sources) {
      const page = (await getSource.uncached(s.id))!;
      expect(page.citedBy).toEqual(s.citedBy);
      expect(s.records).toBe(page.citedBy.reduce((sum, c) => sum + c.count, 0));
    }
    // The roster's source is cited by its people and stints, which the source page used to leave out.
    const { rows: roster } = await client.query<{ id: number; stints: number }>(
      `SELECT "sourceId" AS id, count(*)::int AS stints FROM "Membership" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const cited = (await getSource.uncached(roster[0]!.id))!.citedBy;
    expect(cited).toContainEqual({ kind: 'stints', count: roster[0]!.stints });
  });

  it('are searched by publisher or title, sorted by any column, and a page past the last shows the last', async () => {
    const sky = await listSources.uncached(sourceQuerySchema.parse({ q: 'sky news' }));
    expect(sky.sources.length).toBeGreaterThan(0);
    for (const s of sky.sources) expect(`${s.publisher} ${s.title}`.toLowerCase()).toContain('sky news');
    const none = await listSources.uncached(sourceQuerySchema.parse({ q: '%_\\' }));
    expect(none.total).toBe(0);
    const byTitle = await listSources.uncached(sourceQuerySchema.parse({ sort: 'title', dir: 'desc' }));
    const titles = byTitle.sources.map((s) => s.title.toLowerCase());
    expect(titles).toEqual([...titles].sort().reverse());
    expect((await listSources.uncached(sourceQuerySchema.parse({ page: '999' }))).page).toBe(1);
  });
});
