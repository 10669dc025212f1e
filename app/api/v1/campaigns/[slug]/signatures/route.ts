import { campaignNotFound, JSON_HEADERS, paged, pagination, signatureJson } from '@/lib/api';
import { getCampaign } from '@/lib/campaigns';
import { errorResponse } from '@/lib/http';
import { countSignatures, listSignatures, signatureQuerySchema } from '@/lib/signatures';
import { isSlug } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/** The campaign's signatories, with the same filters as its page (q, house, party, confidence, status, sort, dir). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const notFound = campaignNotFound(slug);
  if (!isSlug(slug)) return notFound;
  try {
    const search = new URL(request.url).searchParams;
    const campaign = await getCampaign(slug);
    if (!campaign) return notFound;
    const query = signatureQuerySchema.parse(Object.fromEntries(search));
    const page = pagination(search);
    const [rows, total] = await Promise.all([
      listSignatures(campaign.id, query, page.perPage, page.offset),
      countSignatures(campaign.id, query),
    ]);
    return Response.json(paged(rows.map(signatureJson), page, total), { headers: JSON_HEADERS });
  } catch (error) {
    return errorResponse(error, 'api signatures');
  }
}
