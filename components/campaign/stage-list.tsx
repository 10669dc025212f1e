import Link from 'next/link';
import { StatusBadge } from '@/components/badges';
import { SourceLink } from '@/components/source-link';
import { RESULT_LABEL } from '@/lib/division-outcome';
import { formatDay } from '@/lib/format';
import type { StageView } from '@/lib/stages';

/** The procedure as an ordered timeline of stages, with any votes held at them. */
export function StageList({ stages, campaignSlug }: { stages: StageView[]; campaignSlug: string }) {
  if (stages.length === 0)
    return <p className="text-sm text-muted">No procedure has been recorded for this campaign.</p>;
  return (
    <ol className="relative flex flex-col gap-4 border-l-2 border-rule pl-5">
      {stages.map((stage) => (
        <li key={stage.id} className="relative" data-testid="stage">
          <span
            className="absolute -left-[27px] top-1 flex h-4 w-4 items-center justify-center rounded-full border-2 border-accent bg-white text-[9px] font-bold"
            aria-hidden="true"
          >
            {stage.position}
          </span>
          <div className="flex flex-wrap items-baseline gap-2">
            <h3 className="font-semibold">
              <span className="sr-only">Stage {stage.position}: </span>
              {stage.name}
            </h3>
            <StatusBadge value={stage.status} />
          </div>
          <p className="text-sm">
            {stage.scheduledOn ? formatDay(stage.scheduledOn) : 'No date set'}
            {stage.scheduleNote ? <span className="text-muted"> — “{stage.scheduleNote}”</span> : null}
            {stage.bodyName ? <span className="text-muted"> · {stage.bodyName}</span> : null}
          </p>
          {stage.decisionRule && <p className="text-sm text-muted">Decision rule: {stage.decisionRule}</p>}
          <p className="text-sm">
            <Link href={`/campaigns/${campaignSlug}/stages/${stage.position}`}>Whip count and vote →</Link>
          </p>
          {stage.divisions.map((d) => (
            <div key={d.id} className="mt-2 rounded border border-rule bg-white p-3 text-sm">
              <p className="font-medium">
                Vote{d.heldOn ? ` on ${formatDay(d.heldOn)}` : ''}: {d.question}
              </p>
              <p className="tabular-nums">
                Ayes {d.ayes} · Noes {d.noes}
                {d.abstentions !== null ? ` · Abstentions ${d.abstentions}` : ''} (tellers apart) —{' '}
                <strong>{RESULT_LABEL[d.result]}</strong>
                {d.path ? (
                  <>
                    {' '}
                    · <Link href={d.path}>the division in full →</Link>
                  </>
                ) : null}
              </p>
              {d.mismatch && (
                <p role="alert" className="mt-1 rounded bg-red-50 p-2 text-red-900">
                  {d.mismatch}
                </p>
              )}
              <p className="text-xs text-muted">
                {d.countedFromBallots
                  ? `Counted from ${d.namedBallots} named ballots.`
                  : `Totals as reported; ${d.namedBallots} ballots named.`}{' '}
                <SourceLink source={d.source} />
              </p>
            </div>
          ))}
          <SourceLink source={stage.source} />
        </li>
      ))}
    </ol>
  );
}
