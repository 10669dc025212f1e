import { getCampaign } from '@/lib/campaigns';
import { formatDay, formatNumber, titleCase, sentence } from '@/lib/format';
import { SHARE_IMAGE_SIZE, shareImage } from '@/lib/share-image';
import { describeGap, describeTally } from '@/lib/tally';
import { isSlug } from '@/lib/validation';

export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';
export const alt = 'The count of named signatories against its thresholds';
export const dynamic = 'force-dynamic';

// The card shown when a campaign's page is shared: the count, the latest reported tally, the thresholds.
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
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
        ...(threshold
          ? [
              `${formatNumber(campaign.namedEligible)} of ${formatNumber(threshold.value!)} counted towards “${threshold.label}”.`,
            ]
          : []),
      ],
      footer: `As of ${formatDay(new Date())}`,
    };
  });
}
