// Start-up housekeeping that needs the database: the auth secret shared by every app server.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from './db';

/** The AppMeta key whose presence means the database holds its first data (seeded or imported). */
export const SEEDED_KEY = 'seeded_at';

/**
 * BETTER_AUTH_SECRET signs session cookies. When it is not set, one is generated once and kept
 * in the database, so that restarts keep sessions and several app servers agree on it.
 */
export async function ensureAuthSecret(): Promise<string> {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const candidate = randomBytes(32).toString('base64url');
  await db().appMeta.upsert({
    where: { key: 'auth_secret' },
    create: { key: 'auth_secret', value: candidate },
    update: {},
  });
  const stored = await db().appMeta.findUniqueOrThrow({ where: { key: 'auth_secret' } });
  return stored.value;
}
