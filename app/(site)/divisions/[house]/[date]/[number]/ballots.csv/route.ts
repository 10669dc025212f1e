import { divisionCsv } from '../division-csv';

export const dynamic = 'force-dynamic';

/** GET /divisions/commons/2019-01-08/287/ballots.csv — every ballot, with party and rebel columns. */
export const GET = divisionCsv('ballots');
