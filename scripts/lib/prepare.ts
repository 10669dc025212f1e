// What every start does before serving, whoever starts the app (`npm start`, the resilience
// suite): migrations, the first-run seed, abandoned imports, the auth secret, the first admin.
// Import it only under Node's `react-server` condition (the seeds use the data-access layer).
import pg from 'pg';
import { migrateDeploy } from './run';

/** Creates the database named in the URL when the server lacks it. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Brings the database at `url` up to date and ready to serve. Sets DATABASE_URL,
 * BETTER_AUTH_SECRET and BETTER_AUTH_URL in this process's environment for the app it starts.
 */
export async function prepareDatabase(
  url: string,
  { say, port }: { say: (line: string) => void; port: number },
): Promise<void> {
  process.env.DATABASE_URL = url;
  let t = Date.now();
  const migrated = await migrateDeploy(url);
  const applied = /following migration\(s\) have been applied/.test(migrated);
  say(`migrations: ${applied ? 'applied new migrations' : 'up to date'} (${Date.now() - t} ms)`);

  t = Date.now();
  const { hasBeenSeeded, seed } = await import('../../seeds/index');
  const { db } = await import('../../lib/db');
  if (await hasBeenSeeded()) {
    say('seed: the database already holds its data (seeded or imported earlier); leaving it as it is');
  } else {
    say('seed: first run, loading the Commons roster and the first data set');
    await seed();
    say(`seed: done (${Date.now() - t} ms)`);
  }
  const { failAbandonedImports } = await import('../../lib/import/jobs');
  const abandoned = await failAbandonedImports();
  if (abandoned)
    say(`imports: ${abandoned} import(s) left running by a stopped server marked failed (nothing of them was saved)`);
  const { ensureAuthSecret } = await import('../../lib/setup');
  const { ensureFirstAdmin } = await import('../../lib/users');
  process.env.BETTER_AUTH_SECRET = await ensureAuthSecret();
  process.env.BETTER_AUTH_URL ??= `http://localhost:${port}`;
  const admin = await ensureFirstAdmin({ email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD });
  if (admin?.password) {
    say(
      `users: created the first admin, ${admin.email}, with this password (shown once; change it or create your own account):`,
    );
    say(`       ${admin.password}`);
  } else if (admin) {
    say(`users: created the first admin, ${admin.email}, from ADMIN_EMAIL / ADMIN_PASSWORD`);
  }
  await db().$disconnect();
}
