'use client';

// The member table's rows, drawn from plain data. A client component so that the page's RSC
// payload carries each row as a few fields of data rather than as its element tree (which it
// would otherwise send beside the same rows' HTML): the server still renders every row into the
// HTML (readable without JavaScript); the browser only hydrates them. Issue 16,
// docs/decisions/021-render-at-the-speed-of-the-data.md.
import { ConfidenceBadge } from '@/components/badges';
import { type Note, NoteLink } from '@/components/note-link';
import type { StandOrUnknown } from '@/lib/decision-rule';
import { StandBadge } from './stand-badge';

/** One member's row, shaped and formatted on the server. */
export interface MemberRowData {
  personId: number;
  slug: string;
  name: string;
  constituency: string | null;
  party: string | null;
  stand: StandOrUnknown;
  /** "undecided until 3 May 2019" */
  previous: string | null;
  since: string | null;
  evidence: null | {
    derivedFrom: { slug: string; title: string } | null;
    quote: string | null;
    statement: string | null;
    confidence: string;
    /** Its source's note. */
    note: Note;
  };
  /** After a division: "Aye (teller)", "No ballot"; null when no division with ballots. */
  vote: string | null;
  result: string | null;
  rebel: boolean;
}

export function MemberRows({ rows }: { rows: MemberRowData[] }) {
  return rows.map((m) => (
    <tr key={m.personId} className="align-top">
      <td>
        <a href={`/people/${m.slug}`}>{m.name}</a>
        <div className="text-xs text-muted">
          <span className="sm:hidden">
            {m.party ?? 'No party recorded'}
            {m.constituency ? ' · ' : ''}
          </span>
          {m.constituency}
        </div>
      </td>
      <td>{m.party ?? '—'}</td>
      <td>
        <StandBadge stand={m.stand} />
        {m.previous ? <div className="text-xs text-muted">{m.previous}</div> : null}
        {/* On a phone the since and vote columns give way: said here instead. */}
        <div className="text-xs text-muted sm:hidden">
          {m.since ? `since ${m.since}` : null}
          {m.vote !== null ? <div>Vote: {m.vote}</div> : null}
        </div>
      </td>
      <td className="whitespace-nowrap">{m.since ?? '—'}</td>
      <td>
        {m.evidence ? (
          <>
            {m.evidence.derivedFrom ? (
              <span>
                Signed <a href={`/campaigns/${m.evidence.derivedFrom.slug}`}>{m.evidence.derivedFrom.title}</a>{' '}
                <span className="text-xs text-muted">(derived)</span>
              </span>
            ) : m.evidence.quote ? (
              <q>{m.evidence.quote}</q>
            ) : m.evidence.statement ? (
              <span>Statement: {m.evidence.statement}</span>
            ) : (
              <span className="text-muted">Stated</span>
            )}{' '}
            <ConfidenceBadge value={m.evidence.confidence} /> <NoteLink note={m.evidence.note} />
          </>
        ) : (
          <span className="text-muted">Nothing recorded</span>
        )}
      </td>
      {m.vote !== null ? (
        <td className="whitespace-nowrap">
          {m.vote}
          {m.result ? <div className="text-xs text-muted">forecast {m.result}</div> : null}
          {m.rebel ? <div className="text-xs font-semibold text-warn">rebelled against own party</div> : null}
        </td>
      ) : null}
    </tr>
  ));
}
