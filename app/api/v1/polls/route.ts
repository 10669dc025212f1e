import { JSON_HEADERS, paged, pagination, pollJson } from '@/lib/api';
import { errorResponse } from '@/lib/http';
import { listPolls } from '@/lib/polls';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    const page = pagination(new URL(request.url).searchParams);
    const polls = await listPolls();
    return Response.json(
      paged(polls.slice(page.offset, page.offset + page.perPage).map(pollJson), page, polls.length),
      { headers: JSON_HEADERS },
    );
  } catch (error) {
    return errorResponse(error, 'api polls');
  }
}
