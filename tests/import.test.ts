// CSV imports: clear refusals for bad files, row-by-row reasons, all-or-nothing commits,
// idempotence, concurrency, and the real roster.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createImportJob, getImportJob, runImportJob } from '../lib/import/jobs';
import { MAX_BYTES } from '../lib/import/parse';
import { ROSTER_FILE } from '../seeds/index';
import { signedInAs, type TestUser } from './support/auth';
import { createDatabase, resetClients, urlFor, useDatabase } from './support/database';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'csv');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

let client: pg.Client;
let editor: TestUser;
let viewer: TestUser;
let campaignId: number;
let sourceId: number;

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  editor = await signedInAs('editor');
  viewer = await signedInAs('viewer');
  campaignId = (await client.query(`SELECT id FROM "Campaign" WHERE slug = 'watson-letter'`)).rows[0].id;
  sourceId = (await client.query(`SELECT id FROM "Source" WHERE key = 'sky-2019-06-28-williamson'`)).rows[0].id;
  return () => client.end();
});

const upload = (fileName: string, bytes: Uint8Array, kind = 'signatures', who = editor) =>
  createImportJob({ kind, fileName, bytes, campaignId, sourceId }, { headers: who.headers });
const signatures = async () =>
  (await client.query(`SELECT count(*)::int AS n FROM "Signature" WHERE "campaignId" = $1`, [campaignId])).rows[0]
    .n as number;

describe('files that cannot be imported are refused with a clear reason', () => {
  it.each([
    ['empty.csv', 'The file is empty.'],
    ['latin1.csv', 'The file is not valid UTF-8'],
    ['utf16.csv', 'The file is in UTF-16.'],
    ['semicolon.csv', 'The columns are separated by “;”, not commas.'],
    ['tab.csv', 'The columns are separated by tabs, not commas.'],
    ['missing-column.csv', 'Missing column: name.'],
    ['unknown-column.csv', 'Unknown column: shoe_size.'],
    ['duplicate-column.csv', 'The column name appears twice in the header.'],
    ['ragged.csv', 'Line 3: this row has a different number of columns from the header.'],
    ['unclosed-quote.csv', 'is never closed'],
    ['header-only.csv', 'The file has a header row but no data rows.'],
  ])('%s', async (file, message) => {
    const jobs = (await client.query(`SELECT count(*)::int AS n FROM "ImportJob"`)).rows[0].n;
    await expect(upload(file, fixture(file))).rejects.toThrow(message);
    expect((await client.query(`SELECT count(*)::int AS n FROM "ImportJob"`)).rows[0].n).toBe(jobs);
  });

  it('a file over the size cap', async () => {
    await expect(upload('big.csv', new Uint8Array(MAX_BYTES + 1).fill(0x41))).rejects.toThrow(/the limit is 20 MB/);
  });

  it('an upload without a session or by a viewer', async () => {
    await expect(
      createImportJob(
        { kind: 'signatures', fileName: 'x.csv', bytes: fixture('bom-crlf.csv'), campaignId, sourceId },
        { headers: new Headers() },
      ),
    ).rejects.toThrow('Please sign in first.');
    await expect(upload('bom-crlf.csv', fixture('bom-crlf.csv'), 'signatures', viewer)).rejects.toThrow(
      /needs the editor role/,
    );
  });

  it('accepts a BOM and CRLF line ends', async () => {
    const job = (await getImportJob(await upload('bom-crlf.csv', fixture('bom-crlf.csv')), {
      headers: viewer.headers,
    }))!;
    expect(job).toMatchObject({ totalRows: 2, validRows: 2, invalidRows: 0 });
  });
});

