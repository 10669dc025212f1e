import { divisionSummaryJson, JSON_HEADERS, paged, pagination } from '@/lib/api';
import { divisionListQuerySchema, filterDivisions, listDivisions } from '@/lib/divisions';
import { errorResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** GET /api/v1/divisions — every recorded division, newest first (?house=commons&from=…&to=…&sort=rebels). */
export async function GET(request: Request) {
  try {
    const search = new URL(request.url).searchParams;
    const page = pagination(search);
    const query = divisionListQuerySchema.parse(Object.fromEntries(search));
    const rows = filterDivisions(await listDivisions(), query);
    return Response.json(
      paged(rows.slice(page.offset, page.offset + page.perPage).map(divisionSummaryJson), page, rows.length),
      { headers: JSON_HEADERS },
    );
  } catch (error) {
    return errorResponse(error, 'api divisions');
  }
}
