// Gives a test file a database of its own, cloned from a migrated (and optionally seeded)
// template, and points the app's data-access layer at it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

export function serverUrl(): string {
  return inject('pgServerUrl');
}

export function urlFor(database: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
  database = 'postgres',
) {
  const client = new pg.Client({ connectionString: urlFor(database) });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

export async function createDatabase(template: 'template_migrated' | 'template_seeded' | 'template0'): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return name;
}

/** Clones a template for this test file and makes `db()` use it. Returns the database's URL. */
export async function useDatabase({ seeded }: { seeded: boolean }): Promise<string> {
  const name = await createDatabase(seeded ? 'template_seeded' : 'template_migrated');
  const url = urlFor(name);
  process.env.DATABASE_URL = url;
  // Auth needs a secret; each run makes its own.
  process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString('base64url');
  process.env.BETTER_AUTH_URL ??= 'http://localhost:3000';
  await resetClients();
  afterAll(resetClients);
  return url;
}

/** Drops the process's Prisma client and auth instance, so the next use connects to DATABASE_URL anew. */
export async function resetClients(): Promise<void> {
  const holder = globalThis as { whipcountPrisma?: { $disconnect(): Promise<void> }; whipcountAuth?: unknown };
  await holder.whipcountPrisma?.$disconnect();
  delete holder.whipcountPrisma;
  delete holder.whipcountAuth;
}
