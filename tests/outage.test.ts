// A database outage while the app runs: health says so, reads fail with a clear error, writes
// fail closed; when the database is back the same process recovers without a restart.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as health } from '../app/api/health/route';
import { GET as campaigns } from '../app/api/v1/campaigns/route';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/lib/embedded-postgres';
import { migrateDeploy, ROOT } from '../scripts/lib/run';
import { resetClients } from './support/database';

const dataDir = path.join(ROOT, '.data', 'test-outage');
const port = 54369;
let server: EmbeddedDatabase | undefined;

afterAll(async () => {
  await resetClients();
  await server?.stop();
});

describe('database outage', () => {
  it('reports 503 while the database is down and recovers by itself when it is back', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    server = await startEmbeddedPostgres({ dataDir, port });
    const url = server.urlFor('postgres');
    await migrateDeploy(url);
    await resetClients();
    process.env.DATABASE_URL = url;

    expect((await health()).status).toBe(200);
    expect((await campaigns(new Request('http://localhost/api/v1/campaigns'))).status).toBe(200);

    await server.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', database: { reachable: false } });
    const read = await campaigns(new Request('http://localhost/api/v1/campaigns'));
    expect(read.status).toBe(503);
    expect(await read.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });

    server = await startEmbeddedPostgres({ dataDir, port });
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await health()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect((await campaigns(new Request('http://localhost/api/v1/campaigns'))).status).toBe(200);
  });
});
