import { errorResponse } from '@/lib/http';
import { changesFeed, FEED_HEADERS } from '@/lib/feed';

export const dynamic = 'force-dynamic';

/** Atom: what changed across the site, newest first. */
export async function GET() {
  try {
    return new Response(await changesFeed(null), { headers: FEED_HEADERS });
  } catch (error) {
    return errorResponse(error, 'feed');
  }
}
