// The data version: a number PostgreSQL grows at the commit of every change to the public data set
// (triggers; docs/decisions/015-data-version.md). Anything derived from the data set and kept in an
// app process is valid while the number is the same, on every app server alike.
import 'server-only';
import { db } from './db';

/** The current data version (one indexed row: cheap enough to ask on every request). */
export async function dataVersion(): Promise<bigint> {
  const [row] = await db().$queryRaw<{ version: bigint }[]>`SELECT version FROM "DataVersion" WHERE id = 1`;
  return row?.version ?? 0n;
}
// In-process memos compare numbers of one database only: an app process serves one database.

/**
 * A small per-process memo of values derived from the data set, each stored with the data version
 * it was computed at and used only while that is still the version. `compute` returns the value
 * and the version it read in the same snapshot, so a value is never filed under a newer version
 * than the data it saw.
 */
export class VersionedMemo<T> {
  private readonly entries = new Map<string, { version: bigint; value: T }>();
  constructor(private readonly capacity = 64) {}

  async get(key: string, compute: () => Promise<{ value: T; version: bigint }>): Promise<T> {
    const current = await dataVersion();
    const hit = this.entries.get(key);
    if (hit && hit.version === current) {
      this.entries.delete(key);
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const { value, version } = await compute();
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
