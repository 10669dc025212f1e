// `npm run import -- FILE...`: loads Parliament's own record (Commons or Lords Votes API division
// JSON, one division or a list of them per file; or Members API member histories) into DATABASE_URL, or the embedded
// database (the running app's, when `npm start` is up). One line of outcome per file; each file
// all or nothing; exit status 1 if any file was refused. docs/decisions/022-divisions.md.
import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Actor } from '../lib/auth/session';
import { MAX_OFFICIAL_FILE_BYTES } from '../lib/official-divisions';
import { withDatabase } from './lib/cli-database';
import { migrateDeploy } from './lib/run';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error(
    'usage: npm run import -- FILE.json [FILE.json …]   (Commons or Lords Votes API divisions, or Members API histories)',
  );
  process.exit(2);
}

// Who the audit trail names: whoever ran the command, on this machine.
const actor: Actor = {
  id: 'command-line',
  email: `npm run import (${userInfo().username})`,
  name: 'Command line',
  role: 'editor',
};

let refused = 0;
try {
  await withDatabase(
    async (url) => {
      await migrateDeploy(url);
      process.env.DATABASE_URL = url;
      const { importOfficialFile } = await import('../lib/official-divisions');
      for (const file of files) {
        const name = path.basename(file);
        let text: string;
        try {
          if (!/\.json$/i.test(file))
            throw new Error(
              'only Parliament’s JSON (.json: Votes API divisions, Members API histories) loads from here; CSV files go through Admin → Imports',
            );
          if (statSync(file).size > MAX_OFFICIAL_FILE_BYTES)
            throw new Error(`larger than ${MAX_OFFICIAL_FILE_BYTES / 1024 / 1024} MB; split it`);
          text = readFileSync(file, 'utf8');
        } catch (error) {
          refused++;
          console.log(
            `${name}: refused, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
          );
          continue;
        }
        const result = await importOfficialFile({ fileName: name, text }, actor);
        console.log(result.message);
        if (!result.ok) {
          refused++;
          for (const problem of result.problems) console.log(`  ${problem}`);
        }
      }
      const { db } = await import('../lib/db');
      await db().$disconnect();
    },
    { shareRunning: true },
  );
} catch (error) {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
process.exit(refused ? 1 : 0);
