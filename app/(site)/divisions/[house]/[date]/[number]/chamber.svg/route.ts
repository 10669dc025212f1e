import { voteHemicycleSvg } from '@/components/division/division-parts';
import { findDivisionAt } from '@/lib/divisions';
import { errorResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ house: string; date: string; number: string }> };

/**
 * GET /divisions/commons/2019-01-08/287/chamber.svg — the division's hemicycle, each seat coloured
 * by vote and named on hover; the page embeds it. Cached like a page (validator from the data
 * version: scripts/lib/http-caching.ts). It holds no script; names are escaped where it is drawn.
 */
export async function GET(_request: Request, { params }: Params) {
  try {
    const { house, date, number } = await params;
    const d = await findDivisionAt(house, date, number);
    if (!d)
      return new Response('No such division.\n', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${voteHemicycleSvg(d)}`, {
      headers: {
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error, 'division chamber svg');
  }
}
