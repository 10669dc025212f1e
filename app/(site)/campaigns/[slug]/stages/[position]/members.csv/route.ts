import { cacheHeadersAt } from '@/lib/cache-rules';
import { filterMembers, whipQuerySchema } from '@/lib/whip-count';
import { membersCsv } from '@/lib/whip-count-csv';
import { stageFile } from '../stage-file';

export const dynamic = 'force-dynamic';

/**
 * GET /campaigns/SLUG/stages/N/members.csv — the whip count's member table as the page shows it
 * (its filters `q, party, stand, sort, dir`), every row. `?excel=1` adds a BOM for Excel.
 */
export const GET = stageFile('whip count members csv', (count, request) => {
  const search = new URL(request.url).searchParams;
  const query = whipQuerySchema.parse(Object.fromEntries(search));
  const { rows } = filterMembers(count.memberList, query, Math.max(1, count.memberList.length));
  const { slug } = count.campaign;
  const n = count.stage.position;
  return new Response(membersCsv(rows, count.division !== null, search.get('excel') === '1'), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="whipcount-whip-count-${slug}-${n}-members.csv"`,
      ...cacheHeadersAt(request.url),
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
