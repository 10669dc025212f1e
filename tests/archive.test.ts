// The "everything" export and its import: exporting the whole data set and importing it into an
// empty database reproduces the same rows, ids included; a bad archive changes nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { unzip } from './support/unzip';
import yazl from 'yazl';
import { ARCHIVE_TABLES, DERIVED_TABLES, importArchive, openArchive, PRIVATE_TABLES } from '../lib/archive';
import { bin, run } from '../scripts/lib/run';
import { adminQuery, createDatabase, urlFor, useDatabase } from './support/database';
import { snapshot } from './support/snapshot';

let source: string;

async function download(): Promise<Buffer> {
  const { stream, filename } = await openArchive();
  expect(filename).toMatch(/^whipcount-everything-\d{4}-\d{2}-\d{2}\.zip$/);
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function rezip(files: Map<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of files) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const dataOnly = (database: string) => snapshot(database, [...PRIVATE_TABLES]);

beforeAll(async () => {
  const url = await useDatabase({ seeded: true });
  source = new URL(url).pathname.slice(1);
  // Text that a naive CSV round trip would change: formulas (which the export neutralises),
  // text that already starts with an apostrophe, quotes, line breaks, empty text next to NULL.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const src = (await client.query(`SELECT id FROM "Source" ORDER BY id LIMIT 1`)).rows[0].id;
  for (const [i, subject] of [
    '=SUM(A1)',
    "'=already quoted",
    "'plain apostrophe",
    '-1',
    'line\r\nbreak, "quoted"',
    '',
    'Zoë Ó Súilleabháin',
  ].entries()) {
    await client.query(
      `INSERT INTO "Statement" ("speakerLabel", subject, stance, "sourceId", "updatedAt") VALUES ($1, $2, 'NEUTRAL', $3, now())`,
      [`Speaker ${i}`, subject, src],
    );
  }
  await client.end();
});

describe('everything export → import into an empty database', () => {
  it('classifies every table as data set, private or derived, so a new table cannot be left out unnoticed', async () => {
    const { rows } = await adminQuery<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_%' ORDER BY 1`,
      [],
      source,
    );
    expect(rows.map((r) => r.name).sort()).toEqual([...ARCHIVE_TABLES, ...PRIVATE_TABLES, ...DERIVED_TABLES].sort());
  });

  it('reproduces every row of the data set, ids included, and new ids continue after them', async () => {
    const archive = await download();
    const files = await unzip(archive);
    expect([...files.keys()]).toEqual(['manifest.json', 'README.txt', ...ARCHIVE_TABLES.map((t) => `${t}.csv`)]);
    // Says what it is and when it was made, beside files that stay plain CSV.
    expect(files.get('README.txt')).toMatch(
      /^Whipcount: everything\n\nThe whole public data set of http:\/\/localhost:\d+, made \d{4}-\d\d-\d\dT/,
    );
    expect(files.get('README.txt')).toMatch(/Person\.csv +\d+ rows/);
    expect(files.get('Statement.csv')).toContain(`,'=SUM(A1),`); // neutralised for spreadsheets
    expect(files.get('Statement.csv')).toContain(`,''=already quoted,`);
    const manifest = JSON.parse(files.get('manifest.json')!);
    const { rows: people } = await adminQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "Person"`, [], source);
    expect(manifest.tables.find((t: { name: string }) => t.name === 'Person').rows).toBe(people[0]!.n);

    const target = await createDatabase('template_migrated');
    const result = await importArchive(urlFor(target), archive, 'test');
    expect(result.tables).toHaveLength(ARCHIVE_TABLES.length);
    expect(await dataOnly(target)).toEqual(await dataOnly(source));
    // Derived tables are not in the archive: the database writes them again from what it loads.
    const spans = `SELECT "personId", "fromDay"::text, "toDay"::text, house, party, constituency FROM "StintSpan" ORDER BY 1, 2`;
    const { rows: sourceSpans } = await adminQuery(spans, [], source);
    expect(sourceSpans.length).toBeGreaterThan(0);
    expect((await adminQuery(spans, [], target)).rows).toEqual(sourceSpans);

    const { rows } = await adminQuery<{ id: number }>(
      `INSERT INTO "Source" (publisher, title, "updatedAt") VALUES ('x', 'y', now()) RETURNING id`,
      [],
      target,
    );
    const { rows: max } = await adminQuery<{ max: number }>(`SELECT max(id) AS max FROM "Source"`, [], source);
    expect(rows[0]!.id).toBe(max[0]!.max + 1);
    // Marked as holding its data, so that `npm start` does not seed over it; the import is audited.
    const { rows: meta } = await adminQuery(`SELECT value FROM "AppMeta" WHERE key = 'seeded_at'`, [], target);
    expect(meta[0]!.value).toMatch(/^imported /);
    const { rows: audit } = await adminQuery(`SELECT actor, action, entity FROM "AuditEvent"`, [], target);
    expect(audit).toEqual([{ actor: 'test', action: 'import', entity: 'archive' }]);
  });

  it('loads through `npm run import:everything` into a database with nothing in it, migrations included', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'whipcount-archive-')), 'everything.zip');
    writeFileSync(file, await download());
    const target = await createDatabase('template0');
    const env = { ...process.env, DATABASE_URL: urlFor(target) };
    const out = await run(bin('tsx'), ['--conditions=react-server', 'scripts/import-everything.ts', file], {
      quiet: true,
      env,
    });
    expect(out).toMatch(new RegExp(`^import: ${ARCHIVE_TABLES.length} tables, [\\d,]+ rows from everything.zip`, 'm'));
    expect(await dataOnly(target)).toEqual(await dataOnly(source));
    await expect(
      run(bin('tsx'), ['--conditions=react-server', 'scripts/import-everything.ts', file], { quiet: true, env }),
    ).rejects.toThrow(/import failed, nothing was changed: .*already holds data/);
  });

  it('refuses a database that already holds data, and changes nothing', async () => {
    const archive = await download();
    const before = await snapshot(source);
    await expect(importArchive(urlFor(source), archive)).rejects.toThrow(
      /already holds data \(table Source has rows\)/,
    );
    expect(await snapshot(source)).toEqual(before);
  });

  it('rolls everything back when a late file breaks a rule, and says which file, line and rule', async () => {
    const files = await unzip(await download());
    // A person on a timeline event who does not exist: the last table, after all the rest loaded.
    const links = files.get('TimelineEventPerson.csv')!;
    const lines = links.trimEnd().split('\r\n');
    expect(lines[0]).toBe('eventId,personId');
    lines.push(`${lines[1]!.split(',')[0]},999999`);
    files.set('TimelineEventPerson.csv', lines.join('\r\n') + '\r\n');
    const manifest = JSON.parse(files.get('manifest.json')!);
    manifest.tables.find((t: { name: string }) => t.name === 'TimelineEventPerson').rows += 1;
    files.set('manifest.json', JSON.stringify(manifest));

    const target = await createDatabase('template_migrated');
    const before = await snapshot(target);
    await expect(importArchive(urlFor(target), await rezip(files))).rejects.toThrow(
      /^TimelineEventPerson\.csv: .*foreign key.*Key \(personId\)=\(999999\)/s,
    );
    expect(await snapshot(target)).toEqual(before);
  });

  it('explains archives it cannot read', async () => {
    const target = urlFor(await createDatabase('template_migrated'));
    await expect(importArchive(target, Buffer.from('id,name\r\n1,x\r\n'))).rejects.toThrow(/^Not a ZIP archive/);
    const files = await unzip(await download());

    const noManifest = new Map(files);
    noManifest.delete('manifest.json');
    await expect(importArchive(target, await rezip(noManifest))).rejects.toThrow('holds no manifest.json');

    const missingFile = new Map(files);
    missingFile.delete('Signature.csv');
    await expect(importArchive(target, await rezip(missingFile))).rejects.toThrow(
      'lists Signature.csv, which the archive lacks',
    );

    const badRow = new Map(files);
    badRow.set('Tally.csv', files.get('Tally.csv')!.replace(/\r\n(\d+),(\d+),/, '\r\n$1,not-a-number,'));
    await expect(importArchive(target, await rezip(badRow))).rejects.toThrow(
      /^Tally\.csv: invalid input syntax for type integer: "not-a-number" \(COPY archive_Tally, line 2, column campaignId/,
    );

    const renamed = new Map(files);
    renamed.set('Body.csv', files.get('Body.csv')!.replace(/^id,slug/, 'id,handle'));
    await expect(importArchive(target, await rezip(renamed))).rejects.toThrow(
      /^Body\.csv: column name mismatch in header line field 2: got "handle", expected "slug"/,
    );

    expect(await snapshot(new URL(target).pathname.slice(1), [...PRIVATE_TABLES])).toEqual(
      await snapshot(await createDatabase('template_migrated'), [...PRIVATE_TABLES]),
    );
  });
});
