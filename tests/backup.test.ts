// npm run backup / npm run restore round-trip to identical data, through the real scripts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, run } from '../scripts/lib/run';
import { adminQuery, createDatabase, urlFor } from './support/database';
import { snapshot } from './support/snapshot';

const script = (name: string, args: string[], url: string) =>
  run(bin('tsx'), [`scripts/${name}.ts`, ...args], { quiet: true, env: { ...process.env, DATABASE_URL: url } });

describe('backup and restore', () => {
  it('restore a backup into an empty database with every row identical, and refuse a database with data', async () => {
    const source = await createDatabase('template_seeded');
    // Something in every kind of table, including the append-only audit log.
    await adminQuery(
      `INSERT INTO "AuditEvent" (actor, action, entity, "entityId", after) VALUES ('test', 'create', 'x', '1', '{"a":1}')`,
      [],
      source,
    );
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'whipcount-backup-')), 'b');
    expect(await script('backup', [dir], urlFor(source))).toMatch(/^backup: \d+ tables, [\d,]+ rows/);
    // It holds password hashes and sessions: its owner's only.
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(dir)) expect(statSync(path.join(dir, file)).mode & 0o777, file).toBe(0o600);

    const target = await createDatabase('template0');
    expect(await script('restore', [dir], urlFor(target))).toMatch(/^restore: \d+ tables/);
    expect(await snapshot(target)).toEqual(await snapshot(source));

    // Ids continue after the restored ones.
    const { rows } = await adminQuery<{ id: number }>(
      `INSERT INTO "Source" (publisher, title, "updatedAt") VALUES ('x', 'y', now()) RETURNING id`,
      [],
      target,
    );
    const { rows: max } = await adminQuery<{ max: number }>(
      `SELECT max(id) AS max FROM "Source" WHERE publisher <> 'x'`,
      [],
      source,
    );
    expect(rows[0]!.id).toBeGreaterThan(max[0]!.max);

    await expect(script('restore', [dir], urlFor(target))).rejects.toThrow(/not empty/);
  });

  it('a backup made before the database kept StintSpan restores with the spans written again, not left empty', async () => {
    const source = await createDatabase('template_seeded');
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'whipcount-backup-')), 'b');
    await script('backup', [dir], urlFor(source));
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    manifest.tables = manifest.tables.filter((t: { name: string }) => t.name !== 'StintSpan');
    writeFileSync(file, JSON.stringify(manifest));
    rmSync(path.join(dir, 'StintSpan.bin'));

    const target = await createDatabase('template0');
    await script('restore', [dir], urlFor(target));
    const spans = `SELECT "personId", "fromDay"::text, "toDay"::text, house, party, constituency FROM "StintSpan" ORDER BY 1, 2`;
    const { rows } = await adminQuery(spans, [], source);
    expect(rows.length).toBeGreaterThan(0);
    expect((await adminQuery(spans, [], target)).rows).toEqual(rows);
  });
});
