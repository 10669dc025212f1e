import { SourceLink } from '@/components/source-link';
import type { ThresholdProgress } from '@/lib/campaigns';
import { formatDay, titleCase } from '@/lib/format';
import { thresholdStanding } from '@/lib/projection';

function projectionText(t: ThresholdProgress): string {
  const p = t.projection;
  if (!p) return '';
  if (p.kind === 'crossed') return `Named signatories reached it on ${formatDay(p.day)}.`;
  if (p.kind === 'projected')
    return `At the current pace (${p.basis}), named signatories would reach it around ${formatDay(p.day)}.`;
  return `No projection: ${p.reason}.`;
}

/** Each threshold: its value, how far the named count has got, and when it was or may be crossed. */
export function ThresholdProgressList({
  thresholds,
  namedEligible,
}: {
  thresholds: ThresholdProgress[];
  namedEligible: number;
}) {
  if (thresholds.length === 0)
    return <p className="text-sm text-muted">No thresholds recorded for this campaign yet.</p>;
  return (
    <ul className="flex flex-col gap-4">
      {thresholds.map((t) => (
        <li key={t.id} data-testid="threshold">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-medium">
              {t.label} <span className="text-xs font-normal text-muted">{titleCase(t.purpose)}</span>
            </p>
            <p className="tabular-nums text-sm">{thresholdStanding(namedEligible, t)}</p>
          </div>
          <ul className="mt-1 list-disc pl-5 text-sm text-muted">
            {t.reportedPassedOn && <li>Reported as passed by {formatDay(t.reportedPassedOn)}.</li>}
            <li data-testid="projection">{projectionText(t)}</li>
          </ul>
          <SourceLink source={t.source} />
        </li>
      ))}
    </ul>
  );
}
