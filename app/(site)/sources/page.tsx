import type { Metadata } from 'next';
import { SortHeader } from '@/components/sort-header';
import { Pager, TableShell } from '@/components/table-shell';
import { Button, Input } from '@/components/ui/controls';
import { formatDay } from '@/lib/format';
import { listSources, SOURCES_PER_PAGE, sourceQuerySchema } from '@/lib/sources';
import { queryHref } from '@/components/query-href';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = {
  title: 'Sources',
  description: 'Every source the figures on Whipcount come from, and how many records cite each.',
};

export default async function SourcesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const raw = await searchParams;
  const query = sourceQuerySchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const { sources, total, page } = await listSources(query);
  const pages = Math.max(1, Math.ceil(total / SOURCES_PER_PAGE));
  const sortable = { ...query, page };
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Sources</h1>
      <p className="max-w-3xl text-sm text-muted">
        Every fact here names where it comes from. These are the sources, with how many records cite each: open one to
        see what it is and what it supports.
      </p>
      <form method="get" className="flex gap-2" aria-label="Search sources">
        <label htmlFor="q" className="sr-only">
          Search sources
        </label>
        <Input id="q" name="q" type="search" defaultValue={query.q ?? ''} placeholder="Publisher or title" />
        <Button type="submit">Search</Button>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {total.toLocaleString('en-GB')} source{total === 1 ? '' : 's'}
        {pages > 1 ? ` · page ${page} of ${pages}` : ''}
      </p>
      {sources.length === 0 ? (
        <p className="rounded border border-dashed border-rule bg-white p-4 text-muted">
          {query.q ? 'No source matches.' : 'No sources yet: they are added with the first facts.'}
        </p>
      ) : (
        <TableShell
          testId="sources-table"
          minWidth="min-w-0"
          columnClasses={[undefined, 'hidden sm:table-cell', 'hidden sm:table-cell']}
          columns={[
            <SortHeader key="title" query={sortable} sortKey="title" label="Title" />,
            <SortHeader key="publisher" query={sortable} sortKey="publisher" label="Publisher" />,
            <SortHeader key="published" query={sortable} sortKey="published" label="Published" natural="desc" />,
            <SortHeader key="records" query={sortable} sortKey="records" label="Records" natural="desc" />,
          ]}
        >
          {sources.map((s) => (
            <tr key={s.id}>
              <td>
                <a href={`/sources/${s.id}`}>{s.title}</a>
                {/* On a phone the publisher and day go under the title: the columns give way. */}
                <div className="text-xs text-muted sm:hidden">
                  {s.publisher}
                  {s.publishedAt ? `, ${formatDay(s.publishedAt)}` : ''}
                </div>
              </td>
              <td className="hidden sm:table-cell">{s.publisher}</td>
              <td className="hidden whitespace-nowrap sm:table-cell">
                {s.publishedAt ? formatDay(s.publishedAt) : '—'}
              </td>
              <td className="tabular-nums">{s.records.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </TableShell>
      )}
      <Pager page={page} pages={pages} href={(p) => queryHref(sortable, { page: p })} />
    </div>
  );
}
