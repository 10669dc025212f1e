import { STAND_COLOUR } from '@/components/whip/stands';
import { STAND_LABEL, type StandCounts, STANDS } from '@/lib/decision-rule';

/**
 * How many members stand where, one box a position with its colour: the whip-count page's
 * headline and, smaller, its embed.
 */
export function StandCountGrid({
  counts,
  testId,
  compact = false,
}: {
  counts: StandCounts;
  testId: string;
  compact?: boolean;
}) {
  return (
    <dl
      className={
        compact ? 'grid grid-cols-4 gap-1 sm:grid-cols-7' : 'grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-7'
      }
      data-testid={testId}
    >
      {STANDS.map((s) => (
        <div
          key={s}
          className={`rounded border border-rule ${compact ? 'p-1' : 'p-2'}`}
          style={{ borderLeft: `${compact ? 5 : 6}px solid ${STAND_COLOUR[s]}` }}
        >
          <dt className={compact ? 'text-[0.7rem] leading-tight text-muted' : 'text-xs text-muted'}>
            {STAND_LABEL[s]}
          </dt>
          <dd className={`font-bold tabular-nums ${compact ? 'text-lg' : 'text-xl sm:text-2xl'}`}>{counts[s]}</dd>
        </div>
      ))}
    </dl>
  );
}
