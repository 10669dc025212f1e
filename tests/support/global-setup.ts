// Starts a PostgreSQL of the tests' own (its own data dir and port, wiped each run), migrates a
// template database with the real Prisma CLI and seeds a copy of it. Each test file then clones
// the template it needs (tests/support/database.ts).
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../scripts/lib/embedded-postgres';
import { bin, migrateDeploy, ROOT, run } from '../../scripts/lib/run';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export const EMPTY_TEMPLATE = 'template_migrated';
export const SEEDED_TEMPLATE = 'template_seeded';

let server: EmbeddedDatabase | undefined;

export async function setup(project: TestProject) {
  const dataDir = path.join(ROOT, '.data', 'test');
  rmSync(dataDir, { recursive: true, force: true });
  server = await startEmbeddedPostgres({ dataDir, port: Number(process.env.WHIPCOUNT_TEST_DB_PORT ?? 54339) });

  const admin = new pg.Client({ connectionString: server.serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${EMPTY_TEMPLATE}`);
  await migrateDeploy(server.urlFor(EMPTY_TEMPLATE));
  await admin.query(`CREATE DATABASE ${SEEDED_TEMPLATE} TEMPLATE ${EMPTY_TEMPLATE}`);
  await run(bin('tsx'), ['--conditions=react-server', 'seeds/cli.ts'], {
    quiet: true,
    env: { ...process.env, DATABASE_URL: server.urlFor(SEEDED_TEMPLATE) },
  });
  await admin.end();

  project.provide('pgServerUrl', server.serverUrl);
}

export async function teardown() {
  await server?.stop();
}
