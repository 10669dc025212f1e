// The division page's two CSV files, what the page shows: every ballot (with party and rebel
// columns; they import back as ballots) or the rebels alone (docs/csv.md).
import { ballotsCsv, findDivisionAt } from '@/lib/divisions';
import { errorResponse } from '@/lib/http';

type Params = { params: Promise<{ house: string; date: string; number: string }> };

export function divisionCsv(kind: 'ballots' | 'rebels') {
  return async function GET(request: Request, { params }: Params) {
    try {
      const { house, date, number } = await params;
      const d = await findDivisionAt(house, date, number);
      if (!d)
        return new Response('No such division.\n', {
          status: 404,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
      const csv = ballotsCsv(
        d,
        kind === 'ballots' ? (b) => b.vote !== null : (b) => b.rebel,
        new URL(request.url).searchParams.get('excel') === '1',
      );
      return new Response(csv, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8; header=present',
          'Content-Disposition': `attachment; filename="whipcount-division-${house}-${date}-${number}-${kind}.csv"`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (error) {
      return errorResponse(error, `division ${kind} csv`);
    }
  };
}
