// The division page's files: every ballot (with party and rebel columns; they import back as
// ballots), the member table as shown (its filters and order, those who did not vote included),
// the rebels alone (docs/csv.md), and the chamber's SVG. One way to find the division
// from the address and to say when there is none.
import { cacheHeadersAt } from '@/lib/cache-rules';
import type { DivisionDetail } from '@/lib/divisions';
import { ballotQuerySchema, ballotsCsv, filterBallots, findDivisionAt } from '@/lib/divisions';
import { recordFile } from '@/lib/http';

type Address = { house: string; date: string; number: string };

/** A GET handler for one of a division's files: 404 when the address names no division. */
export const divisionFile = (label: string, respond: (d: DivisionDetail, request: Request, at: Address) => Response) =>
  recordFile(label, (at: Address) => findDivisionAt(at.house, at.date, at.number), 'No such division.', respond);

/** The rows of each of a division's files, from the division and the file's address. */
const ROWS = {
  ballots: (d: DivisionDetail) => d.ballots.filter((b) => b.vote !== null),
  members: (d: DivisionDetail, search: URLSearchParams) =>
    filterBallots(d.ballots, ballotQuerySchema.parse(Object.fromEntries(search))),
  rebels: (d: DivisionDetail) => d.ballots.filter((b) => b.rebel),
} as const;

export function divisionCsv(kind: keyof typeof ROWS) {
  return divisionFile(`division ${kind} csv`, (d, request, { house, date, number }) => {
    const search = new URL(request.url).searchParams;
    const csv = ballotsCsv(d, ROWS[kind](d, search), search.get('excel') === '1');
    return new Response(csv, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8; header=present',
        'Content-Disposition': `attachment; filename="whipcount-division-${house}-${date}-${number}-${kind}.csv"`,
        ...cacheHeadersAt(request.url),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
