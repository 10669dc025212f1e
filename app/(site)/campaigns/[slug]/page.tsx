import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SignatoryTable } from '@/components/campaign/signatory-table';
import { StageList } from '@/components/campaign/stage-list';
import { DownloadLinks } from '@/components/download-links';
import { BreakdownSection } from '@/components/campaign/breakdown-section';
import { CountSection } from '@/components/campaign/count-section';
import { OverTimeSection } from '@/components/campaign/over-time-section';
import { Section } from '@/components/section';
import { SourceLink } from '@/components/source-link';
import { StatementList } from '@/components/statement-list';
import { SharePanel } from '@/components/share-panel';
import { getCampaign } from '@/lib/campaigns';
import { formatDay, titleCase, sentence } from '@/lib/format';
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
import { describeGap } from '@/lib/tally';
import { clampPage, isSlug } from '@/lib/validation';
import { shareImageMeta } from '@/lib/share-image';

export const dynamic = 'force-dynamic';

const SIGNATORIES_PER_PAGE = 50;

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
    image: await shareImageMeta('campaign'),
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

      <CountSection campaign={campaign} />

      <OverTimeSection campaign={campaign} />

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
        <BreakdownSection slug={campaign.slug} campaignTitle={campaign.title} breakdown={breakdown} />

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
