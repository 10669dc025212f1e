// One search box: people by any alias, accent- and case-insensitive; campaigns, bodies, sources;
// hostile queries answered quickly with nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as searchApi } from '../app/api/v1/search/route';
import { search } from '../lib/search';
import { useDatabase } from './support/database';

beforeAll(async () => {
  await useDatabase({ seeded: true });
});

const names = async (q: string) => (await search(q)).people.map((p) => p.name);

describe('search', () => {
  it.each(['hodge', 'Dame Margaret', 'HODGE', 'margaret hodge', 'Hodge, Margaret'])(
    'finds Margaret Hodge from %j',
    async (q) => {
      expect(await names(q)).toContain('Margaret Hodge');
    },
  );

  it('ignores accents and case both ways', async () => {
    expect(await names('orfhlaith begley')).toEqual(['Órfhlaith Begley']);
    expect(await names('ÓRFHLAITH')).toEqual(['Órfhlaith Begley']);
  });

  it('finds people by a name a source used that is not the roster’s', async () => {
    // The roster's "Jon Ashworth" is also "Jonathan Ashworth" (from his sort name).
    const result = await search('jonathan ashworth');
    expect(result.people.map((p) => [p.name, p.matched])).toEqual([['Jon Ashworth', 'Jonathan Ashworth']]);
  });

  it('finds campaigns, bodies and sources', async () => {
    const result = await search('williamson');
    expect(result.campaigns.map((c) => c.slug).sort()).toEqual(['plp-motion', 'watson-letter']);
    expect((await search('parliamentary labour')).bodies.map((b) => b.slug)).toContain('plp');
    expect((await search('sky news')).sources.map((s) => s.publisher)).toContain('Sky News');
  });

  // How fast is the benchmark's business (bench/run.ts: search at 2,000 people and 20,000 campaigns).
  it.each([['x'.repeat(10_000)], ['\'; DROP TABLE "Person"; --'], ['%%%'], ['!!! ??? ...'], ['_'], ['']])(
    'answers %j with nothing, without error',
    async (q) => {
      const result = await search(q);
      expect(result.people.length + result.campaigns.length + result.bodies.length + result.sources.length).toBe(0);
    },
  );

  it('answers the same through /api/v1/search', async () => {
    const response = await searchApi(new Request('http://localhost/api/v1/search?q=hodge'));
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.people.map((p: { slug: string }) => p.slug)).toContain('margaret-hodge');
  });
});
