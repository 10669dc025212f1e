import type { Metadata } from 'next';
import { clampPage } from '@/lib/validation';
import { DownloadLinks } from '@/components/download-links';
import { FilterSelect, HOUSE_OPTIONS } from '@/components/filter-select';
import { TextRows } from '@/components/text-rows';
import { Pager, TableShell } from '@/components/table-shell';
import { formatDay, titleCase } from '@/lib/format';
import { listPeople, PEOPLE_PAGE_SIZE, peopleQuerySchema } from '@/lib/people';
import { Button } from '@/components/ui/controls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'People' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function PeoplePage({ searchParams }: Props) {
  const raw = await searchParams;
  const query = peopleQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  let { people, total, parties } = await listPeople(query);
  // A page beyond the last shows the last.
  if (clampPage(query.page, total, PEOPLE_PAGE_SIZE) !== query.page) {
    query.page = clampPage(query.page, total, PEOPLE_PAGE_SIZE);
    ({ people } = await listPeople(query));
  }
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const pageHref = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...query, page: String(page) }).filter(
        (e): e is [string, string] => e[1] !== undefined && e[1] !== 'any',
      ),
    );
    return `?${params}`;
  };
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-bold">People</h1>
        <span className="flex gap-3">
          <DownloadLinks name="people" label="Everyone" />
          <DownloadLinks name="roles" label="Roles" />
        </span>
      </div>
      <form
        method="get"
        className="grid grid-cols-2 gap-2 rounded-lg border border-rule bg-white p-3 text-sm sm:grid-cols-5"
        aria-label="Search people"
      >
        <label className="col-span-2 flex flex-col gap-1">
          <span className="text-xs text-muted">Name, alias or constituency</span>
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ''}
            className="rounded border border-rule px-2 py-1.5"
          />
        </label>
        <FilterSelect name="house" label="House" value={query.house} options={HOUSE_OPTIONS} />
        <FilterSelect name="party" label="Party" value={query.party} options={parties} />
        <label className="flex items-end gap-2 pb-2">
          <input type="checkbox" name="signed" value="yes" defaultChecked={query.signed === 'yes'} />
          <span>Signatories only</span>
        </label>
        <div className="col-span-2 sm:col-span-5">
          <Button type="submit">Search</Button>
        </div>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {total.toLocaleString('en-GB')} {total === 1 ? 'person' : 'people'}
        {pages > 1 ? ` · page ${query.page} of ${pages}` : ''}
      </p>
      {people.length === 0 ? (
        <p className="rounded border border-dashed border-rule bg-white p-4 text-muted">Nobody matches this search.</p>
      ) : (
        <TableShell
          testId="people-table"
          minWidth="sm:min-w-[560px]"
          // On a phone house, constituency and statements give way (issue 24).
          tableClass="max-sm:[&_:is(td,th):nth-child(2)]:hidden max-sm:[&_:is(td,th):nth-child(4)]:hidden max-sm:[&_:is(td,th):nth-child(6)]:hidden"
          columns={['Name', 'House', 'Party', 'Constituency', 'Signed', 'Statements']}
        >
          <TextRows
            rows={people.map((p) => ({
              key: p.id,
              href: `/people/${p.slug}`,
              cells: [
                p.name,
                // Seat and party are those of the last stint recorded: say when it ended, and no
                // more (a later term not yet loaded may hold them again).
                p.leftOn
                  ? `${titleCase(p.house)}: former member (no stint after ${formatDay(p.leftOn)})`
                  : titleCase(p.house),
                p.party ?? '—',
                p.constituency ?? '—',
                p.signatures,
                p.statements,
              ],
            }))}
          />
        </TableShell>
      )}
      <Pager page={query.page} pages={pages} href={pageHref} />
    </div>
  );
}
