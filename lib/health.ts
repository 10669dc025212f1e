// Whether the database answers, for /api/health and the error pages.
import 'server-only';
import { db } from './db';
import { markDatabaseDown } from './outage';

export interface Health {
  status: 'ok' | 'unavailable';
  database: { reachable: boolean; latencyMs: number | null; error?: string };
  time: string;
}

export async function checkHealth(timeoutMs = 2000): Promise<Health> {
  const started = Date.now();
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return {
      status: 'ok',
      database: { reachable: true, latencyMs: Date.now() - started },
      time: new Date().toISOString(),
    };
  } catch (error) {
    console.error('[health] database unreachable:', error);
    markDatabaseDown();
    // The detail stays in the log; the public answer says only what is wrong.
    return {
      status: 'unavailable',
      database: { reachable: false, latencyMs: null, error: 'database unreachable' },
      time: new Date().toISOString(),
    };
  }
}
