'use client';

// The signatory table's rows, drawn from plain data: a client component so that the page's RSC
// payload carries each signature as a few fields rather than as its element tree beside the same
// row's HTML (the server still renders every row into the HTML, readable without JavaScript; the
// browser only hydrates them). Issue 16; docs/decisions/021-render-at-the-speed-of-the-data.md.
import { ConfidenceBadge } from '@/components/badges';
import { type Note, NoteLink } from '@/components/note-link';

/** One signature as its row shows it, shaped and formatted on the server. */
export interface SignatoryRowData {
  id: number;
  slug: string;
  name: string;
  lead: boolean;
  eligible: boolean;
  /** "Withdrawn 3 May 2019: reason", or null while it stands. */
  withdrawn: string | null;
  house: string;
  party: string | null;
  constituency: string | null;
  role: string | null;
  /** The day signed, or "by" the day its source reported it. */
  day: string;
  confidence: string;
  /** Its source's note. */
  note: Note;
}

export function SignatoryRows({ rows }: { rows: SignatoryRowData[] }) {
  return rows.map((row) => (
    <tr key={row.id} className={row.withdrawn ? 'text-muted line-through decoration-1' : undefined}>
      <td>
        <a href={`/people/${row.slug}`}>{row.name}</a>
        {row.lead && <span className="ml-1 text-xs font-semibold text-warn">lead</span>}
        {!row.eligible && <span className="ml-1 text-xs text-muted">(not counted: not eligible)</span>}
        {row.withdrawn && <span className="block text-xs no-underline">{row.withdrawn}</span>}
        {/* On a phone the house and seat columns give way: said here instead. */}
        <span className="block text-xs text-muted sm:hidden">
          {[row.house, row.constituency].filter(Boolean).join(' · ')}
        </span>
      </td>
      <td>{row.house}</td>
      <td>{row.party ?? '—'}</td>
      <td>{row.constituency ?? '—'}</td>
      <td>{row.role ?? '—'}</td>
      <td>
        {row.day}
        <span className="sm:hidden">
          {' '}
          <NoteLink note={row.note} />
        </span>
      </td>
      <td>
        <ConfidenceBadge value={row.confidence} />
      </td>
      <td>
        <NoteLink note={row.note} />
      </td>
    </tr>
  ));
}
