// Knowing, process-wide, that the database is down, so that pages answer 503 with a plain page
// at once instead of each failing on its own. Something that meets a connection failure marks
// it (instrumentation.ts for uncaught errors, publicMessage and errorResponse for caught ones);
// while it is marked, proxy.ts asks the database at most once a second whether it is back, and
// clears the mark when it is. A healthy app never pays for this: the mark is a variable.
// No `server-only` here: proxy.ts imports it.
import pg from 'pg';
import { NO_STORE } from './cache-rules';

const state = globalThis as unknown as {
  whipcountDownSince?: number;
  whipcountProbe?: { at: number; down: Promise<boolean> };
};

export function markDatabaseDown(): void {
  state.whipcountDownSince ??= Date.now();
}

export function isMarkedDown(): boolean {
  return state.whipcountDownSince !== undefined;
}

async function probe(): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return false;
  } catch {
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

/** While marked down: whether it still is (asked at most once a second, shared by all requests). */
export async function stillDown(): Promise<boolean> {
  if (!isMarkedDown()) return false;
  if (!state.whipcountProbe || Date.now() - state.whipcountProbe.at > 1000)
    state.whipcountProbe = { at: Date.now(), down: probe() };
  const down = await state.whipcountProbe.down;
  if (!down) {
    if (state.whipcountDownSince !== undefined)
      console.log(`[database] reachable again after ${Math.round((Date.now() - state.whipcountDownSince) / 1000)} s`);
    state.whipcountDownSince = undefined;
  }
  return down;
}

const PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10"><title>The database is unavailable — Whipcount</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The database is unavailable</h1>
<p>Whipcount cannot reach its database just now, so it cannot show this page. Nothing has been lost.</p>
<p>This page tries again every 10 seconds; you can also <a href="">reload it</a>.</p>
</body></html>
`;

/** The answer while the database is down: a plain page for people, JSON for programs. */
export function unavailableResponse(pathname: string): Response {
  const headers = { 'Cache-Control': NO_STORE, 'Retry-After': '10' };
  if (pathname.startsWith('/api/')) {
    return Response.json(
      { error: { code: 'UNAVAILABLE', message: 'The database is unavailable just now; try again shortly.' } },
      { status: 503, headers },
    );
  }
  return new Response(PAGE, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}
