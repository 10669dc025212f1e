// The read-only JSON API, called through its route handlers.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as campaign } from '../app/api/v1/campaigns/[slug]/route';
import { GET as signatures } from '../app/api/v1/campaigns/[slug]/signatures/route';
import { GET as campaigns } from '../app/api/v1/campaigns/route';
import { GET as people } from '../app/api/v1/people/route';
import { GET as polls } from '../app/api/v1/polls/route';
import { useDatabase } from './support/database';

beforeAll(async () => {
  await useDatabase({ seeded: true });
});

const get = (url: string) => new Request(`http://localhost${url}`);
const slug = (s: string) => ({ params: Promise.resolve({ slug: s }) });

describe('/api/v1', () => {
  it('lists campaigns with counts, tallies and thresholds, paginated', async () => {
    const response = await campaigns(get('/api/v1/campaigns?per_page=1'));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.pagination).toEqual({ page: 1, perPage: 1, total: 2, pages: 2, nextPage: 2 });
    expect(body.data).toHaveLength(1);
    const second = await (await campaigns(get('/api/v1/campaigns?per_page=1&page=2'))).json();
    const both = [...body.data, ...second.data];
    expect(both.map((c: { slug: string }) => c.slug).sort()).toEqual(['plp-motion', 'watson-letter']);
    const plp = both.find((c: { slug: string }) => c.slug === 'plp-motion');
    expect(plp).toMatchObject({
      kind: 'MOTION',
      namedSignatories: 5,
      countedSignatories: 5,
      latestTally: {
        count: 60,
        qualifier: 'MORE_THAN',
        scope: 'MPs',
        asOf: '2019-06-28',
        source: { publisher: 'Sky News', url: null },
      },
      thresholds: [{ label: '60 MPs (reported)', value: 60, reached: false }],
      currentStage: { position: 1, status: 'SCHEDULED', scheduledOn: '2019-07-03' },
    });
  });

  it('gives one campaign with its tallies, thresholds and stages, and 404 for an unknown one', async () => {
    const body = await (await campaign(get('/api/v1/campaigns/plp-motion'), slug('plp-motion'))).json();
    expect(body.data.stages.map((s: { name: string }) => s.name)).toEqual([
      'Referral to the parliamentary committee',
      'Vote of the full PLP at Westminster',
    ]);
    expect(body.data.byConfidence).toEqual({ REPORTED: 5 });
    expect(body.data.thresholds[0]).toMatchObject({
      reportedPassedOn: '2019-06-28',
      crossedOn: null,
      projection: { kind: 'insufficient' },
    });
    expect((await campaign(get('/api/v1/campaigns/nope'), slug('nope'))).status).toBe(404);
    expect((await campaign(get('/api/v1/campaigns/..%2Fx'), slug('../x'))).status).toBe(404);
  });

  it('pages and filters a campaign’s signatories', async () => {
    const first = await (
      await signatures(get('/api/v1/campaigns/plp-motion/signatures?per_page=2&sort=name'), slug('plp-motion'))
    ).json();
    expect(first.pagination).toMatchObject({ total: 5, pages: 3, nextPage: 2 });
    expect(first.data.map((s: { name: string }) => s.name)).toEqual(['Yvette Cooper', 'Margaret Hodge']);
    expect(first.data[0]).toMatchObject({
      person: 'yvette-cooper',
      house: 'COMMONS',
      confidence: 'REPORTED',
      counted: true,
      signedOn: null,
      knownOn: '2019-06-28',
    });
    const hull = await (
      await signatures(get('/api/v1/campaigns/plp-motion/signatures?q=hull'), slug('plp-motion'))
    ).json();
    expect(hull.data.map((s: { name: string }) => s.name)).toEqual(['Diana R. Johnson']);
  });

  it('lists people and polls', async () => {
    const found = await (await people(get('/api/v1/people?q=Dame%20Margaret%20Hodge'))).json();
    expect(found.data).toEqual([expect.objectContaining({ slug: 'margaret-hodge', honorific: 'Dame', signatures: 1 })]);
    const all = await (await people(get('/api/v1/people?per_page=200&page=4'))).json();
    expect(all.pagination).toMatchObject({ page: 4, perPage: 200, total: 654, pages: 4, nextPage: null });
    expect(all.data).toHaveLength(54);
    const rated = await (await polls(get('/api/v1/polls'))).json();
    expect(
      rated.data.map((p: { subjectName: string; net: number; recordLow: boolean }) => [
        p.subjectName,
        p.net,
        p.recordLow,
      ]),
    ).toEqual([
      ['Jeremy Corbyn', -58, true],
      ['Michael Foot', -56, false],
    ]);
  });

  it('clamps silly paging instead of failing', async () => {
    const body = await (await campaigns(get('/api/v1/campaigns?per_page=100000&page=-3'))).json();
    expect(body.pagination).toMatchObject({ page: 1, perPage: 200 });
  });
});
