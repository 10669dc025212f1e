import { ConfidenceBadge } from '@/components/badges';
import { ThresholdProgressList } from '@/components/campaign/threshold-progress';
import { Section } from '@/components/section';
import { SourceLink } from '@/components/source-link';
import type { CampaignDetail } from '@/lib/campaigns';
import { formatDay } from '@/lib/format';
import { describeGap, describeTally } from '@/lib/tally';

/** The count: named and standing against the latest reported tally, the gap, by confidence, and each threshold. */
export function CountSection({ campaign }: { campaign: CampaignDetail }) {
  const tally = campaign.latestTally;
  return (
    <Section id="count" title="The count">
      <div className="grid gap-4 lg:grid-cols-[1fr_1.2fr]">
        <div className="flex flex-col gap-3">
          <dl className="grid grid-cols-2 gap-3">
            <div className="rounded bg-accent-soft p-3">
              <dt className="text-xs text-muted">Named, standing</dt>
              <dd className="text-3xl font-bold tabular-nums" data-testid="named-count">
                {campaign.named}
              </dd>
              <dd className="text-xs text-muted">{campaign.namedEligible} counted towards thresholds</dd>
            </div>
            <div className="rounded bg-paper p-3">
              <dt className="text-xs text-muted">Latest reported</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid="reported-count">
                {tally ? describeTally(tally.count, tally.qualifier) : '—'}
              </dd>
              {tally && (
                <dd className="text-xs text-muted">
                  {tally.scope ? `${tally.scope}, ` : ''}
                  {formatDay(tally.asOf)} <SourceLink source={tally.source} />
                </dd>
              )}
            </div>
          </dl>
          <p data-testid="gap">{describeGap(campaign.named, tally)}.</p>
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Named signatories by confidence">
            {campaign.byConfidence.map((c) => (
              <li key={c.confidence} className="flex items-center gap-1">
                <ConfidenceBadge value={c.confidence} /> <span className="tabular-nums">{c.count}</span>
              </li>
            ))}
            {campaign.withdrawn > 0 && (
              <li className="text-muted" data-testid="withdrawn-count">
                {campaign.withdrawn} withdrawn (not counted)
              </li>
            )}
          </ul>
        </div>
        <ThresholdProgressList thresholds={campaign.thresholds} namedEligible={campaign.namedEligible} />
      </div>
    </Section>
  );
}
