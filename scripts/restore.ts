// `npm run restore -- DIR`: loads a backup into an empty database (DATABASE_URL, or the embedded one).
import path from 'node:path';
import { restore } from './lib/backup';
import { withDatabase } from './lib/cli-database';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run restore -- BACKUP_DIRECTORY');
  process.exit(2);
}
try {
  const manifest = await withDatabase((url) => restore(url, path.resolve(dir)));
  console.log(`restore: ${manifest.tables.length} tables from the backup of ${manifest.createdAt}`);
} catch (error) {
  console.error(`restore failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
