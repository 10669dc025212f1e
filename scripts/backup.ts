// `npm run backup [-- DIR]`: every table, as of one moment, into DIR (default backups/whipcount-TIMESTAMP).
import path from 'node:path';
import { backup } from './lib/backup';
import { withDatabase } from './lib/cli-database';
import { ROOT } from './lib/run';

const dir = path.resolve(
  process.argv[2] ?? path.join(ROOT, 'backups', `whipcount-${new Date().toISOString().replace(/[:.]/g, '-')}`),
);
try {
  const manifest = await withDatabase((url) => backup(url, dir));
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `backup: ${manifest.tables.length} tables, ${rows.toLocaleString('en-GB')} rows, in ${path.relative(process.cwd(), dir) || dir}`,
  );
  console.log(
    'backup: it holds accounts and password hashes, so only its owner can read it (folder 0700, files 0600); keep it so.',
  );
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
