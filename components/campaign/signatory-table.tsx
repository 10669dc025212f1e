import Link from 'next/link';
import { FilterSelect, HOUSE_OPTIONS } from '@/components/filter-select';
import { SourceNoteList, SourceNotes } from '@/components/source-notes';
import { TABLE_CELLS } from '@/components/table-shell';
import { SignatoryRows } from './signatory-rows';
import { formatDay, titleCase } from '@/lib/format';
import type { SignatureQuery, SignatureRow } from '@/lib/signatures';
import { Button, Input } from '@/components/ui/controls';

/** On a phone (below `sm`) only the name, party and date columns stay (the source note beside the date); the rest give way, the house and seat going under the name. */
const COLUMNS: { key: SignatureQuery['sort'] | null; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'house', label: 'House' },
  { key: 'party', label: 'Party' },
  { key: 'constituency', label: 'Constituency' },
  { key: null, label: 'Role at signing' },
  { key: 'date', label: 'Date' },
  { key: 'confidence', label: 'Confidence' },
  { key: null, label: 'Source' },
];

// Columns 2 (house), 4 (constituency), 5 (role), 7 (confidence) and 8 (source) give way on a phone;
// the source note moves beside the date: every row still names where it comes from.
// Written out whole: Tailwind finds class names in the source, not ones built at run time.
const PHONE_HIDES =
  'max-sm:[&_:is(td,th):nth-child(2)]:hidden max-sm:[&_:is(td,th):nth-child(4)]:hidden max-sm:[&_:is(td,th):nth-child(5)]:hidden max-sm:[&_:is(td,th):nth-child(7)]:hidden max-sm:[&_:is(td,th):nth-child(8)]:hidden';

const CONFIDENCE_OPTIONS = ['CONFIRMED', 'REPORTED', 'CLAIMED'].map((c) => [c, titleCase(c)] as const);

/** The query string for this table with some values changed; filters live in the URL. */
function href(query: SignatureQuery, change: Partial<SignatureQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === '') continue;
    if (
      (key === 'status' && value === 'standing') ||
      (key === 'sort' && value === 'name') ||
      (key === 'dir' && value === 'asc') ||
      (key === 'page' && value === 1)
    )
      continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return `?${text}#signatories`;
}

