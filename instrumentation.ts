// Next.js calls onRequestError for every error a page, route handler or action did not catch.
// Connection failures mark the database as down, so that the next requests get a plain 503 page
// (lib/outage.ts) instead of each failing on its own.
import type { Instrumentation } from 'next';

export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ isDatabaseDown }, { markDatabaseDown }] = await Promise.all([
    import('./lib/errors'),
    import('./lib/outage'),
  ]);
  if (isDatabaseDown(error)) markDatabaseDown();
};
