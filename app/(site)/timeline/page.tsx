import type { Metadata } from 'next';
import Link from 'next/link';
import { TimelineList } from '@/components/timeline-list';
import { listCampaignNames } from '@/lib/campaigns';
import { listEvents } from '@/lib/timeline';
import { isSlug } from '@/lib/validation';
import { Button, Select } from '@/components/ui/controls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Timeline' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const slugParam = (v: string | string[] | undefined) => {
  const value = Array.isArray(v) ? v[0] : v;
  return value && isSlug(value) ? value : undefined;
};

export default async function TimelinePage({ searchParams }: Props) {
  const raw = await searchParams;
  const filter = { campaign: slugParam(raw.campaign), person: slugParam(raw.person) };
  const [events, campaigns] = await Promise.all([listEvents(filter), listCampaignNames()]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Timeline</h1>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-rule bg-white p-3 text-sm"
        aria-label="Filter the timeline"
      >
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">Campaign</span>
          <Select name="campaign" defaultValue={filter.campaign ?? ''} className="max-w-xs">
            <option value="">All</option>
            {campaigns.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.title}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">Person (slug)</span>
          <input
            name="person"
            defaultValue={filter.person ?? ''}
            className="rounded border border-rule px-2 py-1.5"
            placeholder="e.g. keith-vaz"
          />
        </label>
        <Button type="submit">Filter</Button>
        {(filter.campaign || filter.person) && <Link href="/timeline">Clear</Link>}
      </form>
      <TimelineList events={events} />
    </div>
  );
}
