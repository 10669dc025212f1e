import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OverlapList } from '@/components/campaign/overlap-list';
import { getCampaign } from '@/lib/campaigns';
import { campaignOverlaps } from '@/lib/signatures';
import { isSlug } from '@/lib/validation';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const campaign = isSlug(slug) ? await getCampaign(slug) : null;
  return { title: campaign ? `Overlap: ${campaign.title}` : 'Campaign not found' };
}

// Its own page: comparing one campaign's signatories with every other campaign's is the
// heaviest query the dashboard has, and most readers of a campaign page do not need it.
export default async function OverlapPage({ params }: Props) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const campaign = await getCampaign(slug);
  if (!campaign) notFound();
  const overlaps = await campaignOverlaps(campaign.id, { neitherLimit: 200 });
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/campaigns/${campaign.slug}`}>{campaign.title}</Link>
      </nav>
      <h1 className="font-serif text-3xl font-bold">Overlap with other campaigns</h1>
      <OverlapList overlaps={overlaps} />
    </div>
  );
}
