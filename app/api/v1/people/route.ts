import { JSON_HEADERS, paged, pagination } from '@/lib/api';
import { errorResponse } from '@/lib/http';
import { listPeople, peopleQuerySchema } from '@/lib/people';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  try {
    const search = new URL(request.url).searchParams;
    const page = pagination(search);
    const query = peopleQuerySchema.parse({ ...Object.fromEntries(search), page: page.page });
    const { people, total } = await listPeople(query, page.perPage);
    const data = people.map((p) => ({
      slug: p.slug,
      name: p.name,
      honorific: p.honorific,
      house: p.house,
      party: p.party,
      constituency: p.constituency,
      signatures: p.signatures,
      statements: p.statements,
      leftOn: p.leftOn,
    }));
    return Response.json(paged(data, page, total), { headers: JSON_HEADERS });
  } catch (error) {
    return errorResponse(error, 'api people');
  }
}
