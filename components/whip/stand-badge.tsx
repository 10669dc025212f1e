import { STAND_LABEL, type StandOrUnknown } from '@/lib/decision-rule';
import { STAND_COLOUR } from './stands';

/** A position as a coloured dot and its name. */
export function StandBadge({ stand }: { stand: StandOrUnknown | null }) {
  const key = stand ?? 'UNKNOWN';
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <span
        aria-hidden="true"
        className="inline-block h-2.5 w-2.5 rounded-full"
        style={{ background: STAND_COLOUR[key] }}
      />
      {STAND_LABEL[key]}
    </span>
  );
}
