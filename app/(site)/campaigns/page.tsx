import type { Metadata } from 'next';
import { clampPage } from '@/lib/validation';
import { TextRows } from '@/components/text-rows';
import { Pager, TableShell } from '@/components/table-shell';
import { countCampaigns, listCampaignSummaries } from '@/lib/campaigns';
import { titleCase } from '@/lib/format';
import { describeTally } from '@/lib/tally';
import { Button, Input } from '@/components/ui/controls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Campaigns' };

const PAGE_SIZE = 50;

export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const { q: rawQ, page: rawPage } = await searchParams;
  const q = rawQ?.trim().slice(0, 100) || undefined;
  let page = Math.min(Math.max(1, Number(rawPage) || 1), 100_000);
  let [campaigns, total] = await Promise.all([
    listCampaignSummaries({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, q }),
    countCampaigns(q),
  ]);
  // A page beyond the last shows the last.
  if (clampPage(page, total, PAGE_SIZE) !== page) {
    page = clampPage(page, total, PAGE_SIZE);
    campaigns = await listCampaignSummaries({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, q });
  }
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Campaigns</h1>
      <form method="get" className="flex gap-2" aria-label="Search campaigns">
        <label htmlFor="q" className="sr-only">
          Search campaigns
        </label>
        <Input id="q" name="q" type="search" defaultValue={q ?? ''} placeholder="Words in the title" />
        <Button type="submit">Search</Button>
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {total.toLocaleString('en-GB')} campaign{total === 1 ? '' : 's'}
        {pages > 1 ? ` · page ${page} of ${pages}` : ''}
      </p>
      {campaigns.length === 0 ? (
        <p className="rounded border border-dashed border-rule bg-white p-4 text-muted">No campaign matches.</p>
      ) : (
        <TableShell
          testId="campaigns-table"
          minWidth="sm:min-w-[560px]"
          // On a phone the kind, the reported tally and the thresholds give way (issue 24).
          tableClass="max-sm:[&_:is(td,th):nth-child(2)]:hidden max-sm:[&_:is(td,th):nth-child(4)]:hidden max-sm:[&_:is(td,th):nth-child(5)]:hidden"
          columns={['Campaign', 'Kind', 'Named', 'Reported', 'Thresholds reached']}
        >
          <TextRows
            rows={campaigns.map((c) => ({
              key: c.id,
              href: `/campaigns/${c.slug}`,
              cells: [
                c.title,
                `${titleCase(c.kind)}, ${titleCase(c.status).toLowerCase()}`,
                c.named.toLocaleString('en-GB'),
                c.latestTally ? describeTally(c.latestTally.count, c.latestTally.qualifier) : '—',
                `${c.thresholds.filter((t) => t.reached).length} of ${c.thresholds.length}`,
              ],
            }))}
          />
        </TableShell>
      )}
      <Pager page={page} pages={pages} href={href} />
    </div>
  );
}
