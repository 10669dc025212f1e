import { checkHealth } from '@/lib/health';
import { NO_STORE } from '@/lib/cache-rules';

export const dynamic = 'force-dynamic';

/** Public: reports whether the database answers. 200 when it does, 503 when not. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': NO_STORE },
  });
}
