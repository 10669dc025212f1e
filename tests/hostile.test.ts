// Hostile and malformed input: every case gets a clear refusal (a field error, a 4xx) and the
// database does not change. Names that look like markup are stored as text (and rendered escaped:
// e2e/hostile.spec.ts).
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as apiCampaign } from '../app/api/v1/campaigns/[slug]/route';
import { GET as apiCampaigns } from '../app/api/v1/campaigns/route';
import { GET as exportRoute } from '../app/api/export/[file]/route';
import { saveRecord } from '../lib/admin/store';
import { signedInAs, type TestUser } from './support/auth';
import { useDatabase } from './support/database';
import { snapshot } from './support/snapshot';

let client: pg.Client;
let database: string;
let editor: TestUser;
let sourceId: string;
let campaignId: string;

beforeAll(async () => {
  const url = await useDatabase({ seeded: true });
  database = new URL(url).pathname.slice(1);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  editor = await signedInAs('editor');
  sourceId = String((await client.query(`SELECT id FROM "Source" LIMIT 1`)).rows[0].id);
  campaignId = String((await client.query(`SELECT id FROM "Campaign" WHERE slug = 'plp-motion'`)).rows[0].id);
  return () => client.end();
});

const person = (extra: Record<string, string>) => ({
  name: 'A Person',
  sortName: 'Person, A',
  slug: 'a-person',
  house: 'COMMONS',
  sourceId,
  ...extra,
});
const tally = (extra: Record<string, string>) => ({
  campaignId,
  asOf: '2019-07-01',
  qualifier: 'EXACT',
  count: '10',
  confidence: 'REPORTED',
  sourceId,
  ...extra,
});
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) data.append(k, item);
  return data;
};

// [what, entity, fields, the field whose error we expect]
const FORM_CASES: [string, string, () => Record<string, string | string[]>, string][] = [
  ['a 10,000-character name', 'people', () => person({ name: 'x'.repeat(10_000) }), 'name'],
  ['a name with a NUL byte', 'people', () => person({ name: 'Bad\u0000Name' }), 'name'],
  ['a name with an escape sequence', 'people', () => person({ name: 'Bad\u001b[31mName' }), 'name'],
  ['an empty name', 'people', () => person({ name: '   ' }), 'name'],
  ['a slug with path tricks', 'people', () => person({ slug: '../../etc/passwd' }), 'slug'],
  ['a slug with a slash', 'people', () => person({ slug: 'a/b' }), 'slug'],
  ['a slug with spaces', 'people', () => person({ slug: 'a b' }), 'slug'],
  ['a slug with upper case', 'people', () => person({ slug: 'Plp-Motion' }), 'slug'],
  ['a slug with unicode', 'people', () => person({ slug: 'café' }), 'slug'],
  ['a slug that is SQL', 'people', () => person({ slug: 'x\'; DROP TABLE "Person";--' }), 'slug'],
  ['a house that does not exist', 'people', () => person({ house: 'ATTIC' }), 'house'],
  ['a house written as SQL', 'people', () => person({ house: "COMMONS' OR '1'='1" }), 'house'],
  ['a source id that is text', 'people', () => person({ sourceId: 'abc' }), 'sourceId'],
  ['a negative source id', 'people', () => person({ sourceId: '-1' }), 'sourceId'],
  ['a count that is not a number', 'tallies', () => tally({ count: 'lots' }), 'count'],
  ['a count that is NaN', 'tallies', () => tally({ count: 'NaN' }), 'count'],
  ['a count of 1e400', 'tallies', () => tally({ count: '1e400' }), 'count'],
  ['a negative count', 'tallies', () => tally({ count: '-5' }), 'count'],
  ['a fractional count', 'tallies', () => tally({ count: '2.5' }), 'count'],
  ['a hexadecimal count', 'tallies', () => tally({ count: '0x10' }), 'count'],
  ['a count of ten million and one', 'tallies', () => tally({ count: '10000001' }), 'count'],
  ['a 13th month', 'tallies', () => tally({ asOf: '2019-13-01' }), 'asOf'],
  ['a 30 February', 'tallies', () => tally({ asOf: '2019-02-30' }), 'asOf'],
  ['29 February in a common year', 'tallies', () => tally({ asOf: '2019-02-29' }), 'asOf'],
  ['a day-first date', 'tallies', () => tally({ asOf: '28/06/2019' }), 'asOf'],
  ['a date with SQL', 'tallies', () => tally({ asOf: "2019-06-28'; --" }), 'asOf'],
  ['a qualifier that does not exist', 'tallies', () => tally({ qualifier: 'ROUGHLY' }), 'qualifier'],
  ['a campaign id that does not exist', 'tallies', () => tally({ campaignId: '99999999' }), '_form'],
  ['a campaign id too big for an int', 'tallies', () => tally({ campaignId: '99999999999' }), 'campaignId'],
  ['a scope of 500 characters', 'tallies', () => tally({ scope: 's'.repeat(500) }), 'scope'],
  [
    'a signature for nobody',
    'signatures',
    () => ({ campaignId, personId: 'nobody-at-all', confidence: 'REPORTED', sourceId }),
    'personId',
  ],
  [
    'a signature with a script as the person',
    'signatures',
    () => ({ campaignId, personId: '<script>alert(1)</script>', confidence: 'REPORTED', sourceId }),
    'personId',
  ],
  [
    'a withdrawal before signing',
    'signatures',
    () => ({
      campaignId,
      personId: 'adam-afriyie',
      confidence: 'REPORTED',
      sourceId,
      signedOn: '2019-06-28',
      withdrawnOn: '2019-06-01',
    }),
    'withdrawnOn',
  ],
  [
    'a duplicate signature',
    'signatures',
    () => ({ campaignId, personId: 'yvette-cooper', confidence: 'REPORTED', sourceId }),
    'personId',
  ],
  [
    'a share over 100%',
    'thresholds',
    () => ({ campaignId, label: 'x', purpose: 'TARGET', sharePercent: '150', bodyId: '1', sourceId }),
    'sharePercent',
  ],
  [
    'a house list with a bogus house',
    'campaigns',
    () => ({
      slug: 'x-y',
      title: 'X',
      kind: 'LETTER',
      status: 'OPEN',
      eligibleHouses: ['COMMONS', 'BASEMENT'],
      sourceId,
    }),
    'eligibleHouses',
  ],
  [
    'a campaign with no house',
    'campaigns',
    () => ({ slug: 'x-y', title: 'X', kind: 'LETTER', status: 'OPEN', sourceId }),
    'eligibleHouses',
  ],
  ['a javascript: web address', 'sources', () => ({ publisher: 'P', title: 'T', url: 'javascript:alert(1)' }), 'url'],
  [
    'a data: web address',
    'sources',
    () => ({ publisher: 'P', title: 'T', url: 'data:text/html,<script>alert(1)</script>' }),
    'url',
  ],
  ['a web address that is not one', 'sources', () => ({ publisher: 'P', title: 'T', url: 'not a url' }), 'url'],
  [
    'a net rating of 150',
    'polls',
    () => ({
      pollster: 'P',
      subjectPersonId: 'jeremy-corbyn',
      subjectRole: 'Leader',
      net: '150',
      confidence: 'REPORTED',
      sourceId,
    }),
    'net',
  ],
  [
    'a net rating that disagrees with its parts',
    'polls',
    () => ({
      pollster: 'P',
      subjectPersonId: 'jeremy-corbyn',
      subjectRole: 'Leader',
      satisfied: '20',
      dissatisfied: '70',
      net: '10',
      confidence: 'REPORTED',
      sourceId,
    }),
    'net',
  ],
];

