// After a change to public data: Next.js's own route cache is revalidated, and the public-page
// micro-cache of this process (scripts/lib/page-cache.ts, installed by scripts/serve.ts) is
// emptied, so readers of this server see the change at once; other servers' copies expire
// within their few seconds.
import 'server-only';
import { revalidatePath } from 'next/cache';

export function publicDataChanged(): void {
  revalidatePath('/', 'layout');
  (globalThis as { whipcountPageCache?: { clear(): void } }).whipcountPageCache?.clear();
}