/** Sortable, filterable signatories. A plain GET form: works without JavaScript, shareable by URL. */
export function SignatoryTable({
  rows,
  query,
  parties,
  total,
  matching,
  perPage,
}: {
  rows: SignatureRow[];
  query: SignatureQuery;
  parties: string[];
  total: number;
  /** How many match the filters, across all pages. */
  matching: number;
  perPage: number;
}) {
  const pages = Math.max(1, Math.ceil(matching / perPage));
  const first = (query.page - 1) * perPage;
  const notes = new SourceNotes(
    'signatory-source',
    rows.map((row) => row.source),
  );
  const undated = rows.some((row) => !row.signedOn);
  const filtered = Boolean(query.q || query.house || query.party || query.confidence || query.status !== 'standing');
  return (
    <div className="flex flex-col gap-3">
      <form
        method="get"
        action="#signatories"
        className="no-print grid grid-cols-2 gap-2 text-sm sm:grid-cols-3 lg:grid-cols-6"
        aria-label="Filter signatories"
      >
        <label className="col-span-2 flex flex-col gap-1 sm:col-span-3 lg:col-span-2">
          <span className="text-xs text-muted">Search name, seat or role</span>
          <Input name="q" defaultValue={query.q ?? ''} type="search" />
        </label>
        <FilterSelect name="house" label="House" value={query.house} options={HOUSE_OPTIONS} />
        <FilterSelect name="party" label="Party" value={query.party} options={parties} />
        <FilterSelect name="confidence" label="Confidence" value={query.confidence} options={CONFIDENCE_OPTIONS} />
        <FilterSelect
          name="status"
          label="Show"
          value={query.status}
          anyLabel={null}
          options={[
            ['standing', 'Standing'],
            ['withdrawn', 'Withdrawn'],
            ['all', 'All'],
          ]}
        />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div className="col-span-2 flex items-end gap-3 sm:col-span-3 lg:col-span-6">
          <Button type="submit">Apply filters</Button>
          {filtered && <Link href="?#signatories">Clear filters</Link>}
        </div>
      </form>

      <p className="text-sm text-muted" aria-live="polite">
        {rows.length === 0
          ? `Showing none of ${total.toLocaleString('en-GB')} named signator${total === 1 ? 'y' : 'ies'}`
          : `Showing ${rows.length === matching ? rows.length.toLocaleString('en-GB') : `${(first + 1).toLocaleString('en-GB')}–${(first + rows.length).toLocaleString('en-GB')} of ${matching.toLocaleString('en-GB')} matching`} of ${total.toLocaleString('en-GB')} named signator${total === 1 ? 'y' : 'ies'}`}
        {filtered ? ' (filtered)' : ''}.
      </p>

      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-rule bg-white p-4 text-sm text-muted">
          {total === 0 ? 'No signatories have been named yet.' : 'No signatory matches these filters.'}
        </p>
      ) : (
        <div className="overflow-x-auto rounded border border-rule bg-white">
          <table
            // Cell padding, row rules and the date column's nowrap are set once here, not in every row.
            className={`w-full text-left text-sm sm:min-w-[720px] ${TABLE_CELLS} ${PHONE_HIDES} sm:[&_td:nth-child(6)]:whitespace-nowrap`}
            data-testid="signatory-table"
            aria-label={`Named signatories, sorted by ${query.sort} ${query.dir === 'asc' ? 'ascending' : 'descending'}`}
          >
            <thead className="bg-paper text-xs uppercase tracking-wide text-muted">
              <tr>
                {COLUMNS.map((col) => {
                  const active = col.key === query.sort;
                  return (
                    <th
                      key={col.label}
                      scope="col"
                      className="px-3 py-2"
                      aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                    >
                      {col.key ? (
                        <Link
                          href={href(query, {
                            sort: col.key,
                            dir: active && query.dir === 'asc' ? 'desc' : 'asc',
                            page: 1,
                          })}
                          className="text-muted no-underline hover:underline"
                        >
                          {col.label}
                          {active ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                        </Link>
                      ) : (
                        col.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              <SignatoryRows
                rows={rows.map((row) => ({
                  id: row.id,
                  slug: row.person.slug,
                  name: row.person.name,
                  lead: row.isLeadSponsor,
                  eligible: row.eligible,
                  withdrawn: row.withdrawnOn
                    ? `Withdrawn ${formatDay(row.withdrawnOn)}${row.withdrawalReason ? `: ${row.withdrawalReason}` : ''}`
                    : null,
                  house: titleCase(row.house),
                  party: row.party,
                  constituency: row.constituency,
                  role: row.roleAtSigning,
                  day: row.signedOn ? formatDay(row.signedOn) : `by ${formatDay(row.knownOn)}`,
                  confidence: row.confidence,
                  note: notes.note(row.source),
                }))}
              />
            </tbody>
          </table>
        </div>
      )}
      {rows.length > 0 && (
        <div className="flex flex-col gap-1">
          <SourceNoteList notes={notes} title="Sources of these signatures" />
          {undated && (
            <p className="text-xs text-muted">
              “by” a date: the signature is not dated; the date shown is its source’s.
            </p>
          )}
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Signatory pages" className="no-print flex gap-4 text-sm">
          {query.page > 1 && <Link href={href(query, { page: query.page - 1 })}>← Previous {perPage}</Link>}
          <span className="text-muted">
            Page {query.page} of {pages}
          </span>
          {query.page < pages && <Link href={href(query, { page: query.page + 1 })}>Next {perPage} →</Link>}
        </nav>
      )}
    </div>
  );
}