describe('hostile form input', () => {
  it.each(FORM_CASES)('%s is refused with a field error and changes nothing', async (_what, entity, fields, field) => {
    const before = await snapshot(database, ['session', 'LoginThrottle']);
    const state = await saveRecord(entity, null, form(fields()), { headers: editor.headers });
    expect(state.status).toBe('error');
    expect(Object.keys(state.fieldErrors ?? {})).toContain(field);
    expect(await snapshot(database, ['session', 'LoginThrottle'])).toEqual(before);
  });

  it('markup and SQL in a name are stored as the text they are', async () => {
    const name = `<img src=x onerror=alert(1)> Robert'); DROP TABLE "Person";--`;
    const state = await saveRecord('people', null, form(person({ name, slug: 'little-bobby-tables' })), {
      headers: editor.headers,
    });
    expect(state.status).toBe('saved');
    const { rows } = await client.query(`SELECT name FROM "Person" WHERE slug = 'little-bobby-tables'`);
    expect(rows[0].name).toBe(name);
    expect((await client.query(`SELECT count(*)::int AS n FROM "Person"`)).rows[0].n).toBeGreaterThan(600);
  });
});

describe('hostile requests to route handlers', () => {
  const request = (url: string) => new Request(`http://localhost${url}`);
  it.each([['../../etc/passwd'], ['%00'], ['<script>'], ['plp-motion; DROP TABLE "Campaign"'], ['x'.repeat(500)]])(
    'an API campaign slug of %s answers 404',
    async (slug) => {
      const response = await apiCampaign(request(`/api/v1/campaigns/${encodeURIComponent(slug)}`), {
        params: Promise.resolve({ slug }),
      });
      expect(response.status).toBe(404);
    },
  );

  it.each([['page=-1&per_page=abc'], ['page=1e9&per_page=-5'], ['page=%27%3B--'], ['per_page=99999999999999999999']])(
    'paging of %s is clamped, not an error',
    async (query) => {
      const response = await apiCampaigns(request(`/api/v1/campaigns?${query}`));
      expect(response.status).toBe(200);
    },
  );

  it.each([
    ['passwords.csv', 404],
    ['signatures.txt', 404],
    ['..%2F..%2Fetc%2Fpasswd', 404],
    ['SIGNATURES.csv', 404],
    ['audit.csv', 401],
  ])('export %s answers %i', async (file, status) => {
    const response = await exportRoute(request(`/api/export/${file}`), {
      params: Promise.resolve({ file: decodeURIComponent(file) }),
    });
    expect(response.status).toBe(status);
  });

  it('an export campaign filter with path tricks answers 422', async () => {
    const response = await exportRoute(request('/api/export/signatures.csv?campaign=../x'), {
      params: Promise.resolve({ file: 'signatures.csv' }),
    });
    expect(response.status).toBe(422);
  });
});
