import { errorResponse } from '@/lib/http';
import { changesFeed, FEED_HEADERS } from '@/lib/feed';
import { isSlug } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const notFound = () =>
  new Response('No such campaign.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Atom: what changed in one campaign, newest first. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isSlug(slug)) return notFound();
  try {
    const xml = await changesFeed(slug);
    return xml === null ? notFound() : new Response(xml, { headers: FEED_HEADERS });
  } catch (error) {
    return errorResponse(error, 'campaign feed');
  }
}
