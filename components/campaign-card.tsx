import Link from 'next/link';
import type { CampaignSummary } from '@/lib/campaigns';
import { formatDay, titleCase } from '@/lib/format';
import { thresholdStanding } from '@/lib/projection';
import { describeGap, describeTally, guaranteedMinimum } from '@/lib/tally';
import { StatusBadge } from './badges';
import { ChartFigure } from './charts/chart-figure';
import { ThresholdChart } from './charts/lazy';
import { SourceLink } from './source-link';

/** One campaign at a glance: named against reported, and every threshold. */
export function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const tally = campaign.latestTally;
  const minimum = tally ? guaranteedMinimum(tally.count, tally.qualifier) : null;
  return (
    <article
      className="flex flex-col gap-4 rounded-lg border border-rule bg-white p-5 shadow-sm"
      aria-labelledby={`campaign-${campaign.slug}`}
    >
      <header className="flex flex-col gap-1">
        <p className="text-xs font-semibold uppercase tracking-wide text-muted">
          {titleCase(campaign.kind)} · {titleCase(campaign.status)}
          {campaign.body ? ` · ${campaign.body.name}` : ''}
        </p>
        <h2 id={`campaign-${campaign.slug}`} className="font-serif text-xl font-bold leading-snug">
          <Link href={`/campaigns/${campaign.slug}`} className="text-ink hover:underline">
            {campaign.title}
          </Link>
        </h2>
      </header>

      <dl className="grid grid-cols-2 gap-3">
        <div className="rounded bg-accent-soft p-3">
          <dt className="text-xs text-muted">Named signatories</dt>
          <dd className="text-3xl font-bold tabular-nums" data-testid="named-count">
            {campaign.named.toLocaleString('en-GB')}
          </dd>
        </div>
        <div className="rounded bg-paper p-3">
          <dt className="text-xs text-muted">Latest reported count</dt>
          <dd className="text-2xl font-bold tabular-nums" data-testid="reported-count">
            {tally ? describeTally(tally.count, tally.qualifier) : '—'}
          </dd>
          {tally && (
            <dd className="mt-1 text-xs text-muted">
              {tally.scope ? `${tally.scope}, ` : ''}as of {formatDay(tally.asOf)}
              <br />
              <SourceLink source={tally.source} />
            </dd>
          )}
        </div>
      </dl>
      <p className="text-sm" data-testid="gap">
        {describeGap(campaign.named, tally)}
      </p>

      <section aria-labelledby={`thresholds-${campaign.slug}`}>
        <h3 id={`thresholds-${campaign.slug}`} className="mb-2 text-sm font-semibold">
          Against the thresholds
        </h3>
        <ChartFigure
          id={`chart-${campaign.slug}`}
          title={`${campaign.title}: against the thresholds`}
          filename={`${campaign.slug}-count`}
          caption={`Named signatories counted towards thresholds (${campaign.namedEligible}) and the least the latest report guarantees${minimum !== null ? ` (${minimum})` : ''}; dashed lines are thresholds.`}
          table={
            <table className="text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
              <tbody>
                <tr>
                  <th className="pr-4 font-normal">Named, counted</th>
                  <td className="tabular-nums">{campaign.namedEligible}</td>
                </tr>
                <tr>
                  <th className="pr-4 font-normal">Reported (at least)</th>
                  <td className="tabular-nums">{minimum ?? '—'}</td>
                </tr>
                {campaign.thresholds.map((t) => (
                  <tr key={t.id}>
                    <th className="pr-4 font-normal">{t.label}</th>
                    <td className="tabular-nums">{t.value ?? 'size of body unknown'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <ThresholdChart
            named={campaign.namedEligible}
            reportedMinimum={minimum}
            thresholds={campaign.thresholds
              .filter((t) => t.value !== null)
              .map((t) => ({ label: t.label, value: t.value! }))}
          />
        </ChartFigure>
        {campaign.thresholds.length === 0 ? (
          <p className="text-sm text-muted">No thresholds recorded for this campaign yet.</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-1">
            {campaign.thresholds.map((t) => (
              <li key={t.id} className="text-sm" data-testid="threshold">
                <span className={t.reached ? 'text-ok' : ''}>
                  {t.reached ? '✓ ' : ''}
                  {t.label}
                </span>{' '}
                <span className="text-xs text-muted">({titleCase(t.purpose)})</span>{' '}
                <span className="tabular-nums">{thresholdStanding(campaign.namedEligible, t)}</span>{' '}
                <SourceLink source={t.source} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm" data-testid="procedure">
        <span className="font-semibold">Procedure: </span>
        {campaign.currentStage ? (
          <>
            stage {campaign.currentStage.position} of {campaign.stageCount}, {campaign.currentStage.name} —{' '}
            <StatusBadge value={campaign.currentStage.status} />{' '}
            {campaign.currentStage.scheduledOn
              ? formatDay(campaign.currentStage.scheduledOn)
              : (campaign.currentStage.scheduleNote ?? '')}
          </>
        ) : (
          <span className="text-muted">no stages recorded</span>
        )}
      </p>
      <footer className="mt-auto flex items-center justify-between gap-2 border-t border-rule pt-3">
        <SourceLink source={campaign.source} />
        <Link href={`/campaigns/${campaign.slug}`} className="text-sm font-semibold">
          Details<span className="sr-only">: {campaign.title}</span> →
        </Link>
      </footer>
    </article>
  );
}
