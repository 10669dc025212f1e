import { divisionCsv } from '../division-csv';

export const dynamic = 'force-dynamic';

/**
 * GET /divisions/commons/2019-01-08/287/members.csv — the member table as the page shows it (its
 * filters `q, vote, party, rebel, sort, dir`), every row, those who did not vote included.
 */
export const GET = divisionCsv('members');
