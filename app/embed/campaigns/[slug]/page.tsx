import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cumulativeChartData } from '@/components/campaign/over-time-section';
import { CumulativeChart } from '@/components/charts/lazy';
import { EmbedFrame, embedTheme } from '@/components/embed/embed-frame';
import { getCampaign } from '@/lib/campaigns';
import { formatDay, formatNumber, sentence } from '@/lib/format';
import { describeGap, describeTally } from '@/lib/tally';
import { isSlug } from '@/lib/validation';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const campaign = isSlug(slug) ? await getCampaign(slug) : null;
  return { title: campaign ? `${campaign.title} — the count` : 'Not found', robots: { index: false } };
}

// The count of a campaign for framing inside an article: numbers first (no JavaScript needed),
// then the chart. Framable by any site (next.config.js); cached like every public page.
export default async function CampaignEmbed({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const campaign = await getCampaign(slug);
  if (!campaign) notFound();
  const theme = embedTheme((await searchParams).theme);
  const tally = campaign.latestTally;
  const thresholds = campaign.thresholds.filter((t) => t.value !== null);
  const chart = cumulativeChartData(campaign);
  return (
    <EmbedFrame
      theme={theme}
      title={campaign.title}
      href={`/campaigns/${campaign.slug}`}
      source={tally?.source ?? campaign.source}
    >
      <dl className="grid grid-cols-2 gap-2">
        <div className="rounded bg-accent-soft p-2">
          <dt className="text-xs text-muted">Named, standing</dt>
          <dd className="text-3xl font-bold tabular-nums" data-testid="embed-named">
            {formatNumber(campaign.named)}
          </dd>
          <dd className="text-xs text-muted">{formatNumber(campaign.namedEligible)} counted towards thresholds</dd>
        </div>
        <div className="rounded border border-rule p-2">
          <dt className="text-xs text-muted">Latest reported</dt>
          <dd className="text-2xl font-bold tabular-nums">
            {tally ? describeTally(tally.count, tally.qualifier) : '—'}
          </dd>
          {tally && <dd className="text-xs text-muted">{formatDay(tally.asOf)}</dd>}
        </div>
      </dl>
      <p className="text-sm" data-testid="embed-gap">
        {sentence(describeGap(campaign.named, tally))}.
      </p>
      {thresholds.length > 0 && (
        <ul className="flex flex-col gap-2 text-sm" aria-label="Thresholds">
          {thresholds.map((t) => {
            const share = Math.min(1, campaign.namedEligible / t.value!);
            return (
              <li key={t.id}>
                <p className="flex justify-between gap-2">
                  <span>{t.label}</span>
                  <span className="tabular-nums">
                    {formatNumber(campaign.namedEligible)} of {formatNumber(t.value!)}
                  </span>
                </p>
                <div className="h-2 rounded bg-rule" aria-hidden="true">
                  <div className="h-2 rounded bg-accent" style={{ width: `${(share * 100).toFixed(1)}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {(campaign.series.length > 0 || campaign.tallies.length > 0) && (
        <figure aria-label="Named signatories over time">
          <CumulativeChart series={campaign.series} tallies={chart.tallyPoints} thresholds={chart.thresholdLines} />
        </figure>
      )}
    </EmbedFrame>
  );
}
