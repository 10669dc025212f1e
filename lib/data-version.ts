// The data version: a number PostgreSQL grows at the commit of every change to the public data set
// (triggers; docs/decisions/015-data-version.md). Anything derived from the data set and kept in an
// app process is valid while the number is the same, on every app server alike.
import 'server-only';
import { cache } from 'react';
import { db } from './db';
import { today } from './format';
import type { Prisma } from './generated/prisma/client';

/**
 * The current data version (one indexed row: cheap enough to ask on every request), as `client`
 * sees it: the app's pool, or a transaction.
 */
export async function dataVersion(client: Pick<Prisma.TransactionClient, '$queryRaw'> = db()): Promise<bigint> {
  const [row] = await client.$queryRaw<{ version: bigint }[]>`SELECT version FROM "DataVersion" WHERE id = 1`;
  return row?.version ?? 0n;
}
// In-process memos compare numbers of one database only: an app process serves one database.

/**
 * The data version as one page render sees it: asked once per render however many memos the page
 * reads (React's cache is per render; a server action's writes commit before the render that
 * follows it starts, so that render sees them). Outside a render (route handlers) it is asked
 * each time.
 */
const versionOfThisRender = cache(() => dataVersion());
export { versionOfThisRender as renderDataVersion };

/**
 * A small per-process memo of values derived from the data set, each stored with the data version
 * it was computed at and used only while that is still the version. `compute` is given the version
 * read before it runs and returns the value with the version to file it under: that one, or one
 * read in the same snapshot as its data, so a value is never filed under a newer version than the
 * data it saw.
 */
export class VersionedMemo<T> {
  private readonly entries = new Map<string, { version: bigint; value: T }>();
  constructor(private readonly capacity = 64) {}

  async get(key: string, compute: (current: bigint) => Promise<{ value: T; version: bigint }>): Promise<T> {
    const current = await versionOfThisRender();
    const hit = this.entries.get(key);
    if (hit && hit.version === current) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const { value, version } = await compute(current);
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

/**
 * `read` kept per process per data version, day and arguments (JSON): a public read that changes
 * only when the data set does (or the day, which "on the day" rules read) costs one
 * `SELECT version` while nothing changed (issue 16). Results are shared: callers must not mutate them.
 */
export function versioned<A extends unknown[], T>(
  read: (...args: A) => Promise<T>,
  capacity = 256,
): ((...args: A) => Promise<T>) & { uncached: (...args: A) => Promise<T> } {
  const memo = new VersionedMemo<T>(capacity);
  const memoized = (...args: A) =>
    // Filed under the version read before the data: never newer than what the read saw.
    memo.get(`${today()}|${JSON.stringify(args)}`, async (version) => ({ value: await read(...args), version }));
  // The read itself, for the benchmark to time the SQL beside the pages.
  return Object.assign(memoized, { uncached: read });
}
