import { JSON_HEADERS } from '@/lib/api';
import { errorResponse } from '@/lib/http';
import { search } from '@/lib/search';

export const dynamic = 'force-dynamic';

/** Campaigns, people (by any alias), bodies and sources matching `q`, accent- and case-insensitively. */
export async function GET(request: Request) {
  try {
    const { words, campaigns, people, bodies, sources } = await search(
      new URL(request.url).searchParams.get('q') ?? '',
    );
    return Response.json(
      {
        data: {
          words,
          campaigns,
          people,
          bodies,
          sources: sources.map((s) => ({ ...s, publishedAt: s.publishedAt?.toISOString() ?? null })),
        },
      },
      { headers: JSON_HEADERS },
    );
  } catch (error) {
    return errorResponse(error, 'api search');
  }
}
