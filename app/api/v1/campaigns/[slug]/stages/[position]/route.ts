import { JSON_HEADERS, whipCountJson } from '@/lib/api';
import { errorResponse } from '@/lib/http';
import { getWhipCount } from '@/lib/whip-count';
import { isSlug, stagePosition } from '@/lib/validation';

export const dynamic = 'force-dynamic';

const notFound = () =>
  Response.json(
    {
      error: {
        code: 'NOT_FOUND',
        message: 'No such campaign stage. Stages are numbered from 1 in the campaign’s procedure.',
      },
    },
    { status: 404, headers: JSON_HEADERS },
  );

/** A stage's whip count: rule, counts, every member with position and evidence, changes, and the division if held. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; position: string }> }) {
  const { slug, position } = await params;
  if (!isSlug(slug) || stagePosition(position) === null) return notFound();
  try {
    const count = await getWhipCount(slug, Number(position));
    if (!count) return notFound();
    return Response.json({ data: whipCountJson(count, count.changes) }, { headers: JSON_HEADERS });
  } catch (error) {
    return errorResponse(error, 'api whip count');
  }
}
