import { voteHemicycleSvg } from '@/components/division/division-parts';
import { divisionFile } from '../division-csv';

export const dynamic = 'force-dynamic';

/**
 * GET /divisions/commons/2019-01-08/287/chamber.svg — the division's hemicycle, each seat coloured
 * by vote and named on hover; the page embeds it. Cached like a page (validator from the data
 * version: scripts/lib/http-caching.ts). It holds no script; names are escaped where it is drawn.
 */
export const GET = divisionFile(
  'division chamber svg',
  (d) =>
    new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${voteHemicycleSvg(d)}`, {
      headers: { 'Content-Type': 'image/svg+xml; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    }),
);
