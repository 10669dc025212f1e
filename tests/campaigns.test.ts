import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCampaign, listCampaignSummaries } from '../lib/campaigns';
import { useDatabase } from './support/database';

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  return () => client.end();
});

const find = async (slug: string) =>
  (await listCampaignSummaries({ limit: 100, offset: 0 })).find((c) => c.slug === slug)!;

describe('campaign summaries', () => {
  it('count named signatories and show the latest reported tally and thresholds', async () => {
    const plp = await find('plp-motion');
    expect(plp).toMatchObject({
      named: 5,
      namedEligible: 5,
      latestTally: { count: 60, qualifier: 'MORE_THAN', scope: 'MPs' },
    });
    expect(plp.thresholds).toEqual([
      expect.objectContaining({ label: '60 MPs (reported)', value: 60, reached: false }),
    ]);
    expect(plp.latestTally!.source.publisher).toBe('Sky News');
    const watson = await find('watson-letter');
    expect(watson).toMatchObject({ named: 1, latestTally: { count: 140, qualifier: 'MORE_THAN' } });
  });

  it('leave out withdrawn signatures and signers from houses that may not sign', async () => {
    const { rows } = await client.query(`SELECT id FROM "Campaign" WHERE slug = 'plp-motion'`);
    const campaignId = rows[0].id;
    const source = (await client.query(`SELECT id FROM "Source" LIMIT 1`)).rows[0].id;
    const lord = (
      await client.query(
        `INSERT INTO "Person" (slug, name, "sortName", house, "sourceId", "updatedAt") VALUES ('test-peer', 'Test Peer', 'Peer, Test', 'LORDS', $1, now()) RETURNING id`,
        [source],
      )
    ).rows[0].id;
    const mp = (await client.query(`SELECT id FROM "Person" WHERE slug = 'adam-afriyie'`)).rows[0].id;
    await client.query(
      `INSERT INTO "Signature" ("campaignId", "personId", "sourceId", "signedOn", "withdrawnOn", "withdrawalReason", "updatedAt")
       VALUES ($1, $2, $3, '2019-06-27', '2019-06-28', 'test', now()), ($1, $4, $3, '2019-06-27', NULL, NULL, now())`,
      [campaignId, mp, source, lord],
    );
    const plp = await find('plp-motion');
    expect(plp.named).toBe(6); // the peer is named…
    expect(plp.namedEligible).toBe(5); // …but the motion is for MPs only; the withdrawn MP counts nowhere
  });

  it('turn a share of a body into a number once the body’s size is known', async () => {
    const { rows } = await client.query(
      `SELECT c.id AS campaign, b.id AS body, c."sourceId" AS source FROM "Campaign" c JOIN "Body" b ON b.id = c."bodyId" WHERE c.slug = 'plp-motion'`,
    );
    const { campaign, body, source } = rows[0];
    await client.query(
      `INSERT INTO "Threshold" ("campaignId", label, "sharePercent", "bodyId", purpose, "sourceId", "updatedAt") VALUES ($1, '20% of the PLP', 20, $2, 'PROCEDURAL_REQUIREMENT', $3, now())`,
      [campaign, body, source],
    );
    // The PLP is a rule (Labour and Labour/Co-operative MPs), counted from the stints in force on
    // the campaign's day, its latest reported tally (28 June 2019).
    const { rows: plp } = await client.query(`
      SELECT count(DISTINCT "personId")::int AS n FROM "Membership"
      WHERE house = 'COMMONS' AND party IN ('Labour', 'Labour/Co-operative') AND "startDate" <= '2019-06-28' AND "endDate" >= '2019-06-28'`);
    let share = (await find('plp-motion')).thresholds.find((t) => t.label === '20% of the PLP')!;
    expect(share).toMatchObject({ value: Math.ceil((20 * plp[0].n) / 100), sharePercent: 20, bodySize: plp[0].n });
    // A size recorded on or before that day is what the source says, and wins over the count.
    await client.query(
      `INSERT INTO "BodySize" ("bodyId", "asOf", size, "sourceId") VALUES ($1, '2019-01-01', 250, $2), ($1, '2019-06-01', 247, $2)`,
      [body, source],
    );
    share = (await find('plp-motion')).thresholds.find((t) => t.label === '20% of the PLP')!;
    expect(share).toMatchObject({ value: 50, bodySize: 247 }); // ceil(20% of 247) = 50
  });
});

describe('a campaign kept per data version', () => {
  it('is read again after any change to the data set, even one made outside the app', async () => {
    const before = (await getCampaign('plp-motion'))!;
    expect(await getCampaign('plp-motion')).toBe(before); // kept: the same object while nothing changed
    const { rows } = await client.query(
      `INSERT INTO "Signature" ("campaignId", "personId", "sourceId", confidence, "updatedAt")
       SELECT c.id, p.id, c."sourceId", 'REPORTED', now() FROM "Campaign" c, "Person" p
       WHERE c.slug = 'plp-motion' AND p.party = 'Labour' AND p.house = 'COMMONS'
         AND p.id NOT IN (SELECT "personId" FROM "Signature" WHERE "campaignId" = c.id)
       ORDER BY p.id LIMIT 1 RETURNING id`,
    );
    const after = (await getCampaign('plp-motion'))!;
    expect(after.named).toBe(before.named + 1);
    await client.query(`DELETE FROM "Signature" WHERE id = $1`, [rows[0].id]);
    expect((await getCampaign('plp-motion'))!.named).toBe(before.named);
  });
});
