import { campaignJson, JSON_HEADERS, paged, pagination } from '@/lib/api';
import { countCampaigns, listCampaignSummaries } from '@/lib/campaigns';
import { errorResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    const page = pagination(new URL(request.url).searchParams);
    const [campaigns, total] = await Promise.all([
      listCampaignSummaries({ limit: page.perPage, offset: page.offset }),
      countCampaigns(),
    ]);
    return Response.json(paged(campaigns.map(campaignJson), page, total), { headers: JSON_HEADERS });
  } catch (error) {
    return errorResponse(error, 'api campaigns');
  }
}
