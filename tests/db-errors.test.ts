// Constraint violations are recognised by the error's structure (the constraint's name and the
// SQLSTATE the driver adapter passes on), against real PostgreSQL errors, not by message text.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../lib/db';
import { violationOf } from '../lib/db-errors';
import { useDatabase } from './support/database';

let client: pg.Client;
const failure = async (write: () => Promise<unknown>) => {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the write did not fail');
};

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  return () => client.end();
});

describe('violationOf', () => {
  it('names a unique constraint', async () => {
    const error = await failure(() =>
      db().campaign.create({
        data: { slug: 'plp-motion', title: 'x', kind: 'LETTER', sourceId: 1, eligibleHouses: ['COMMONS'] },
      }),
    );
    expect(violationOf(error)).toEqual({ kind: 'unique', constraint: 'Campaign_slug_key' });
  });

  it('names a CHECK constraint', async () => {
    const error = await failure(() =>
      db().source.create({ data: { publisher: 'x', title: 'y', url: 'ftp://example.org' } }),
    );
    expect(violationOf(error)).toEqual({ kind: 'check', constraint: 'Source_url_check' });
  });

  it('names a foreign key, and a RESTRICT refusal to delete', async () => {
    const missing = await failure(() =>
      db().signature.create({ data: { campaignId: 999_999, personId: 1, sourceId: 1 } }),
    );
    expect(violationOf(missing)).toEqual({ kind: 'foreign-key', constraint: 'Signature_campaignId_fkey' });
    const { rows } = await client.query(`SELECT "personId" AS id FROM "Signature" LIMIT 1`);
    const restricted = await failure(() => db().person.delete({ where: { id: rows[0].id } }));
    // Whichever of the tables referring to the person PostgreSQL checks first.
    expect(violationOf(restricted)).toEqual({
      kind: 'restrict',
      constraint: expect.stringMatching(/^[A-Za-z]+_personId_fkey$/),
    });
  });

  it('names an exclusion constraint (overlapping stints)', async () => {
    const { rows } = await client.query(
      `SELECT "personId", house, "termId", "sourceId", "startDate" FROM "Membership" WHERE "startDate" IS NOT NULL LIMIT 1`,
    );
    const m = rows[0];
    const error = await failure(() =>
      db().membership.create({
        data: { personId: m.personId, house: m.house, termId: m.termId, sourceId: m.sourceId, startDate: m.startDate },
      }),
    );
    expect(violationOf(error)).toEqual({ kind: 'exclusion', constraint: 'Membership_no_overlap' });
  });

  it('is null for anything else', () => {
    expect(violationOf(new Error('duplicate key value violates unique constraint "x"'))).toBeNull();
    expect(violationOf(null)).toBeNull();
  });
});
