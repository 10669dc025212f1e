import { divisionJson, JSON_HEADERS } from '@/lib/api';
import { NO_STORE } from '@/lib/cache-rules';
import { findDivisionAt } from '@/lib/divisions';
import { errorResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ house: string; date: string; number: string }> };

/** GET /api/v1/divisions/commons/2019-01-08/287 — one division, result first (docs/api.md). */
export async function GET(_request: Request, { params }: Params) {
  try {
    const { house, date, number } = await params;
    const d = await findDivisionAt(house, date, number);
    if (!d)
      return Response.json(
        { error: { code: 'NOT_FOUND', message: `No ${house} division ${number} is recorded on ${date}.` } },
        { status: 404, headers: { 'Cache-Control': NO_STORE } },
      );
    return Response.json(divisionJson(d), { headers: JSON_HEADERS });
  } catch (error) {
    return errorResponse(error, 'api division');
  }
}
