// For command-line tools: the database in DATABASE_URL, or else the embedded one `npm start`
// uses: started for the duration of the command, or, for commands that may share it, the one a
// running `npm start` serves.
import path from 'node:path';
import pg from 'pg';
import { existsSync, readFileSync } from 'node:fs';
import { isPortTaken, startEmbeddedPostgres } from './embedded-postgres';
import { ROOT } from './run';

export async function withDatabase<T>(
  fn: (url: string) => Promise<T>,
  { shareRunning = false }: { shareRunning?: boolean } = {},
): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const port = Number(process.env.WHIPCOUNT_DB_PORT ?? 54329);
  const dataDir = path.resolve(ROOT, process.env.WHIPCOUNT_DATA_DIR ?? '.data');
  // A command that may share the database with a running `npm start` (an import, not a restore)
  // connects to it instead of starting it.
  const secret = path.join(dataDir, 'postgres-password');
  if (shareRunning && existsSync(secret) && (await isPortTaken(port))) {
    const password = readFileSync(secret, 'utf8').trim();
    return fn(`postgresql://whipcount:${encodeURIComponent(password)}@127.0.0.1:${port}/whipcount`);
  }
  const embedded = await startEmbeddedPostgres({ dataDir, port }).catch((error: Error) => {
    throw new Error(`${error.message}\nIf Whipcount is running, stop it first (or set DATABASE_URL).`);
  });
  try {
    const admin = new pg.Client({ connectionString: embedded.serverUrl });
    await admin.connect();
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'whipcount'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE whipcount');
    await admin.end();
    return await fn(embedded.urlFor('whipcount'));
  } finally {
    await embedded.stop();
  }
}
