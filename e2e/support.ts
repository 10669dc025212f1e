// What the end-to-end tests share: a connection to the database the app under test uses, so
// that tests compare the screen with what the database holds.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import pg from 'pg';
import { E2E_DATA_DIR, E2E_DB_PORT } from '../playwright.config';

export function appDatabaseUrl(): string {
  const password = readFileSync(path.join(E2E_DATA_DIR, 'postgres-password'), 'utf8').trim();
  return `postgresql://whipcount:${encodeURIComponent(password)}@127.0.0.1:${E2E_DB_PORT}/whipcount`;
}

// A query that cannot connect or answer within this says so, instead of running into the test's
// own timeout with no word of where it waited (a CI run once timed out in a test whose only
// pending step was one of these queries).
const QUERY_LIMIT_MS = 10_000;

export async function queryApp<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({
    connectionString: appDatabaseUrl(),
    connectionTimeoutMillis: QUERY_LIMIT_MS,
    query_timeout: QUERY_LIMIT_MS,
    application_name: 'whipcount-e2e',
  });
  const started = performance.now();
  try {
    await client.connect();
    return (await client.query<T>(sql, params)).rows;
  } catch (error) {
    const waited = ((performance.now() - started) / 1000).toFixed(1);
    throw new Error(
      `The test's own query to the app's database failed after ${waited} s: ${sql}\n${await whatTheDatabaseIsDoing()}`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** The sessions of the app's database that are not idle, and what each waits on: for a failure's report. */
async function whatTheDatabaseIsDoing(): Promise<string> {
  const client = new pg.Client({
    connectionString: appDatabaseUrl(),
    connectionTimeoutMillis: 5_000,
    query_timeout: 5_000,
  });
  try {
    await client.connect();
    const { rows } = await client.query<{ line: string }>(
      `SELECT format('pid %s %s %s (%s s): %s', pid, state, coalesce(wait_event_type || '/' || wait_event, 'running'),
                     round(extract(epoch FROM now() - query_start)::numeric, 1), left(query, 200)) AS line
         FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
    );
    return rows.length ? `Busy sessions:\n${rows.map((r) => `  ${r.line}`).join('\n')}` : 'No busy sessions.';
  } catch (error) {
    return `The database did not answer a second connection either: ${String(error)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A single number from the database, selected as `n`: `SELECT count(*)::int AS n …`. */
export async function countOf(sql: string): Promise<number> {
  const [row] = await queryApp<{ n: number }>(sql);
  if (!row) throw new Error(`no row from ${sql}`);
  return row.n;
}

/** Picks the first option of a select whose text matches (options' values are database ids). */
export async function chooseOption(select: Locator, text: string | RegExp) {
  const value = await select.locator('option').filter({ hasText: text }).first().getAttribute('value');
  await select.selectOption(value);
}

/** The table fits its frame (no sideways scrolling) and its first row shows each of `essentials`. */
export async function expectTableFits(page: Page, testId: string, essentials: readonly RegExp[]) {
  const table = page.getByTestId(testId);
  const [wide, room] = await table.evaluate((t) => [t.scrollWidth, t.parentElement!.clientWidth]);
  expect(wide, `${testId} is ${wide} px wide in ${room} px`).toBeLessThanOrEqual(room);
  const row = await table.locator('tbody tr').first().innerText();
  for (const essential of essentials) expect(row, `${testId}: ${String(essential)}`).toMatch(essential);
}
