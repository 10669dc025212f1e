// `npm run import:everything -- FILE.zip`: loads an "everything" export (/api/export/everything.zip)
// into a database with no data yet (DATABASE_URL, or the embedded one; `npm start` must not be
// running against it). All or nothing; afterwards `npm start` serves it and does not seed.
import path from 'node:path';
import { importArchive } from '../lib/archive';
import { withDatabase } from './lib/cli-database';
import { migrateDeploy } from './lib/run';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run import:everything -- whipcount-everything-YYYY-MM-DD.zip');
  process.exit(2);
}
try {
  const result = await withDatabase(async (url) => {
    await migrateDeploy(url);
    return importArchive(url, path.resolve(file));
  });
  const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `import: ${result.tables.length} tables, ${rows.toLocaleString('en-GB')} rows from ${path.basename(file)}`,
  );
  process.exit(0);
} catch (error) {
  console.error(`import failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
