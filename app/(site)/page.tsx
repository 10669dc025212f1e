import Link from 'next/link';
import { CampaignCard } from '@/components/campaign-card';
import { DownloadLinks } from '@/components/download-links';
import { PollComparison } from '@/components/poll-comparison';
import { Section } from '@/components/section';
import { TimelineList } from '@/components/timeline-list';
import { countCampaigns, listCampaignSummaries } from '@/lib/campaigns';
import { listPolls } from '@/lib/polls';
import { listEvents } from '@/lib/timeline';

export const dynamic = 'force-dynamic';

/** The newest campaigns get a card; the rest are a click away on /campaigns. */
const OVERVIEW_CAMPAIGNS = 6;
/** The lowest ratings of each role; the rest are on /polls. */
const OVERVIEW_POLLS_PER_ROLE = 8;

export default async function OverviewPage() {
  const [campaigns, total, polls, events] = await Promise.all([
    listCampaignSummaries({ limit: OVERVIEW_CAMPAIGNS, offset: 0 }),
    countCampaigns(),
    listPolls(),
    listEvents({ limit: 5 }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <section>
        <h1 className="font-serif text-3xl font-bold">State of play</h1>
        <p className="mt-1 max-w-3xl text-muted">
          Named signatories against the latest reported counts and the thresholds that matter. Reported counts often run
          ahead of the names: the gap is shown for each campaign.
        </p>
      </section>
      <p className="no-print -mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <DownloadLinks name="signatures" label="All signatures" />
        <DownloadLinks name="tallies" label="Reported tallies" />
        <DownloadLinks name="thresholds" label="Thresholds" />
        <a
          href="/api/export/everything.zip"
          download
          title="Every table of the data set as CSV, with ids and a manifest"
        >
          Everything (ZIP of CSVs)
        </a>
        {/* JSON, not a page: a plain link (client navigation would fetch it as a route). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/api/v1/campaigns">JSON API</a>
      </p>
      {campaigns.length === 0 ? (
        <p className="rounded border border-dashed border-rule bg-white p-6 text-muted">
          No campaigns yet. Editors can add one from the admin pages.
        </p>
      ) : (
        <div className="grid gap-5 md:grid-cols-2">
          {campaigns.map((campaign) => (
            <CampaignCard key={campaign.id} campaign={campaign} />
          ))}
        </div>
      )}
      {total > campaigns.length && (
        <p>
          <Link href="/campaigns" className="font-semibold">
            All {total.toLocaleString('en-GB')} campaigns →
          </Link>
        </p>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        <Section
          id="polls"
          title="Satisfaction ratings"
          aside={
            <Link href="/polls" className="text-sm">
              All polls →
            </Link>
          }
        >
          <PollComparison polls={polls} id="overview-polls" perRole={OVERVIEW_POLLS_PER_ROLE} />
        </Section>
        <Section
          id="latest"
          title="Latest events"
          aside={
            <Link href="/timeline" className="text-sm">
              Full timeline →
            </Link>
          }
        >
          <TimelineList events={events} />
        </Section>
      </div>
    </div>
  );
}
