import { STAND_COLOUR } from '@/components/whip/stands';
import { RESULT_LABEL } from '@/lib/division-outcome';
import { findDivisionAt } from '@/lib/divisions';
import { formatDay } from '@/lib/format';
import { SHARE_IMAGE_SIZE, shareImage } from '@/lib/share-image';

export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';
export const alt = 'A division: the result, ayes and noes, and the rebels';
export const dynamic = 'force-dynamic';

// The card shown when a division is shared: the result first, as the page leads with it.
export default async function Image({ params }: { params: Promise<{ house: string; date: string; number: string }> }) {
  const { house, date, number } = await params;
  return shareImage(`division:${house}:${date}:${number}`, async () => {
    const d = await findDivisionAt(house, date, number);
    if (!d) return null;
    const cast = d.totals.ayes + d.totals.noes;
    return {
      kicker: `${d.house === 'LORDS' ? 'House of Lords' : 'House of Commons'} · Division ${d.number}`,
      title: d.question,
      figures: [
        { value: String(d.totals.ayes), label: 'ayes', colour: STAND_COLOUR.FOR },
        { value: String(d.totals.noes), label: 'noes', colour: STAND_COLOUR.AGAINST },
        { value: RESULT_LABEL[d.result], label: `majority ${Math.abs(d.margin)}`, colour: '#5b6775' },
      ],
      bar: cast
        ? [
            { share: d.totals.ayes / cast, colour: STAND_COLOUR.FOR },
            { share: d.totals.noes / cast, colour: STAND_COLOUR.AGAINST },
          ]
        : [],
      lines: [
        `Tellers apart. ${d.rebels.length} voted against their own party.`,
        ...(d.turnout !== null ? [`Turnout ${(d.turnout * 100).toFixed(1)}% of those who could vote.`] : []),
      ],
      footer: `${d.heldOn ? formatDay(d.heldOn) : 'Undated'} · source: ${d.source.publisher}`,
    };
  });
}
