import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  PartySection,
  RebelList,
  ResultSection,
  houseLabel,
  VoteHemicycle,
  voteText,
} from '@/components/division/division-parts';
import { FilterSelect } from '@/components/filter-select';
import { queryHref } from '@/components/query-href';
import { SortHeader } from '@/components/sort-header';
import { Section } from '@/components/section';
import { Pager, TableShell } from '@/components/table-shell';
import { TextRows } from '@/components/text-rows';
import { Button } from '@/components/ui/controls';
import { RESULT_LABEL } from '@/lib/division-outcome';
import { DownloadLinks } from '@/components/download-links';
import { ballotQuerySchema, filterBallots, findDivisionAt, pageOf } from '@/lib/divisions';
import { formatDay } from '@/lib/format';
import { pageMetadata } from '@/lib/metadata';
import { getWhipCount } from '@/lib/whip-count';
import { shareImageMeta } from '@/lib/share-image';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ house: string; date: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

async function load(params: Props['params']) {
  const { house, date, number } = await params;
  return findDivisionAt(house, date, number);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const d = await load(params);
  if (!d) return { title: 'Division not found' };
  return pageMetadata({
    title: `${d.question} — division ${d.number}, ${d.heldOn ? formatDay(d.heldOn) : ''}`,
    description: `${houseLabel(d.house)}: ${RESULT_LABEL[d.result]}, ${d.totals.ayes} ayes to ${d.totals.noes} noes (tellers apart); ${d.rebels.length} rebels.`,
    path: d.path,
    image: await shareImageMeta('division'),
  });
}

const FORECAST_LABEL = {
  held: 'held',
  switched: 'switched',
  'did-not-vote': 'did not vote',
  'no-forecast': '—',
} as const;

export default async function DivisionPage({ params, searchParams }: Props) {
  const d = await load(params);
  if (!d) notFound();
  const query = ballotQuerySchema.parse(
    Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, first(v)])),
  );
  // Where a stage tracked this vote, the count before it says whose placement held.
  const whip = d.stage ? await getWhipCount(d.stage.campaignSlug, d.stage.position) : null;
  const forecasts = whip?.division?.id === d.id ? new Map(whip.memberList.map((m) => [m.personId, m.result])) : null;
  const filtered = filterBallots(d.ballots, query);
  const { rows, pages } = pageOf(filtered, query);
  const pageHref = (page: number) => queryHref(query, { page }, '#members');
  const parties = [...new Set(d.ballots.map((b) => b.party ?? 'No party recorded'))].sort();
  const sortable = (key: string, label: string) => (
    <SortHeader query={query} sortKey={key} label={label} fragment="#members" />
  );
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/divisions">Divisions</Link> › {houseLabel(d.house)}
      </nav>
      <header>
        <p className="text-sm text-muted">
          {houseLabel(d.house)} · {d.heldOn ? formatDay(d.heldOn) : 'undated'} · Division {d.number}
        </p>
        <h1 className="font-serif text-3xl font-bold">{d.question}</h1>
      </header>
      <ResultSection d={d} />
      <Section id="chamber" title="How the chamber voted">
        <VoteHemicycle d={d} />
      </Section>
      <PartySection d={d} />
      <RebelList d={d} path={d.path} />
      <Section
        id="members"
        title="Every member"
        aside={
          <span className="flex flex-wrap gap-x-3 text-sm">
            <DownloadLinks
              path={`${d.path}/members.csv`}
              params={{
                q: query.q,
                vote: query.vote,
                party: query.party,
                rebel: query.rebel,
                sort: query.sort,
                dir: query.dir,
              }}
              label="Members as shown"
            />
            <a href={`${d.path}/ballots.csv`} download>
              Ballots CSV
            </a>
            <a href={`/api/v1/divisions/${d.path.slice('/divisions/'.length)}`}>JSON</a>
          </span>
        }
      >
        <form
          method="get"
          action="#members"
          className="mb-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5"
          aria-label="Filter members"
        >
          <label className="col-span-2 flex flex-col gap-1">
            <span className="text-xs text-muted">Name or seat</span>
            <input
              type="search"
              name="q"
              defaultValue={query.q ?? ''}
              className="rounded border border-rule px-2 py-1.5"
            />
          </label>
          <FilterSelect
            name="vote"
            label="Vote"
            value={query.vote}
            options={[
              ['aye', 'Aye'],
              ['no', 'No'],
              ['teller', 'Tellers'],
              ['none', 'Did not vote'],
            ]}
          />
          <FilterSelect name="party" label="Party" value={query.party} options={parties} />
          <label className="flex items-end gap-2 pb-2">
            <input type="checkbox" name="rebel" value="yes" defaultChecked={query.rebel === 'yes'} />
            <span>Rebels only</span>
          </label>
          <div className="col-span-2 sm:col-span-5">
            <Button type="submit">Filter</Button>
          </div>
        </form>
        <p className="mb-2 text-sm text-muted" aria-live="polite">
          {filtered.length} of {d.ballots.length} members
          {pages > 1 ? ` · page ${query.page} of ${pages}` : ''}
        </p>
        {filtered.length === 0 ? (
          <p className="rounded border border-dashed border-rule p-4 text-muted">Nobody matches these filters.</p>
        ) : (
          <TableShell
            testId="division-members"
            minWidth="min-w-0"
            // On a phone the rebel and forecast columns give way (issue 24): the rebels have their own section.
            tableClass="max-sm:[&_:is(td,th):nth-child(4)]:hidden max-sm:[&_:is(td,th):nth-child(5)]:hidden"
            columns={[
              sortable('name', 'Name'),
              sortable('vote', 'Vote'),
              sortable('party', 'Party'),
              sortable('rebel', 'Rebel'),
              ...(forecasts ? ['Forecast'] : []),
            ]}
          >
            <TextRows
              rows={rows.map((b) => ({
                key: b.personId,
                href: `/people/${b.slug}`,
                cells: [
                  b.name,
                  voteText(b),
                  b.party ?? '—',
                  b.rebel ? 'Rebel' : '',
                  ...(forecasts ? [FORECAST_LABEL[forecasts.get(b.personId) ?? 'no-forecast']] : []),
                ],
              }))}
            />
          </TableShell>
        )}
        <div className="mt-2">
          <Pager page={query.page} pages={pages} href={pageHref} label="Pages of members" />
        </div>
      </Section>
    </div>
  );
}
