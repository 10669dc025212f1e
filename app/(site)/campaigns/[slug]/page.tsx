import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfidenceBadge } from '@/components/badges';
import { SignatoryTable } from '@/components/campaign/signatory-table';
import { StageList } from '@/components/campaign/stage-list';
import { ThresholdProgressList } from '@/components/campaign/threshold-progress';
import { DownloadLinks } from '@/components/download-links';
import { ChartFigure } from '@/components/charts/chart-figure';
import { BreakdownChart, CumulativeChart } from '@/components/charts/lazy';
import { Section } from '@/components/section';
import { SourceLink } from '@/components/source-link';
import { StatementList } from '@/components/statement-list';
import { SharePanel } from '@/components/share-panel';
import { getCampaign } from '@/lib/campaigns';
import { formatDay, isoDay, titleCase, sentence } from '@/lib/format';
import { pageMetadata } from '@/lib/metadata';
import { listStatements } from '@/lib/people';
import {
  countSignatures,
  listSignatures,
  signatoryParties,
  signatureBreakdown,
  signatureQuerySchema,
} from '@/lib/signatures';
import { listStages } from '@/lib/stages';
import { describeGap, describeTally, guaranteedMinimum } from '@/lib/tally';
import { clampPage, isSlug } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const SIGNATORIES_PER_PAGE = 100;

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const campaign = isSlug(slug) ? await getCampaign(slug) : null;
  if (!campaign) return { title: 'Campaign not found' };
  return pageMetadata({
    title: campaign.title,
    description: `${campaign.named} named, standing. ${sentence(describeGap(campaign.named, campaign.latestTally))}.`,
    path: `/campaigns/${campaign.slug}`,
    feedPath: `/campaigns/${campaign.slug}/feed.xml`,
  });
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function CampaignPage({ params, searchParams }: Props) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const campaign = await getCampaign(slug);
  if (!campaign) notFound();

  const raw = await searchParams;
  const query = signatureQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  let [rows, matching, parties, breakdown, stages, statements] = await Promise.all([
    listSignatures(campaign.id, query, SIGNATORIES_PER_PAGE, (query.page - 1) * SIGNATORIES_PER_PAGE),
    countSignatures(campaign.id, query),
    signatoryParties(campaign.id),
    signatureBreakdown(campaign.id),
    listStages(campaign.id),
    listStatements({ campaignSlug: campaign.slug }),
  ]);
  // A page beyond the last shows the last (rare: asked only then).
  const lastPage = clampPage(query.page, matching, SIGNATORIES_PER_PAGE);
  if (lastPage !== query.page) {
    query.page = lastPage;
    rows = await listSignatures(campaign.id, query, SIGNATORIES_PER_PAGE, (query.page - 1) * SIGNATORIES_PER_PAGE);
  }
  const tally = campaign.latestTally;
  const thresholdLines = campaign.thresholds
    .filter((t) => t.value !== null)
    .map((t) => ({ label: t.label, value: t.value! }));
  const tallyPoints = campaign.tallies.map((t) => ({
    day: isoDay(t.asOf)!,
    minimum: guaranteedMinimum(t.count, t.qualifier) ?? t.count,
    label: describeTally(t.count, t.qualifier),
  }));
  const totalSigned = campaign.named + campaign.withdrawn;

  return (
    <article className="flex flex-col gap-5">
      <header className="flex flex-col gap-2">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/">Overview</Link> <span aria-hidden="true">›</span>{' '}
          <span className="text-muted">{titleCase(campaign.kind)}</span>
        </nav>
        <p className="text-xs font-semibold uppercase tracking-wide text-muted">
          {titleCase(campaign.kind)} · {titleCase(campaign.status)}
          {campaign.body ? ` · ${campaign.body.name}` : ''}
          {campaign.openedOn ? ` · opened ${formatDay(campaign.openedOn)}` : ''}
        </p>
        <h1 className="font-serif text-3xl font-bold leading-tight">{campaign.title}</h1>
        {campaign.summary && <p className="max-w-3xl">{campaign.summary}</p>}
        <p className="text-sm text-muted">
          {campaign.leadSponsor && (
            <>
              Led by <Link href={`/people/${campaign.leadSponsor.slug}`}>{campaign.leadSponsor.name}</Link>.{' '}
            </>
          )}
          Open to:{' '}
          {campaign.eligibleHouses
            .map((h) => (h === 'COMMONS' ? 'MPs' : h === 'LORDS' ? 'peers' : 'others'))
            .join(' and ')}
          {campaign.eligibleParties.length ? ` (${campaign.eligibleParties.join(', ')})` : ''}.{' '}
          <SourceLink source={campaign.source} />
        </p>
        <p className="text-sm">
          <a href="#share">Embed, cite or follow this count</a>
        </p>
      </header>

      <Section id="count" title="The count">
        <div className="grid gap-4 lg:grid-cols-[1fr_1.2fr]">
          <div className="flex flex-col gap-3">
            <dl className="grid grid-cols-2 gap-3">
              <div className="rounded bg-accent-soft p-3">
                <dt className="text-xs text-muted">Named, standing</dt>
                <dd className="text-3xl font-bold tabular-nums" data-testid="named-count">
                  {campaign.named}
                </dd>
                <dd className="text-xs text-muted">{campaign.namedEligible} counted towards thresholds</dd>
              </div>
              <div className="rounded bg-paper p-3">
                <dt className="text-xs text-muted">Latest reported</dt>
                <dd className="text-2xl font-bold tabular-nums" data-testid="reported-count">
                  {tally ? describeTally(tally.count, tally.qualifier) : '—'}
                </dd>
                {tally && (
                  <dd className="text-xs text-muted">
                    {tally.scope ? `${tally.scope}, ` : ''}
                    {formatDay(tally.asOf)} <SourceLink source={tally.source} />
                  </dd>
                )}
              </div>
            </dl>
            <p data-testid="gap">{describeGap(campaign.named, tally)}.</p>
            <ul className="flex flex-wrap gap-2 text-sm" aria-label="Named signatories by confidence">
              {campaign.byConfidence.map((c) => (
                <li key={c.confidence} className="flex items-center gap-1">
                  <ConfidenceBadge value={c.confidence} /> <span className="tabular-nums">{c.count}</span>
                </li>
              ))}
              {campaign.withdrawn > 0 && (
                <li className="text-muted" data-testid="withdrawn-count">
                  {campaign.withdrawn} withdrawn (not counted)
                </li>
              )}
            </ul>
          </div>
          <ThresholdProgressList thresholds={campaign.thresholds} namedEligible={campaign.namedEligible} />
        </div>
      </Section>

      <Section id="over-time" title="Over time">
        {campaign.series.length === 0 && tallyPoints.length === 0 ? (
          <p className="text-sm text-muted">Nothing dated to chart yet.</p>
        ) : (
          <ChartFigure
            id="chart-over-time"
            filename={`${campaign.slug}-over-time`}
            caption={
              <>
                Named signatories counted towards thresholds, by the day each was signed (or, where no date is known,
                the day its source reported it); reported tallies as the smallest number each guarantees; thresholds as
                dashed lines.
              </>
            }
            table={
              <table className="text-left text-sm">
                <thead>
                  <tr>
                    <th className="pr-4">Day</th>
                    <th className="pr-4">Named (running total)</th>
                  </tr>
                </thead>
                <tbody>
                  {campaign.series.map((p) => (
                    <tr key={p.day}>
                      <td className="pr-4">{formatDay(p.day)}</td>
                      <td className="pr-4 tabular-nums">{p.total}</td>
                    </tr>
                  ))}
                  {tallyPoints.map((p) => (
                    <tr key={`t-${p.day}-${p.label}`}>
                      <td className="pr-4">{formatDay(p.day)}</td>
                      <td className="pr-4">Reported: {p.label}</td>
                    </tr>
                  ))}
                  {thresholdLines.map((t) => (
                    <tr key={`th-${t.label}`}>
                      <td className="pr-4">Threshold</td>
                      <td className="pr-4">
                        {t.label}: {t.value}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          >
            <CumulativeChart series={campaign.series} tallies={tallyPoints} thresholds={thresholdLines} />
          </ChartFigure>
        )}
      </Section>

      <Section
        id="signatories"
        title="Signatories"
        aside={
          <DownloadLinks
            name="signatures"
            label="Download these signatories"
            params={{
              campaign: campaign.slug,
              q: query.q,
              house: query.house,
              party: query.party,
              confidence: query.confidence,
              status: query.status,
              sort: query.sort,
              dir: query.dir,
            }}
          />
        }
      >
        <SignatoryTable
          rows={rows}
          query={query}
          parties={parties}
          total={totalSigned}
          matching={matching}
          perPage={SIGNATORIES_PER_PAGE}
        />
      </Section>

      <div className="grid gap-5 lg:grid-cols-2">
        <Section id="breakdown" title="By house and party">
          {breakdown.length === 0 ? (
            <p className="text-sm text-muted">No named signatories yet.</p>
          ) : (
            <ChartFigure
              id="chart-breakdown"
              filename={`${campaign.slug}-by-party`}
              caption="Standing named signatories by party, split by house."
              table={
                <table className="text-left text-sm">
                  <thead>
                    <tr>
                      <th className="pr-4">House</th>
                      <th className="pr-4">Party</th>
                      <th>Signatories</th>
                    </tr>
                  </thead>
                  <tbody>
                    {breakdown.map((b) => (
                      <tr key={`${b.house}-${b.party}`}>
                        <td className="pr-4">{titleCase(b.house)}</td>
                        <td className="pr-4">{b.party}</td>
                        <td className="tabular-nums">{b.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <BreakdownChart rows={breakdown} />
            </ChartFigure>
          )}
        </Section>

        <Section id="procedure" title="Procedure" aside={<DownloadLinks name="stages" label="All stages" />}>
          <StageList stages={stages} campaignSlug={campaign.slug} />
        </Section>
      </div>

      <Section id="overlap" title="Overlap with other campaigns">
        <p className="text-sm">
          Who signed this and another campaign, and who was eligible for both but is named on neither:{' '}
          <Link href={`/campaigns/${campaign.slug}/overlap`} className="font-semibold">
            compare with other campaigns →
          </Link>
        </p>
      </Section>

      <Section id="statements" title="What people have said">
        <StatementList statements={statements} empty="No statements recorded about this campaign." />
      </Section>

      <Section id="share" title="Embed, cite, follow">
        <SharePanel
          title={campaign.title}
          path={`/campaigns/${campaign.slug}`}
          embedPath={`/embed/campaigns/${campaign.slug}`}
          feedPath={`/campaigns/${campaign.slug}/feed.xml`}
        />
      </Section>
    </article>
  );
}
