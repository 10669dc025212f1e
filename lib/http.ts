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

/**
 * A GET handler for a file of a record found from its address (a division's CSVs and chamber, a
 * whip count's): 404 with `missing` when the address names none, errors answered as above.
 */
export function recordFile<Address, Found>(
  label: string,
  find: (at: Address) => Promise<Found | null>,
  missing: string,
  respond: (found: Found, request: Request, at: Address) => Response,
) {
  return async function GET(request: Request, { params }: { params: Promise<Address> }) {
    try {
      const at = await params;
      const found = await find(at);
      if (!found)
        return new Response(`${missing}\n`, {
          status: 404,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
      return respond(found, request, at);
    } catch (error) {
      return errorResponse(error, label);
    }
  };
}
