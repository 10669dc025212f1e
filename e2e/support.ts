// What the end-to-end tests share: a connection to the database the app under test uses, so
// that tests compare the screen with what the database holds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { E2E_DATA_DIR, E2E_DB_PORT } from '../playwright.config';

export function appDatabaseUrl(): string {
  const password = readFileSync(path.join(E2E_DATA_DIR, 'postgres-password'), 'utf8').trim();
  return `postgresql://whipcount:${encodeURIComponent(password)}@127.0.0.1:${E2E_DB_PORT}/whipcount`;
}

export async function queryApp<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: appDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A single number from the database, selected as `n`: `SELECT count(*)::int AS n …`. */
export async function countOf(sql: string): Promise<number> {
  const [row] = await queryApp<{ n: number }>(sql);
  if (!row) throw new Error(`no row from ${sql}`);
  return row.n;
}
