// CSV reports: exact output (golden files), formula neutralising, RFC 4180, access.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { getCampaign } from '../lib/campaigns';
import { EXPORTS, openExport } from '../lib/export';
import { signedInAs } from './support/auth';
import { useDatabase } from './support/database';

const GOLDEN = path.join(import.meta.dirname, 'golden');
let client: pg.Client;

async function read(name: string, params: Record<string, string> = {}, headers?: Headers) {
  const { stream, filename, description } = await openExport(
    name,
    new URLSearchParams(params),
    headers ? { headers } : undefined,
  );
  return { filename, description, text: await new Response(stream).text() };
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  return () => client.end();
});

describe('CSV exports of the seeded data', () => {
  // Golden files are the reviewed, expected output; UPDATE_GOLDEN=1 rewrites them for review.
  for (const name of Object.keys(EXPORTS).filter((n) => !EXPORTS[n]!.private)) {
    it(`${name}.csv matches its golden file`, async () => {
      const { text, filename } = await read(name);
      expect(filename).toMatch(new RegExp(`^whipcount-${name}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const file = path.join(GOLDEN, `${name}.csv`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
      // A new export needs its golden file reviewed and committed: missing is a failure, not a pass.
      expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npm run test:unit and review it`).toBe(true);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('filters signatures as the campaign page does, and names the file after the campaign', async () => {
    const { text, filename, description } = await read('signatures', { campaign: 'plp-motion', q: 'hull' });
    expect(filename).toMatch(/^whipcount-signatures-plp-motion-/);
    // What it is and when it was made, for the X-Whipcount-Export header (the CSV stays plain).
    expect(description).toMatch(
      /^Whipcount signatures \(campaign=plp-motion, q=hull\), made \d{4}-\d\d-\d\dT[\d:.]+Z from http:\/\/localhost:\d+$/,
    );
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('diana-r-johnson');
    await expect(read('signatures', { campaign: '../etc' })).rejects.toThrow('campaign must be a campaign slug');
  });
});

describe('what the file says equals what the page says (issue 24)', () => {
  it('a share of a body: the thresholds CSV has the body size and value the campaign page shows', async () => {
    // The PLP's size is counted from its members on the campaign's day (no BodySize is recorded).
    await client.query(`
      INSERT INTO "Threshold" ("campaignId", label, purpose, "sharePercent", "bodyId", "sourceId", "updatedAt")
      SELECT c.id, 'A fifth of the PLP', 'PROCEDURAL_REQUIREMENT', 20, b.id, c."sourceId", now()
      FROM "Campaign" c, "Body" b WHERE c.slug = 'plp-motion' AND b.slug = 'plp'`);
    try {
      const page = (await getCampaign.uncached('plp-motion'))!.thresholds.find(
        (t) => t.label === 'A fifth of the PLP',
      )!;
      expect(page.bodySize).toBeGreaterThan(200);
      expect(page.value).toBe(Math.ceil(page.bodySize! / 5));
      const { text } = await read('thresholds');
      const [head, ...rows] = text
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(','));
      const row = Object.fromEntries(head!.map((h, i) => [h, rows.find((r) => r[1] === 'A fifth of the PLP')![i]]));
      expect(row).toMatchObject({
        share_percent: '20.00',
        body: 'plp',
        body_size: String(page.bodySize),
        value: String(page.value),
      });
    } finally {
      await client.query(`DELETE FROM "Threshold" WHERE label = 'A fifth of the PLP'`);
    }
  });
});

describe('formula injection', () => {
  it('prefixes text cells that a spreadsheet would run, and leaves numbers alone', async () => {
    const source = (await client.query(`SELECT id FROM "Source" LIMIT 1`)).rows[0].id;
    const hostile = [
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '-2',
      '@SUM(A1)',
      '\tTab',
      '\rCR',
      '\nLF',
      'plain',
    ];
    for (const [i, subject] of hostile.entries()) {
      await client.query(
        `INSERT INTO "Statement" ("speakerLabel", subject, stance, "sourceId", "updatedAt") VALUES ($1, $2, 'NEUTRAL', $3, now())`,
        [`Speaker ${i}`, subject, source],
      );
    }
    const { text } = await read('statements');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).toContain(`,'+1+1,`);
    expect(text).toContain(`,'-2,`);
    expect(text).toContain(`,'@SUM(A1),`);
    expect(text).toContain(`,'\tTab,`); // a tab needs no quotes in CSV, but gets the apostrophe
    expect(text).toContain(`"'\rCR"`);
    expect(text).toContain(`"'\nLF"`);
    expect(text).toContain(',plain,');
    const polls = (await read('polls')).text;
    expect(polls).toMatch(/,-58\.00,/); // a negative number stays a number
  });
});

describe('RFC 4180', () => {
  it('ends records with CRLF but keeps line breaks inside quoted fields, and adds a BOM for Excel', async () => {
    const { text } = await read('statements');
    expect(text.split('\r\n')[0]).toBe(
      'id,person,speaker,campaign,subject,stance,quote,summary,said_on,confidence,source_publisher,source_title,source_published_at,source_url',
    );
    expect(/[^\r]\n/.test(text.replace(/"[^"]*(?:""[^"]*)*"/g, ''))).toBe(false); // outside quotes, every LF follows a CR
    const excel = await openExport('tallies', new URLSearchParams({ excel: '1' }));
    const bytes = new Uint8Array(await new Response(excel.stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('access', () => {
  it('keeps the audit log for signed-in users', async () => {
    await expect(read('audit')).rejects.toThrow('Please sign in first.');
    const viewer = await signedInAs('viewer');
    const { text } = await read('audit', {}, viewer.headers);
    expect(text.split('\r\n')[0]).toBe('id,at,actor,action,entity,entity_id,before,after');
  });

  it('answers an unknown export clearly', async () => {
    await expect(read('passwords')).rejects.toThrow(/There is no export called passwords/);
  });
});

describe('csv_safe', () => {
  it('neutralises exactly what the regular expression it replaced did', async () => {
    const cells = [
      '=1+1',
      '+1',
      '-1',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '\nx',
      "'quoted",
      'plain',
      '',
      ' =not first',
      'Zoë',
      '€5',
      '０',
    ];
    const { rows } = await client.query<{ same: boolean; cell: string }>(
      `SELECT cell, csv_safe(cell) IS NOT DISTINCT FROM (CASE WHEN cell ~ '^[=+\\-@\\t\\r\\n'']' THEN '''' || cell ELSE cell END) AS same
       FROM unnest($1::text[] || ARRAY[NULL]) AS cell`,
      [cells],
    );
    expect(rows.filter((r) => !r.same).map((r) => r.cell)).toEqual([]);
    expect(rows).toHaveLength(cells.length + 1);
  });
});
