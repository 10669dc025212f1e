// Satisfaction ratings and the records they set.
import 'server-only';
import { db } from './db';
import { versioned } from './data-version';
import { sourceColumns, sourceOf, type SourceRef, type SourceRow } from './sql';

export interface PollView {
  id: number;
  pollster: string;
  subject: { slug: string; name: string };
  subjectRole: string;
  fieldworkStart: Date | null;
  fieldworkEnd: Date | null;
  satisfied: number | null;
  dissatisfied: number | null;
  dontKnow: number | null;
  net: number;
  sampleSize: number | null;
  note: string | null;
  /** The lowest net rating recorded for this role: the record. */
  isRecordLow: boolean;
  /** Rank within the role, 1 = lowest net. */
  rankInRole: number;
  source: SourceRef;
}

type Row = SourceRow & {
  id: number;
  pollster: string;
  slug: string;
  name: string;
  subject_role: string;
  fieldwork_start: Date | null;
  fieldwork_end: Date | null;
  satisfied: number | null;
  dissatisfied: number | null;
  dont_know: number | null;
  net: number;
  sample_size: number | null;
  note: string | null;
  rank_in_role: number;
};

/** Every poll, sorted by net rating (lowest first), with each role's record low marked. */
export const listPolls = versioned(async function listPolls(): Promise<PollView[]> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT poll.id, poll.pollster, p.slug, p.name, poll."subjectRole" AS subject_role,
           poll."fieldworkStart" AS fieldwork_start, poll."fieldworkEnd" AS fieldwork_end,
           poll.satisfied::float8 AS satisfied, poll.dissatisfied::float8 AS dissatisfied, poll."dontKnow"::float8 AS dont_know,
           poll.net::float8 AS net, poll."sampleSize" AS sample_size, poll.note,
           rank() OVER (PARTITION BY poll."subjectRole" ORDER BY poll.net ASC)::int AS rank_in_role,
           ${sourceColumns('s')}
    FROM "Poll" poll JOIN "Person" p ON p.id = poll."subjectPersonId" JOIN "Source" s ON s.id = poll."sourceId"
    ORDER BY poll.net ASC, poll.id`;
  return rows.map((r) => ({
    id: r.id,
    pollster: r.pollster,
    subject: { slug: r.slug, name: r.name },
    subjectRole: r.subject_role,
    fieldworkStart: r.fieldwork_start,
    fieldworkEnd: r.fieldwork_end,
    satisfied: r.satisfied,
    dissatisfied: r.dissatisfied,
    dontKnow: r.dont_know,
    net: r.net,
    sampleSize: r.sample_size,
    note: r.note,
    isRecordLow: r.rank_in_role === 1,
    rankInRole: r.rank_in_role,
    source: sourceOf(r),
  }));
});
