import { cacheHeadersAt } from '@/lib/cache-rules';
import { errorResponse } from '@/lib/http';
import { isSlug, stagePosition } from '@/lib/validation';
import { filterMembers, getWhipCount, whipQuerySchema } from '@/lib/whip-count';
import { membersCsv } from '@/lib/whip-count-csv';

export const dynamic = 'force-dynamic';

/**
 * GET /campaigns/SLUG/stages/N/members.csv — the whip count's member table as the page shows it
 * (its filters `q, party, stand, sort, dir`), every row. `?excel=1` adds a BOM for Excel.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; position: string }> }) {
  try {
    const { slug, position } = await params;
    const n = stagePosition(position);
    const count = isSlug(slug) && n !== null ? await getWhipCount(slug, n) : null;
    if (!count)
      return new Response('No such vote.\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const search = new URL(request.url).searchParams;
    const query = whipQuerySchema.parse(Object.fromEntries(search));
    const { rows } = filterMembers(count.memberList, query, Math.max(1, count.memberList.length));
    return new Response(membersCsv(rows, count.division !== null, search.get('excel') === '1'), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="whipcount-whip-count-${slug}-${n}-members.csv"`,
        ...cacheHeadersAt(request.url),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error, 'whip count members csv');
  }
}
