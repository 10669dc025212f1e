// Every member who may vote: where they stand, on what evidence, since when and what before; after
// a division, how they voted. A plain GET form filters (party, position, name) and links sort, so
// every view is a shareable URL and works without JavaScript.
import Link from 'next/link';
import { FilterSelect } from '@/components/filter-select';
import { SourceNoteList, SourceNotes } from '@/components/source-notes';
import { Pager, TableShell } from '@/components/table-shell';
import { STAND_LABEL } from '@/lib/decision-rule';
import { formatDay } from '@/lib/format';
import type { WhipMember, WhipQuery } from '@/lib/whip-count';
import { MemberRows, type MemberRowData } from './member-rows';
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

/** A member as their table row shows them: dates formatted, the source a note number. */
function rowData(m: WhipMember, notes: SourceNotes, voted: boolean): MemberRowData {
  const e = m.evidence;
  return {
    personId: m.personId,
    slug: m.slug,
    name: m.name,
    constituency: m.constituency,
    party: m.party,
    stand: m.stand ?? 'UNKNOWN',
    previous: m.previous ? `${STAND_LABEL[m.previous.stand].toLowerCase()} until ${formatDay(m.previous.until)}` : null,
    since: m.since ? formatDay(m.since) : null,
    evidence: e
      ? {
          derivedFrom: e.derivedFrom,
          quote: e.quote,
          statement: e.statement?.subject ?? null,
          confidence: e.confidence,
          note: notes.note(e.source),
        }
      : null,
    vote: voted
      ? `${m.vote ? (m.vote === 'AYE' ? 'Aye' : m.vote === 'NO' ? 'No' : 'Abstained') : 'No ballot'}${m.teller ? ' (teller)' : ''}`
      : null,
    result: voted && m.result ? RESULT[m.result]! : null,
    rebel: voted && m.rebel,
  };
}

export function MemberTable({
  rows,
  query,
  parties,
  matching,
  total,
  perPage,
  voted,
}: {
  rows: WhipMember[];
  query: WhipQuery;
  parties: string[];
  matching: number;
  /** Every member who may vote, before the filters. */
  total: number;
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
        {total === 0
          ? 'No members of this body are recorded for the day of the vote: there is no one to place yet.'
          : matching === 0
            ? 'No members match.'
            : `Members ${(query.page - 1) * perPage + 1}–${Math.min(query.page * perPage, matching)} of ${matching}.`}
      </p>
      <TableShell
        testId="whip-members"
        label="Members who may vote"
        minWidth="sm:min-w-[720px]"
        // On a phone only the member and position columns stay, the party under the name, since and
        // the vote under the position; written out whole: Tailwind finds class names in the source.
        tableClass="max-sm:[&_:is(td,th):nth-child(2)]:hidden max-sm:[&_:is(td,th):nth-child(4)]:hidden max-sm:[&_:is(td,th):nth-child(5)]:hidden max-sm:[&_:is(td,th):nth-child(6)]:hidden"
        columns={[
          sortable('name', 'Member'),
          sortable('party', 'Party'),
          sortable('stand', 'Position'),
          sortable('since', 'Since'),
          'Evidence',
          ...(voted ? ['Vote'] : []),
        ]}
      >
        <MemberRows rows={rows.map((m) => rowData(m, notes, voted))} />
      </TableShell>
      <SourceNoteList notes={notes} title="Sources of this evidence" />
      <div className="no-print flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <Pager page={query.page} pages={pages} href={(page) => whipHref(query, { page })} label="Member pages" />
        {query.per_page === 'all' ? (
          <Link href={whipHref(query, { per_page: undefined, page: 1 })}>Show in pages</Link>
        ) : (
          pages > 1 && <Link href={whipHref(query, { per_page: 'all', page: 1 })}>Show all {matching} members</Link>
        )}
      </div>
    </div>
  );
}
