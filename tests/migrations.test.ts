import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, migrateDeploy, ROOT, run } from '../scripts/lib/run';
import { adminQuery, createDatabase, urlFor } from './support/database';

const prisma = (args: string[], url: string) =>
  run(bin('prisma'), args, { quiet: true, env: { ...process.env, DATABASE_URL: url } });

describe('migrations through the real Prisma CLI, offline', () => {
  it('apply to an empty database and leave it up to date', async () => {
    const name = await createDatabase('template0');
    await migrateDeploy(urlFor(name));

    const applied = await adminQuery<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      [],
      name,
    );
    const onDisk = (await import('node:fs'))
      .readdirSync(path.join(ROOT, 'prisma/migrations'))
      .filter((f) => /^\d+_/.test(f))
      .sort();
    expect(applied.rows.map((r) => r.migration_name)).toEqual(onDisk);

    const tables = await adminQuery<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      [],
      name,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'Campaign',
        'Signature',
        'Tally',
        'Threshold',
        'Stage',
        'Division',
        'Ballot',
        'Statement',
        'Poll',
        'Source',
        'AuditEvent',
      ]),
    );

    const status = await prisma(['migrate', 'status'], urlFor(name));
    expect(status).toMatch(/Database schema is up to date/);
  });

  it('match schema.prisma: no drift between the committed migrations and the schema', async () => {
    const diff = await prisma(
      [
        'migrate',
        'diff',
        '--from-migrations',
        'prisma/migrations',
        '--to-schema',
        'prisma/schema.prisma',
        '--exit-code',
      ],
      urlFor('postgres'),
    );
    expect(diff).toMatch(/No difference detected/);
  });

  it('report drift when the schema gains what no migration creates', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'whipcount-schema-'));
    const schema = path.join(dir, 'schema.prisma');
    writeFileSync(
      schema,
      readFileSync(path.join(ROOT, 'prisma/schema.prisma'), 'utf8') + '\nmodel DriftProbe {\n  id Int @id\n}\n',
    );
    await expect(
      prisma(
        ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', schema, '--exit-code'],
        urlFor('postgres'),
      ),
    ).rejects.toThrow(/DriftProbe/);
  });
});
