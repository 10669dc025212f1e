import { getCampaign } from '@/lib/campaigns';
import { formatDay, formatNumber, titleCase, sentence } from '@/lib/format';
import { shareImage } from '@/lib/share-image';
import { thresholdStanding } from '@/lib/projection';
import { describeGap, describeTally } from '@/lib/tally';
import { isSlug } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/**
 * GET /campaigns/SLUG/share.png — the card shown when a campaign's page is shared (1200×630 PNG).
 * Pages name it with the data version in the query (lib/metadata.ts), which this ignores.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return shareImage(`campaign:${slug}`, async () => {
    const campaign = isSlug(slug) ? await getCampaign(slug) : null;
    if (!campaign) return null;
    const tally = campaign.latestTally;
    const threshold =
      campaign.thresholds.find((t) => t.value !== null && campaign.namedEligible < t.value) ??
      campaign.thresholds.find((t) => t.value !== null);
    return {
      kicker: `${titleCase(campaign.kind)} · ${titleCase(campaign.status)}${campaign.body ? ` · ${campaign.body.name}` : ''}`,
      title: campaign.title,
      figures: [
        { value: formatNumber(campaign.named), label: 'named, standing' },
        ...(tally
          ? [
              {
                value: describeTally(tally.count, tally.qualifier),
                label: `reported ${formatDay(tally.asOf)}`,
                colour: '#15202b',
              },
            ]
          : []),
      ],
      lines: [
        `${sentence(describeGap(campaign.named, tally))}.`,
        ...(threshold ? [`${threshold.label}: ${thresholdStanding(campaign.namedEligible, threshold)}.`] : []),
      ],
      footer: `As of ${formatDay(new Date())}`,
    };
  });
}
