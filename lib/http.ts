// Turning data-access outcomes into HTTP answers, the same way in every route handler.
import { AppError, isDatabaseDown } from './errors';
import { markDatabaseDown } from './outage';
import { NO_STORE } from './cache-rules';

export function errorResponse(error: unknown, where: string): Response {
  if (error instanceof AppError) {
    const retryAfter = (error.details as { retryAfter?: number } | undefined)?.retryAfter;
    return Response.json(
      { error: { code: error.code, message: error.message } },
      {
        status: error.status,
        headers: { 'Cache-Control': NO_STORE, ...(retryAfter ? { 'Retry-After': String(retryAfter) } : {}) },
      },
    );
  }
  console.error(`[${where}] unexpected error:`, error);
  const down = isDatabaseDown(error);
  if (down) markDatabaseDown();
  return Response.json(
    {
      error: {
        code: down ? 'UNAVAILABLE' : 'INTERNAL',
        message: down
          ? 'The database is unavailable just now; try again shortly.'
          : 'Something went wrong; it has been logged.',
      },
    },
    { status: down ? 503 : 500, headers: { 'Cache-Control': NO_STORE } },
  );
}
