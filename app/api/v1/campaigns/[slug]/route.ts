import { campaignDetailJson, campaignNotFound, JSON_HEADERS } from '@/lib/api';
import { getCampaign } from '@/lib/campaigns';
import { errorResponse } from '@/lib/http';
import { listStages } from '@/lib/stages';
import { isSlug } from '@/lib/validation';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const notFound = campaignNotFound(slug);
  if (!isSlug(slug)) return notFound;
  try {
    const campaign = await getCampaign(slug);
    if (!campaign) return notFound;
    return Response.json(
      { data: campaignDetailJson(campaign, await listStages(campaign.id)) },
      { headers: JSON_HEADERS },
    );
  } catch (error) {
    return errorResponse(error, 'api campaign');
  }
}
