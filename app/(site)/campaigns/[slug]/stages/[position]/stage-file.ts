// The whip-count page's files (members.csv, chamber.svg): one way to find the count from the
// address and to say when there is none, as the division page's files do.
import { errorResponse } from '@/lib/http';
import { isSlug, stagePosition } from '@/lib/validation';
import { type FullWhipCount, getWhipCount } from '@/lib/whip-count';

type Params = { params: Promise<{ slug: string; position: string }> };

/** A GET handler for one of a whip count's files: 404 when the address names no vote. */
export function stageFile(label: string, respond: (count: FullWhipCount, request: Request) => Response) {
  return async function GET(request: Request, { params }: Params) {
    try {
      const { slug, position } = await params;
      const n = stagePosition(position);
      const count = isSlug(slug) && n !== null ? await getWhipCount(slug, n) : null;
      if (!count)
        return new Response('No such vote.\n', {
          status: 404,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
      return respond(count, request);
    } catch (error) {
      return errorResponse(error, label);
    }
  };
}
