// For command-line tools: the database in DATABASE_URL, or else the embedded one `npm start`
// uses (started for the duration of the command; `npm start` must not be running then).
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { ROOT } from './run';

export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const port = Number(process.env.WHIPCOUNT_DB_PORT ?? 54329);
  const embedded = await startEmbeddedPostgres({
    dataDir: path.resolve(ROOT, process.env.WHIPCOUNT_DATA_DIR ?? '.data'),
    port,
  }).catch((error: Error) => {
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
