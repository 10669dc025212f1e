import { STAND_COLOUR } from '@/components/whip/stands';
import { STAND_LABEL } from '@/lib/decision-rule';
import { RESULT_LABEL } from '@/lib/division-outcome';
import { formatDay } from '@/lib/format';
import { shareImage } from '@/lib/share-image';
import { isSlug, stagePosition } from '@/lib/validation';
import { getWhipCount, STANDS } from '@/lib/whip-count';

export const dynamic = 'force-dynamic';

/**
 * GET /campaigns/SLUG/stages/N/share.png — the card shown when a whip count is shared (1200×630 PNG).
 * Pages name it with the data version in the query (lib/metadata.ts), which this ignores.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; position: string }> }) {
  const { slug, position } = await params;
  return shareImage(`whip:${slug}:${position}`, async () => {
    const n = stagePosition(position);
    const count = isSlug(slug) && n !== null ? await getWhipCount(slug, n) : null;
    if (!count) return null;
    const { counts, division } = count;
    // After the vote, the card leads with the result, as the page does.
    if (division)
      return {
        kicker: `The vote · ${count.campaign.title}`,
        title: division.question,
        figures: [
          { value: String(division.ayes), label: 'ayes', colour: STAND_COLOUR.FOR },
          { value: String(division.noes), label: 'noes', colour: STAND_COLOUR.AGAINST },
          { value: RESULT_LABEL[division.result], label: 'result', colour: '#5b6775' },
        ],
        lines: [
          `Tellers apart. ${division.rebels} voted against their own party.`,
          `The count before the vote: ${division.held} placements held, ${division.switched} switched.`,
        ],
        footer: `${division.heldOn ? formatDay(division.heldOn) : 'Undated'} · ${count.stage.name}`,
      };
    return {
      kicker: `Whip count · ${count.campaign.title}`,
      title: count.stage.name,
      figures: [
        { value: String(counts.FOR + counts.LEANING_FOR), label: 'for or leaning for', colour: STAND_COLOUR.FOR },
        {
          value: String(counts.AGAINST + counts.LEANING_AGAINST),
          label: 'against or leaning',
          colour: STAND_COLOUR.AGAINST,
        },
        { value: String(counts.UNDECIDED + counts.UNKNOWN), label: 'undecided or not known', colour: '#5b6775' },
      ],
      bar: count.members
        ? STANDS.filter((s) => counts[s] > 0).map((s) => ({
            share: counts[s] / count.members,
            colour: STAND_COLOUR[s],
          }))
        : [],
      lines: [
        `${count.members} members may vote. What it needs: ${count.ruleText}`,
        count.outlookText,
        ...(counts.WILL_NOT_VOTE ? [`${counts.WILL_NOT_VOTE} ${STAND_LABEL.WILL_NOT_VOTE.toLowerCase()}.`] : []),
      ],
      footer: `As of ${formatDay(new Date())}`,
    };
  });
}
