import { cacheHeadersAt } from '@/lib/cache-rules';
import { whipCountSvg } from '@/components/whip/parliament-chart';
import { stageFile } from '../stage-file';

export const dynamic = 'force-dynamic';

/**
 * GET /campaigns/SLUG/stages/N/chamber.svg — the whip count's hemicycle, each seat coloured by
 * where its member stands and named on hover; the page draws it in (ParliamentChart). Cached like
 * a page (a validator from the data version). It holds no script; names are escaped where drawn.
 */
export const GET = stageFile(
  'whip count chamber svg',
  (count, request) =>
    new Response(
      `<?xml version="1.0" encoding="UTF-8"?>\n${whipCountSvg(count.memberList, `Whip count of ${count.stage.name}`)}`,
      {
        headers: {
          'Content-Type': 'image/svg+xml; charset=utf-8',
          ...cacheHeadersAt(request.url),
          'X-Content-Type-Options': 'nosniff',
        },
      },
    ),
);
