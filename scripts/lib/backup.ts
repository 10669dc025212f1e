// Backup and restore with PostgreSQL's own COPY (binary), table by table, so that no pg_dump
// binary is needed: the embedded PostgreSQL from npm ships none.
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  existsSync,
  createReadStream,
  createWriteStream,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import {
  appliedMigrations,
  firstTableWithRows,
  moveSequencesPastIds,
  quoteIdent,
  ROWS_FROM_MIGRATIONS,
} from '../../lib/pg-tables';
import { migrateDeploy } from './run';

export interface Manifest {
  format: 'whipcount-backup-1';
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
}

async function userTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((r) => r.name);
}

/** Writes every table of the database to `dir` as COPY binary files, inside one snapshot. */
export async function backup(url: string, dir: string): Promise<Manifest> {
  // Accounts, password hashes and sessions are in it: readable by its owner only.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One repeatable-read transaction: every table as of the same moment.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await appliedMigrations(client);
    const tables: Manifest['tables'] = [];
    for (const name of await userTables(client)) {
      const rows = Number((await client.query(`SELECT count(*) AS n FROM ${quoteIdent(name)}`)).rows[0].n);
      await pipeline(
        client.query(copyTo(`COPY ${quoteIdent(name)} TO STDOUT WITH (FORMAT binary)`)),
        createWriteStream(path.join(dir, `${name}.bin`), { mode: 0o600 }),
      );
      tables.push({ name, rows });
    }
    await client.query('COMMIT');
    const manifest: Manifest = {
      format: 'whipcount-backup-1',
      createdAt: new Date().toISOString(),
      migrations,
      tables,
    };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
    return manifest;
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into an empty database: applies the migrations, then loads every table in one
 * transaction with triggers and foreign-key checks deferred (session_replication_role = replica,
 * which needs a superuser, as the embedded PostgreSQL's user is), then moves sequences past the
 * restored ids. Refuses a database that already holds data.
 */
export async function restore(url: string, dir: string): Promise<Manifest> {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${dir} holds no manifest.json: not a Whipcount backup.`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== 'whipcount-backup-1') throw new Error(`Unknown backup format ${manifest.format}.`);
  for (const t of manifest.tables)
    if (!readdirSync(dir).includes(`${t.name}.bin`)) throw new Error(`The backup lacks ${t.name}.bin.`);

  await migrateDeploy(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = new Set(await appliedMigrations(client));
    const missing = manifest.migrations.filter((m) => !applied.has(m));
    if (missing.length)
      throw new Error(
        `The backup was made by a newer version (migrations ${missing.join(', ')}); update the app first.`,
      );
    // The migrations themselves write a row or two (the data version); the backup brings its own.
    const taken = await firstTableWithRows(
      client,
      (await userTables(client)).filter((t) => !ROWS_FROM_MIGRATIONS.includes(t)),
    );
    if (taken)
      throw new Error(`The target database is not empty (table ${taken} has rows). Restore into an empty database.`);
    await client.query('BEGIN');
    await client.query(`SET LOCAL session_replication_role = replica`);
    for (const t of ROWS_FROM_MIGRATIONS) await client.query(`DELETE FROM ${quoteIdent(t)}`);
    for (const t of manifest.tables) {
      await pipeline(
        createReadStream(path.join(dir, `${t.name}.bin`)),
        client.query(copyFrom(`COPY ${quoteIdent(t.name)} FROM STDIN WITH (FORMAT binary)`)),
      );
    }
    await moveSequencesPastIds(client);
    for (const t of manifest.tables) {
      const { rows } = await client.query(`SELECT count(*) AS n FROM ${quoteIdent(t.name)}`);
      if (Number(rows[0].n) !== t.rows)
        throw new Error(`Restored ${rows[0].n} rows into ${t.name}, expected ${t.rows}; nothing was kept.`);
    }
    // Tables the database keeps from others by triggers, which were off while loading: written
    // again from what was loaded, so that a backup made before one existed (or with it stale)
    // does not leave it empty and every "as on the day" read wrong (decision 027).
    await client.query(`SELECT whipcount_stint_spans(ARRAY(SELECT id FROM "Person"))`);
    await client.query('COMMIT');
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
