import { divisionCsv } from '../division-csv';

export const dynamic = 'force-dynamic';

/** GET /divisions/commons/2019-01-08/287/rebels.csv — the rebels alone. */
export const GET = divisionCsv('rebels');
