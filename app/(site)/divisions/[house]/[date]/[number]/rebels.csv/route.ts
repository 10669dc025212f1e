import { ballotsCsv, divisionAddress, findDivision } from '@/lib/divisions';
import { errorResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ house: string; date: string; number: string }> };

/** GET /divisions/commons/2019-01-08/287/rebels.csv — the rebels, by party (docs/csv.md). */
export async function GET(request: Request, { params }: Params) {
  try {
    const { house, date, number } = await params;
    const address = divisionAddress(house, date, number);
    const d = address ? await findDivision(address.house, address.day, address.number) : null;
    if (!d)
      return new Response('No such division.\n', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    const csv = ballotsCsv(d, (b) => b.rebel, new URL(request.url).searchParams.get('excel') === '1');
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="whipcount-division-${house}-${date}-${number}-rebels.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(error, 'division rebels csv');
  }
}
