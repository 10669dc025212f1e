// The whip-count page's files (members.csv, chamber.svg): one way to find the count from the
// address and to say when there is none, as the division page's files do.
import { recordFile } from '@/lib/http';
import { isSlug, stagePosition } from '@/lib/validation';
import { type FullWhipCount, getWhipCount } from '@/lib/whip-count';

/** A GET handler for one of a whip count's files: 404 when the address names no vote. */
export const stageFile = (label: string, respond: (count: FullWhipCount, request: Request) => Response) =>
  recordFile(
    label,
    async ({ slug, position }: { slug: string; position: string }) => {
      const n = stagePosition(position);
      return isSlug(slug) && n !== null ? getWhipCount(slug, n) : null;
    },
    'No such vote.',
    respond,
  );
