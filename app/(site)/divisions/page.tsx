import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterSelect } from '@/components/filter-select';
import { queryHref } from '@/components/query-href';
import { SortHeader } from '@/components/sort-header';
import { Pager, TableShell } from '@/components/table-shell';
import { TextRows } from '@/components/text-rows';
import { Button } from '@/components/ui/controls';
import { RESULT_LABEL } from '@/lib/division-outcome';
import { divisionListQuerySchema, filterDivisions, listDivisions, pageOf } from '@/lib/divisions';
import { formatDay } from '@/lib/format';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Divisions' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** Every recorded division: house, date, number, title, result, margin, turnout, rebels. */
export default async function DivisionsPage({ searchParams }: Props) {
  const query = divisionListQuerySchema.parse(
    Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, first(v)])),
  );
  const all = await listDivisions();
  const filtered = filterDivisions(all, query);
  const { rows, pages } = pageOf(filtered, query);
  const pageHref = (page: number) => queryHref(query, { page });
  // Titles and results A–Z first; dates and counts largest first.
  const sortable = (key: string, label: string) => (
    <SortHeader
      query={query}
      sortKey={key}
      label={label}
      natural={key === 'title' || key === 'result' ? 'asc' : 'desc'}
    />
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-bold">Divisions</h1>
        <Link href="/api/v1/divisions" prefetch={false} className="text-sm">
          JSON
        </Link>
      </div>
      <p className="text-sm text-muted">
        Every recorded vote: a house’s divisions, loaded from Parliament’s own record, and the votes of the campaigns’
        stages. Ayes and noes are tellers apart.
      </p>
      <form
        method="get"
        className="grid grid-cols-2 gap-2 rounded-lg border border-rule bg-white p-3 text-sm sm:grid-cols-5"
        aria-label="Filter divisions"
      >
        <label className="col-span-2 flex flex-col gap-1">
          <span className="text-xs text-muted">Title</span>
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ''}
            className="rounded border border-rule px-2 py-1.5"
          />
        </label>
        <FilterSelect
          name="house"
          label="House"
          value={query.house}
          options={[
            ['commons', 'Commons'],
            ['lords', 'Lords'],
          ]}
        />
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">From</span>
          <input
            type="date"
            name="from"
            defaultValue={query.from ?? ''}
            className="rounded border border-rule px-2 py-1.5"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">To</span>
          <input
            type="date"
            name="to"
            defaultValue={query.to ?? ''}
            className="rounded border border-rule px-2 py-1.5"
          />
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <div className="col-span-2 sm:col-span-5">
          <Button type="submit">Filter</Button>
        </div>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {filtered.length} of {all.length} division{all.length === 1 ? '' : 's'}
        {pages > 1 ? ` · page ${query.page} of ${pages}` : ''}
      </p>
      {all.length === 0 ? (
        <p className="rounded border border-dashed border-rule bg-white p-4 text-muted">
          No divisions are recorded yet. An editor loads them under Admin → Imports, from the Commons or Lords Votes
          API’s files, or with <code>npm run import -- FILE…</code>.
        </p>
      ) : filtered.length === 0 ? (
        <p className="rounded border border-dashed border-rule bg-white p-4 text-muted">
          No division matches these filters.
        </p>
      ) : (
        <TableShell
          testId="divisions-table"
          minWidth="min-w-0"
          // On a phone majority, turnout and rebels give way (issue 24): the division's page has them.
          tableClass="max-sm:[&_:is(td,th):nth-child(4)]:hidden max-sm:[&_:is(td,th):nth-child(5)]:hidden max-sm:[&_:is(td,th):nth-child(6)]:hidden"
          columns={[
            sortable('title', 'Division'),
            sortable('date', 'Date'),
            sortable('result', 'Result'),
            sortable('margin', 'Majority'),
            sortable('turnout', 'Turnout'),
            sortable('rebels', 'Rebels'),
          ]}
        >
          <TextRows
            rows={rows.map((d) => ({
              key: d.id,
              href: d.path,
              cells: [
                `${d.house ? `${d.house === 'COMMONS' ? 'Commons' : 'Lords'} ${d.number}: ` : d.stage ? `${d.stage.campaignTitle}: ` : ''}${d.question}`,
                d.heldOn ? formatDay(d.heldOn) : '—',
                `${RESULT_LABEL[d.result]}, ${d.ayes}–${d.noes}${d.warnings ? ' ⚠' : ''}`,
                Math.abs(d.margin),
                d.turnout === null ? '—' : `${(d.turnout * 100).toFixed(1)}%`,
                d.rebels,
              ],
            }))}
          />
        </TableShell>
      )}
      <Pager page={query.page} pages={pages} href={pageHref} label="Pages of divisions" />
    </div>
  );
}
