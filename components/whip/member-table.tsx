// Every member who may vote: where they stand, on what evidence, since when and what before; after
// a division, how they voted. A plain GET form filters (party, position, name) and links sort, so
// every view is a shareable URL and works without JavaScript.
import Link from 'next/link';
import { ConfidenceBadge } from '@/components/badges';
import { FilterSelect } from '@/components/filter-select';
import { NoteRef, SourceNoteList, SourceNotes } from '@/components/source-notes';
import { Pager, TableShell } from '@/components/table-shell';
import { STAND_LABEL } from '@/lib/decision-rule';
import { formatDay } from '@/lib/format';
import type { WhipMember, WhipQuery } from '@/lib/whip-count';
import { STAND_COLOUR } from './stands';
import { Button, Input } from '@/components/ui/controls';

const STAND_OPTIONS = (Object.keys(STAND_LABEL) as (keyof typeof STAND_LABEL)[]).map(
  (k) => [k, STAND_LABEL[k]] as const,
);
const RESULT: Record<string, string> = {
  held: 'held',
  switched: 'switched',
  'did-not-vote': 'did not vote',
  'no-forecast': 'no forecast',
};

export function whipHref(query: WhipQuery, change: Partial<WhipQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === '') continue;
    if ((key === 'sort' && value === 'stand') || (key === 'dir' && value === 'asc') || (key === 'page' && value === 1))
      continue;
    params.set(key, String(value));
  }
  return `?${params.toString()}#members`;
}

export function StandBadge({ stand }: { stand: WhipMember['stand'] }) {
  const key = stand ?? 'UNKNOWN';
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <span
        aria-hidden="true"
        className="inline-block h-2.5 w-2.5 rounded-full"
        style={{ background: STAND_COLOUR[key] }}
      />
      {STAND_LABEL[key]}
    </span>
  );
}

export function MemberTable({
  rows,
  query,
  parties,
  matching,
  perPage,
  voted,
}: {
  rows: WhipMember[];
  query: WhipQuery;
  parties: string[];
  matching: number;
  perPage: number;
  /** A division with ballots is recorded: show the vote and the forecast's result. */
  voted: boolean;
}) {
  const pages = Math.max(1, Math.ceil(matching / perPage));
  const notes = new SourceNotes(
    'member-source',
    rows.flatMap((m) => (m.evidence ? [m.evidence.source] : [])),
  );
  const sortable = (key: WhipQuery['sort'], label: string) => {
    const active = query.sort === key;
    const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
    return (
      <Link
        href={whipHref(query, { sort: key, dir, page: 1 })}
        aria-label={`Sort by ${label.toLowerCase()}${active ? (query.dir === 'asc' ? ', descending' : ', ascending') : ''}`}
      >
        {label}
        {active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    );
  };
  return (
    <div className="flex flex-col gap-3">
      <form
        method="get"
        action="#members"
        className="no-print grid grid-cols-2 gap-2 text-sm sm:grid-cols-4"
        aria-label="Filter members"
      >
        <label className="col-span-2 flex flex-col gap-1 sm:col-span-1">
          <span className="text-xs text-muted">Search name or seat</span>
          <Input name="q" defaultValue={query.q ?? ''} type="search" />
        </label>
        <FilterSelect name="party" label="Party" value={query.party} options={parties} />
        <FilterSelect name="stand" label="Position" value={query.stand} options={STAND_OPTIONS} />
        <div className="flex items-end gap-2">
          <Button type="submit">Filter</Button>
          <Link href="?#members" className="py-1.5">
            Clear
          </Link>
        </div>
      </form>
      <p className="text-sm text-muted" role="status">
        {matching === 0
          ? 'No members match.'
          : `Members ${(query.page - 1) * perPage + 1}–${Math.min(query.page * perPage, matching)} of ${matching}.`}
      </p>
      <TableShell
        testId="whip-members"
        label="Members who may vote"
        minWidth="min-w-[720px]"
        columns={[
          sortable('name', 'Member'),
          sortable('party', 'Party'),
          sortable('stand', 'Position'),
          sortable('since', 'Since'),
          'Evidence',
          ...(voted ? ['Vote'] : []),
        ]}
      >
        {rows.map((m) => (
          <tr key={m.personId} className="align-top">
            <td>
              <a href={`/people/${m.slug}`}>{m.name}</a>
              {m.constituency ? <div className="text-xs text-muted">{m.constituency}</div> : null}
            </td>
            <td>{m.party ?? '—'}</td>
            <td>
              <StandBadge stand={m.stand} />
              {m.previous ? (
                <div className="text-xs text-muted">
                  {STAND_LABEL[m.previous.stand].toLowerCase()} until {formatDay(m.previous.until)}
                </div>
              ) : null}
            </td>
            <td className="whitespace-nowrap">{m.since ? formatDay(m.since) : '—'}</td>
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
                    <span>Statement: {m.evidence.statement.subject}</span>
                  ) : (
                    <span className="text-muted">Stated</span>
                  )}{' '}
                  <ConfidenceBadge value={m.evidence.confidence} /> <NoteRef notes={notes} source={m.evidence.source} />
                </>
              ) : (
                <span className="text-muted">Nothing recorded</span>
              )}
            </td>
            {voted ? (
              <td className="whitespace-nowrap">
                {m.vote ? (m.vote === 'AYE' ? 'Aye' : m.vote === 'NO' ? 'No' : 'Abstained') : 'No ballot'}
                {m.teller ? ' (teller)' : ''}
                {m.result ? <div className="text-xs text-muted">forecast {RESULT[m.result]}</div> : null}
                {m.rebel ? <div className="text-xs font-semibold text-warn">rebelled against own party</div> : null}
              </td>
            ) : null}
          </tr>
        ))}
      </TableShell>
      <SourceNoteList notes={notes} title="Sources of this evidence" />
      <Pager page={query.page} pages={pages} href={(page) => whipHref(query, { page })} label="Member pages" />
    </div>
  );
}
