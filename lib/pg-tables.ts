// Whole-table chores shared by backup/restore (scripts/lib/backup.ts) and the everything archive
// (lib/archive.ts): quoting names, the applied migrations, emptiness, and moving id sequences past
// loaded rows. Plain pg, no `server-only`: `npm run backup` runs without the react-server condition.
import type pg from 'pg';

type Queryable = Pick<pg.Client, 'query'>;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables whose rows the migrations write (not the data set nor users' data): an empty database has them. */
export const ROWS_FROM_MIGRATIONS: readonly string[] = ['DataVersion'];

/** The migrations applied to this database, by name. */
export async function appliedMigrations(client: Queryable): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/** The first of `tables` that holds a row, or null when all are empty. */
export async function firstTableWithRows(client: Queryable, tables: readonly string[]): Promise<string | null> {
  for (const name of tables) {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(name)}) AS any`);
    if (rows[0].any) return name;
  }
  return null;
}

/** Moves each serial column's sequence past the largest id loaded (of `tables`, or of every table). */
export async function moveSequencesPastIds(client: Queryable, tables?: readonly string[]): Promise<void> {
  const { rows } = await client.query<{ tbl: string; col: string; seq: string }>(`
    SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`);
  for (const s of rows.filter((r) => !tables || tables.includes(r.tbl))) {
    await client.query(
      `SELECT setval($1, coalesce((SELECT max(${quoteIdent(s.col)}) FROM ${quoteIdent(s.tbl)}), 0) + 1, false)`,
      [s.seq],
    );
  }
}
