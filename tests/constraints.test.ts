// The database itself keeps the data right, whatever code writes to it.
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { useDatabase } from './support/database';

let client: pg.Client;
let ids: { campaign: number; person: number; other: number; source: number; body: number };

beforeAll(async () => {
  const url = await useDatabase({ seeded: true });
  client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async (sql: string) => (await client.query(sql)).rows[0].id as number;
  ids = {
    campaign: await one(`SELECT id FROM "Campaign" WHERE slug = 'plp-motion'`),
    person: await one(
      `SELECT "personId" AS id FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'plp-motion' LIMIT 1`,
    ),
    other: await one(`SELECT id FROM "Person" WHERE slug = 'adam-afriyie'`),
    source: await one(`SELECT id FROM "Source" WHERE key = 'sky-2019-06-28-williamson'`),
    body: await one(`SELECT id FROM "Body" WHERE slug = 'plp'`),
  };
  return () => client.end();
});

const rejects = (sql: string, params: unknown[], pattern: RegExp) =>
  expect(client.query(sql, params)).rejects.toThrow(pattern);

describe('constraints held by PostgreSQL', () => {
  it('allow one signature per campaign and person', async () => {
    await rejects(
      `INSERT INTO "Signature" ("campaignId", "personId", "sourceId", "updatedAt") VALUES ($1, $2, $3, now())`,
      [ids.campaign, ids.person, ids.source],
      /Signature_campaignId_personId_key/,
    );
  });

  it('refuse a withdrawal dated before the signature', async () => {
    await rejects(
      `INSERT INTO "Signature" ("campaignId", "personId", "sourceId", "signedOn", "withdrawnOn", "updatedAt") VALUES ($1, $2, $3, '2019-06-28', '2019-06-27', now())`,
      [ids.campaign, ids.other, ids.source],
      /Signature_withdrawn_after_signed_check/,
    );
  });

  it('hold a threshold to an absolute number or a share of a body, not both, not neither', async () => {
    const insert = `INSERT INTO "Threshold" ("campaignId", label, "absoluteValue", "sharePercent", "bodyId", purpose, "sourceId", "updatedAt")
                    VALUES ($1, 'x', $2, $3, $4, 'TARGET', $5, now())`;
    await rejects(insert, [ids.campaign, 10, 20, ids.body, ids.source], /Threshold_absolute_xor_share_check/);
    await rejects(insert, [ids.campaign, null, null, null, ids.source], /Threshold_absolute_xor_share_check/);
    await rejects(insert, [ids.campaign, null, 120, ids.body, ids.source], /Threshold_sharePercent_check/);
    const ok = await client.query(insert + ' RETURNING id', [ids.campaign, null, 20, ids.body, ids.source]);
    expect(ok.rowCount).toBe(1);
  });

  it('keep poll percentages within 0–100 and net within ±100', async () => {
    const subject = ids.person;
    const insert = `INSERT INTO "Poll" (pollster, "subjectPersonId", "subjectRole", satisfied, net, "sourceId", "updatedAt") VALUES ('P', $1, 'R', $2, $3, $4, now())`;
    await rejects(insert, [subject, 101, 0, ids.source], /Poll_percentages_check/);
    await rejects(insert, [subject, 50, -101, ids.source], /Poll_percentages_check/);
  });

  it('refuse a foreign key to nothing', async () => {
    await rejects(
      `INSERT INTO "Tally" ("campaignId", "asOf", count, "sourceId", "updatedAt") VALUES ($1, '2019-06-28', 5, 999999, now())`,
      [ids.campaign],
      /Tally_sourceId_fkey/,
    );
  });

  it('keep the audit log append-only', async () => {
    const inserted = await client.query(
      `INSERT INTO "AuditEvent" (actor, action, entity, "entityId") VALUES ('test', 'create', 'Campaign', '1') RETURNING id`,
    );
    const id = inserted.rows[0].id;
    await rejects(`UPDATE "AuditEvent" SET actor = 'someone else' WHERE id = $1`, [id], /append-only/);
    await rejects(`DELETE FROM "AuditEvent" WHERE id = $1`, [id], /append-only/);
    await rejects(`TRUNCATE "AuditEvent"`, [], /append-only/);
    const still = await client.query(`SELECT actor FROM "AuditEvent" WHERE id = $1`, [id]);
    expect(still.rows[0].actor).toBe('test');
  });
});

describe('the slug rule', () => {
  it('is the same in the database’s CHECKs as in lib/validation.ts', async () => {
    const { SLUG_RE } = await import('../lib/validation');
    const { readdirSync, readFileSync } = await import('node:fs');
    const checks = readdirSync('prisma/migrations', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.sql'))
      .flatMap((f) =>
        [...readFileSync(`prisma/migrations/${f}`, 'utf8').matchAll(/_slug_check" CHECK \("slug" ~ '([^']+)'\)/g)].map(
          (m) => m[1],
        ),
      );
    expect(checks.length).toBeGreaterThanOrEqual(3);
    for (const pattern of checks) expect(pattern).toBe(SLUG_RE.source);
  });
});
