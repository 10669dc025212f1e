import { STAND_COLOUR } from '@/components/whip/stands';
import { RESULT_LABEL } from '@/lib/division-outcome';
import { findDivisionAt } from '@/lib/divisions';
import { formatDay } from '@/lib/format';
import { shareImage } from '@/lib/share-image';

export const dynamic = 'force-dynamic';

/**
 * GET /divisions/HOUSE/DAY/N/share.png — the card shown when a division (or its rebels) is shared (1200×630 PNG).
 * Pages name it with the data version in the query (lib/metadata.ts), which this ignores.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ house: string; date: string; number: string }> },
) {
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
