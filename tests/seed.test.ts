import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRoster } from '../lib/roster';
import { ROSTER_FILE, seed } from '../seeds/index';
import { adminQuery, useDatabase } from './support/database';
import { snapshot } from './support/snapshot';

let database: string;
const query = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  adminQuery<T>(sql, params, database).then((r) => r.rows);

beforeAll(async () => {
  database = new URL(await useDatabase({ seeded: true })).pathname.slice(1);
});

const ARTICLE = 'sky-2019-06-28-williamson';

describe('the seed', () => {
  it('loads the roster: one person per roster id, every stint, the ids kept', async () => {
    const rows = parseRoster(readFileSync(ROSTER_FILE, 'utf8'));
    const ids = new Set(rows.map((r) => r.id));
    expect(rows).toHaveLength(661);
    expect(ids.size).toBe(652);
    const [counts] = await query<{ people: number; memberships: number }>(`
      SELECT (SELECT count(DISTINCT "personId") FROM "PersonIdentifier" WHERE scheme = 'everypolitician')::int AS people,
             (SELECT count(*) FROM "Membership")::int AS memberships`);
    expect(counts).toEqual({ people: 652, memberships: 661 });
    // A member who changed party has one person and several stints.
    const [field] = await query<{ stints: number; party: string }>(`
      SELECT count(m.*)::int AS stints, p.party FROM "Person" p JOIN "Membership" m ON m."personId" = p.id
      WHERE p.name = 'Frank Field' GROUP BY p.party`);
    expect(field).toEqual({ stints: 2, party: 'Independent' });
  });

  it('loads both campaigns with their named signatories and reported tallies', async () => {
    const campaigns = await query<{ slug: string; named: number; count: number; qualifier: string; scope: string }>(`
      SELECT c.slug, (SELECT count(*) FROM "Signature" s WHERE s."campaignId" = c.id)::int AS named,
             t.count, t.qualifier::text AS qualifier, t.scope
      FROM "Campaign" c JOIN "Tally" t ON t."campaignId" = c.id ORDER BY c.slug`);
    expect(campaigns).toEqual([
      { slug: 'plp-motion', named: 5, count: 60, qualifier: 'MORE_THAN', scope: 'MPs' },
      { slug: 'watson-letter', named: 1, count: 140, qualifier: 'MORE_THAN', scope: 'Labour MPs and peers' },
    ]);
    const signers = await query<{ name: string }>(`
      SELECT p.name FROM "Signature" s JOIN "Person" p ON p.id = s."personId" JOIN "Campaign" c ON c.id = s."campaignId"
      WHERE c.slug = 'plp-motion' ORDER BY p."sortName"`);
    expect(signers.map((s) => s.name)).toEqual([
      'Yvette Cooper',
      'Margaret Hodge',
      'Diana R. Johnson',
      'David Lammy',
      'Wes Streeting',
    ]);
    const [lead] = await query<{ name: string; lead: boolean }>(`
      SELECT p.name, s."isLeadSponsor" AS lead FROM "Signature" s JOIN "Person" p ON p.id = s."personId"
      JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'watson-letter'`);
    expect(lead).toEqual({ name: 'Tom Watson', lead: true });
  });

  it('loads the satisfaction ratings: Corbyn -58 against Foot -56', async () => {
    const polls = await query<{ name: string; net: number; pollster: string }>(`
      SELECT p.name, poll.net::float8 AS net, poll.pollster FROM "Poll" poll JOIN "Person" p ON p.id = poll."subjectPersonId" ORDER BY poll.net`);
    expect(polls).toEqual([
      { name: 'Jeremy Corbyn', net: -58, pollster: 'Ipsos MORI' },
      { name: 'Michael Foot', net: -56, pollster: 'Ipsos MORI' },
    ]);
  });

  it('matches the people the article names to the roster instead of duplicating them', async () => {
    const people = await query<{ name: string; n: number; roster: boolean }>(`
      SELECT p.name, count(*) OVER (PARTITION BY lower(p.name))::int AS n,
             EXISTS (SELECT 1 FROM "PersonIdentifier" i WHERE i."personId" = p.id AND i.scheme = 'everypolitician') AS roster
      FROM "Person" p
      WHERE p.name IN ('Margaret Hodge', 'Keir Starmer', 'Jon Ashworth', 'Diana R. Johnson', 'Tom Watson', 'Keith Vaz', 'Jon Lansman', 'Michael Foot')
      ORDER BY p.name`);
    expect(people).toEqual([
      { name: 'Diana R. Johnson', n: 1, roster: true },
      { name: 'Jon Ashworth', n: 1, roster: true },
      { name: 'Jon Lansman', n: 1, roster: false },
      { name: 'Keir Starmer', n: 1, roster: true },
      { name: 'Keith Vaz', n: 1, roster: true },
      { name: 'Margaret Hodge', n: 1, roster: true },
      { name: 'Michael Foot', n: 1, roster: false },
      { name: 'Tom Watson', n: 1, roster: true },
    ]);
    expect(
      await query(`SELECT 1 FROM "Person" WHERE slug IN ('diana-johnson', 'jonathan-ashworth', 'sir-keir-starmer')`),
    ).toEqual([]);
    // "Ms Butler" is not identified by the article: kept as its words, not linked to anyone.
    const [butler] = await query<{ person: number | null }>(
      `SELECT "personId" AS person FROM "Statement" WHERE "speakerLabel" = 'Ms Butler'`,
    );
    expect(butler).toEqual({ person: null });
  });

  it('cites the article for every fact it loads, and invents no signatures', async () => {
    const tables = [
      'Campaign',
      'Signature',
      'Tally',
      'Threshold',
      'Stage',
      'Statement',
      'Poll',
      'TimelineEvent',
      'Role',
      'Body',
      'BodySize',
    ];
    for (const table of tables) {
      const [row] = await query<{ total: number; cited: number }>(
        `
        SELECT count(*)::int AS total, count(*) FILTER (WHERE s.key = $1)::int AS cited
        FROM "${table}" t JOIN "Source" s ON s.id = t."sourceId"`,
        [ARTICLE],
      );
      expect(row!.total, table).toBeGreaterThan(0);
      expect(row!.cited, table).toBe(row!.total);
    }
    const [source] = await query<{ publisher: string; published: string; url: string | null }>(
      `SELECT publisher, to_char("publishedAt" AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI') AS published, url FROM "Source" WHERE key = $1`,
      [ARTICLE],
    );
    expect(source).toEqual({ publisher: 'Sky News', published: '2019-06-28 17:43', url: null });
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(database);
    await seed();
    expect(await snapshot(database)).toEqual(before);
  });
});
