import Link from 'next/link';
import type { CampaignSummary } from '@/lib/campaigns';
import { formatDay, titleCase } from '@/lib/format';
import { describeGap, describeTally } from '@/lib/tally';
import { SourceLink } from './source-link';

/** One campaign at a glance: named against reported, and every threshold. */
export function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const tally = campaign.latestTally;
  return (
    <article className="flex flex-col gap-4 rounded-lg border border-rule bg-white p-5 shadow-sm" aria-labelledby={`campaign-${campaign.slug}`}>
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
          <dd className="text-3xl font-bold tabular-nums" data-testid="reported-count">
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

      <section aria-label="Thresholds">
        <h3 className="mb-2 text-sm font-semibold">Thresholds</h3>
        {campaign.thresholds.length === 0 ? (
          <p className="text-sm text-muted">No thresholds recorded for this campaign yet.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {campaign.thresholds.map((t) => {
              const share = t.value ? Math.min(100, (campaign.namedEligible / t.value) * 100) : 0;
              return (
                <li key={t.id} className="text-sm" data-testid="threshold">
                  <div className="flex items-baseline justify-between gap-2">
                    <span>
                      {t.label} <span className="text-xs text-muted">({titleCase(t.purpose)})</span>
                    </span>
                    <span className="tabular-nums">
                      {t.value === null
                        ? `${t.sharePercent}% of ${t.bodyName}: size unknown`
                        : `${campaign.namedEligible.toLocaleString('en-GB')} / ${t.value.toLocaleString('en-GB')} named`}
                    </span>
                  </div>
                  <div
                    className="mt-1 h-2 w-full overflow-hidden rounded bg-rule"
                    role="meter"
                    aria-label={`Named signatories towards ${t.label}`}
                    aria-valuemin={0}
                    aria-valuemax={t.value ?? 0}
                    aria-valuenow={campaign.namedEligible}
                  >
                    <div className={`h-full ${t.reached ? 'bg-ok' : 'bg-accent'}`} style={{ width: `${share}%` }} />
                  </div>
                  <SourceLink source={t.source} />
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <footer className="mt-auto flex items-center justify-between gap-2 border-t border-rule pt-3">
        <SourceLink source={campaign.source} />
        <Link href={`/campaigns/${campaign.slug}`} className="text-sm font-semibold">
          Details<span className="sr-only">: {campaign.title}</span> →
        </Link>
      </footer>
    </article>
  );
}