describe('a file with some bad rows', () => {
  let id: number;

  it('previews every invalid row with its line, column and reason', async () => {
    id = await upload('signatures-mixed.csv', fixture('signatures-mixed.csv'));
    const job = (await getImportJob(id, { headers: editor.headers }))!;
    expect(job).toMatchObject({ status: 'PREVIEWED', totalRows: 8, validRows: 3, invalidRows: 5 });
    expect(job.errors).toEqual([
      { row: 6, column: '', reason: 'Duplicate of row 2.' },
      { row: 7, column: 'signed_on', reason: 'signed_on must be a date as YYYY-MM-DD.' },
      { row: 8, column: 'confidence', reason: 'confidence must be confirmed, reported or claimed.' },
      { row: 4, column: 'name', reason: expect.stringMatching(/^Ambiguous: /) },
      { row: 5, column: 'name', reason: 'No person with this name.' },
    ]);
    expect(job.preview[0]).toMatchObject({ line: 2, outcome: 'Signature of Yvette Cooper (exact)' });
  });

  it('imports nothing unless invalid rows are skipped, then imports the valid ones in one go', async () => {
    const before = await signatures();
    const refused = await runImportJob(id, { skipInvalid: false }, { headers: editor.headers });
    expect(refused).toEqual({
      ok: false,
      message: '5 rows are invalid, so nothing was imported. Fix the file, or choose to skip invalid rows.',
    });
    expect(await signatures()).toBe(before);
    expect((await getImportJob(id, { headers: editor.headers }))!.status).toBe('FAILED');

    const done = await runImportJob(id, { skipInvalid: true }, { headers: editor.headers });
    expect(done).toEqual({ ok: true, message: '3 signatures added; 0 were already recorded.' });
    expect(await signatures()).toBe(before + 3);
    const note = (
      await client.query(
        `SELECT s.note FROM "Signature" s JOIN "Person" p ON p.id = s."personId" WHERE p.slug = 'keir-starmer' AND s."campaignId" = $1`,
        [campaignId],
      )
    ).rows[0].note;
    expect(note).toBe('=HYPERLINK("http://evil.example")'); // stored as given; neutralised on export
    expect(await runImportJob(id, { skipInvalid: true }, { headers: editor.headers })).toEqual({
      ok: false,
      message: 'This import has already been done.',
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await signatures();
    const again = await upload('signatures-mixed.csv', fixture('signatures-mixed.csv'));
    expect(await runImportJob(again, { skipInvalid: true }, { headers: editor.headers })).toEqual({
      ok: true,
      message: '0 signatures added; 3 were already recorded.',
    });
    expect(await signatures()).toBe(before);
  });
});

describe('a signatures file with a campaign column', () => {
  it('files each row under its own campaign, and names an unknown campaign', async () => {
    const csv = 'campaign,name\nplp-motion,Keir Starmer\nwatson-letter,Wes Streeting\nno-such-campaign,David Lammy\n';
    const id = await createImportJob(
      { kind: 'signatures', fileName: 'multi.csv', bytes: new TextEncoder().encode(csv), sourceId },
      { headers: editor.headers },
    );
    const job = (await getImportJob(id, { headers: editor.headers }))!;
    expect(job.errors).toEqual([{ row: 4, column: 'campaign', reason: 'No campaign with the slug no-such-campaign.' }]);
    expect(await runImportJob(id, { skipInvalid: true }, { headers: editor.headers })).toMatchObject({ ok: true });
    const { rows } = await client.query(
      `SELECT c.slug FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" JOIN "Person" p ON p.id = s."personId" WHERE p.slug IN ('keir-starmer', 'wes-streeting') ORDER BY p.slug, c.slug`,
    );
    expect(rows.map((r) => r.slug)).toEqual(expect.arrayContaining(['plp-motion', 'watson-letter']));
  });
});

describe('a roster laid out differently', () => {
  it('is read through a column mapping, its other columns ignored', async () => {
    const csv =
      'person_id,full_name,party,seat,house,twitter_followers\nx-1,Ada Example,Example Party,Somewhere,House of Commons,12\n';
    const bytes = new TextEncoder().encode(csv);
    await expect(
      createImportJob({ kind: 'roster', fileName: 'other.csv', bytes, sourceId }, { headers: editor.headers }),
    ).rejects.toThrow('Missing columns: id, name.');
    const mapping = { id: 'person_id', name: 'full_name', group: 'party', area: 'seat', chamber: 'house' };
    const id = await createImportJob(
      { kind: 'roster', fileName: 'other.csv', bytes, mapping, sourceId },
      { headers: editor.headers },
    );
    expect((await getImportJob(id, { headers: editor.headers }))!).toMatchObject({ validRows: 1, invalidRows: 0 });
    expect(await runImportJob(id, { skipInvalid: false }, { headers: editor.headers })).toMatchObject({ ok: true });
    const { rows } = await client.query(
      `SELECT name, party, constituency, house::text FROM "Person" WHERE slug = 'ada-example'`,
    );
    expect(rows).toEqual([
      { name: 'Ada Example', party: 'Example Party', constituency: 'Somewhere', house: 'COMMONS' },
    ]);
  });
});

describe('an import run after its preview (import once)', () => {
  const uploadText = (csv: string) =>
    createImportJob(
      { kind: 'signatures', fileName: 'once.csv', bytes: new TextEncoder().encode(csv), campaignId, sourceId },
      { headers: editor.headers },
    );
  const auditOf = async (id: number) =>
    (
      await client.query<{ details: { checked: string } }>(
        `SELECT after AS details FROM "AuditEvent" WHERE action = 'import' AND "entityId" = $1`,
        [String(id)],
      )
    ).rows[0]!.details;

  it('imports the rows its preview checked while nothing has changed, without reading the file again', async () => {
    const id = await uploadText('name\nAngela Rayner\n');
    // Were the file parsed and matched again, this would import no one (and say so).
    await client.query(`UPDATE "ImportJob" SET content = 'name\nNobody At All\n' WHERE id = $1`, [id]);
    const before = await signatures();
    expect(await runImportJob(id, { skipInvalid: false }, { headers: editor.headers })).toEqual({
      ok: true,
      message: '1 signatures added; 0 were already recorded.',
    });
    expect(await signatures()).toBe(before + 1);
    const signer = await client.query(
      `SELECT p.name FROM "Signature" s JOIN "Person" p ON p.id = s."personId" WHERE s."campaignId" = $1 ORDER BY s.id DESC LIMIT 1`,
      [campaignId],
    );
    expect(signer.rows[0].name).toBe('Angela Rayner');
    expect((await auditOf(id)).checked).toBe('at preview');
    expect((await client.query(`SELECT checked FROM "ImportJob" WHERE id = $1`, [id])).rows[0].checked).toBeNull();
  });

  it('checks the file again when the data changed since the preview', async () => {
    const id = await uploadText('name\nZebedee Previewless\n');
    expect((await getImportJob(id, { headers: editor.headers }))!.invalidRows).toBe(1);
    // After the preview, the person is added (with the alias names are matched by): the run
    // must see them, not the preview's refusal.
    const person = await client.query<{ id: number }>(
      `INSERT INTO "Person" (slug, name, "sortName", house, "sourceId", "updatedAt")
       VALUES ('zebedee-previewless', 'Zebedee Previewless', 'previewless zebedee', 'COMMONS', $1, now()) RETURNING id`,
      [sourceId],
    );
    await client.query(
      `INSERT INTO "PersonAlias" ("personId", alias, normalized, "sourceId") VALUES ($1, 'Zebedee Previewless', 'zebedee previewless', $2)`,
      [person.rows[0]!.id, sourceId],
    );
    expect(await runImportJob(id, { skipInvalid: false }, { headers: editor.headers })).toEqual({
      ok: true,
      message: '1 signatures added; 0 were already recorded.',
    });
    expect((await auditOf(id)).checked).toBe('again at run');
  });
});

describe('an import cut short by a crash', () => {
  it('is marked failed once no server holds its lock, saved nothing, and can be run again', async () => {
    const { failAbandonedImports } = await import('../lib/import/jobs');
    const csv = 'name\nJonathan Ashworth\n';
    const id = await createImportJob(
      { kind: 'signatures', fileName: 'crash.csv', bytes: new TextEncoder().encode(csv), campaignId, sourceId },
      { headers: editor.headers },
    );
    // What a SIGKILL mid-run leaves behind: the job claimed a while ago, its transaction gone.
    await client.query(
      `UPDATE "ImportJob" SET status = 'RUNNING', "updatedAt" = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    const before = await signatures();
    // While another app server's transaction holds the job's lock, the job is running, not abandoned.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [0x1d09, id]);
    expect(await failAbandonedImports()).toBe(0);
    await other.query('ROLLBACK');
    await other.end();
    expect(await failAbandonedImports()).toBe(1);
    const job = (await getImportJob(id, { headers: editor.headers }))!;
    expect(job.status).toBe('FAILED');
    expect(job.message).toMatch(/nothing was saved. Run it again/);
    expect(await signatures()).toBe(before);
    expect(await runImportJob(id, { skipInvalid: false }, { headers: editor.headers })).toMatchObject({ ok: true });
    expect(await signatures()).toBe(before + 1);
  });
});

describe('polls', () => {
  it('checks ranges and dates, and matches subjects by slug or name', async () => {
    const id = await createImportJob(
      { kind: 'polls', fileName: 'polls.csv', bytes: fixture('polls.csv'), sourceId },
      { headers: editor.headers },
    );
    const job = (await getImportJob(id, { headers: editor.headers }))!;
    expect(job.errors).toEqual([
      { row: 4, column: 'fieldwork_end', reason: 'fieldwork_end is before fieldwork_start.' },
      { row: 5, column: 'net', reason: 'net must be a number from -100 to 100.' },
    ]);
    const result = await runImportJob(id, { skipInvalid: true }, { headers: editor.headers });
    expect(result).toEqual({ ok: true, message: '2 polls added; 0 were already recorded.' });
  });
});

describe('the real roster', () => {
  it('imports 661 rows as 652 people into an empty database, once, even when two imports race', async () => {
    // A database with the schema but no seed, and accounts of its own.
    const name = await createDatabase('template_migrated');
    const local = new pg.Client({ connectionString: urlFor(name) });
    await local.connect();
    const previous = process.env.DATABASE_URL;
    await resetClients();
    process.env.DATABASE_URL = urlFor(name);
    try {
      const admin = await signedInAs('editor');
      const bytes = new Uint8Array(readFileSync(ROSTER_FILE));
      const source = (
        await local.query(
          `INSERT INTO "Source" (publisher, title, "updatedAt") VALUES ('UK Parliament', 'Dates of the 57th Parliament', now()) RETURNING id`,
        )
      ).rows[0].id;
      // This database knows no terms: the roster's term 57 needs its dates, asked once for the
      // file (issue 22: not as 661 identical row errors), and no job is made.
      await expect(
        createImportJob(
          { kind: 'roster', fileName: 'uk-commons-2017.csv', bytes, sourceId: source },
          { headers: admin.headers },
        ),
      ).rejects.toThrow(
        'The file names term 57 of the House of Commons (661 rows), which this database does not know: give that term’s first and last day and their source under “The file names a term”, then check the file again.',
      );
      expect((await local.query(`SELECT count(*)::int AS n FROM "ImportJob"`)).rows[0].n).toBe(0);
      const term = { startDate: '2017-06-08', endDate: '2019-11-06', sourceId: source };
      const [a, b] = await Promise.all(
        [1, 2].map(() =>
          createImportJob(
            { kind: 'roster', fileName: 'uk-commons-2017.csv', bytes, term, sourceId: source },
            { headers: admin.headers },
          ),
        ),
      );
      expect((await getImportJob(a!, { headers: admin.headers }))!).toMatchObject({
        totalRows: 661,
        validRows: 661,
        invalidRows: 0,
        // The preview says what the run would do, in totals.
        message:
          'The valid rows would add 652 new people and 661 new stints, change 0 stints and leave 0 stints as recorded.',
      });
      const results = await Promise.all(
        [a!, b!].map((id) => runImportJob(id, { skipInvalid: false }, { headers: admin.headers })),
      );
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      const counts = (
        await local.query(
          `SELECT (SELECT count(*)::int FROM "Person") AS people, (SELECT count(*)::int FROM "Membership") AS stints`,
        )
      ).rows[0];
      expect(counts).toEqual({ people: 652, stints: 661 });
      expect(results.map((r) => r.message).sort()).toEqual([
        '0 new people, 0 new stints and 0 changed stints from 661 rows.',
        '652 new people, 661 new stints and 0 changed stints from 661 rows.',
      ]);
      // One term, made once; every stint dated within it.
      const dated = (
        await local.query(
          `SELECT count(*)::int AS n FROM "Membership" m JOIN "Term" t ON t.id = m."termId" WHERE m."startDate" >= t."startDate" AND m."endDate" <= t."endDate"`,
        )
      ).rows[0];
      expect(dated.n).toBe(661);
      // Every person and stint cites the source chosen on the upload form, not one named after the file.
      const cited = (
        await local.query(
          `SELECT (SELECT count(*)::int FROM "Person" WHERE "sourceId" = $1) AS people,
                  (SELECT count(*)::int FROM "Membership" WHERE "sourceId" = $1) AS stints,
                  (SELECT count(*)::int FROM "Source") AS sources`,
          [source],
        )
      ).rows[0];
      expect(cited).toEqual({ people: 652, stints: 661, sources: 1 });
    } finally {
      await resetClients();
      process.env.DATABASE_URL = previous;
      await local.end();
    }
  });
});
