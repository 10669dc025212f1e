import { expect, test } from '@playwright/test';
import { walkDownloads } from './downloads';

// Issue 24: one test walks every public page of the seed, and every download on each, checking
// the file against what the page shows (e2e/downloads.ts). The division pages are walked in
// divisions.spec.ts, after it has recorded a division.

/**
 * Walks the public pages, every kind of page the site links to (two of each kind at most), calling
 * `visit` on each as it is reached.
 */
async function crawl(page: import('@playwright/test').Page, visit: (path: string) => Promise<void>) {
  const kinds = new Map<string, number>();
  const seen = new Set<string>();
  const queue = ['/', '/campaigns', '/people', '/polls'];
  const pages: string[] = [];
  while (queue.length && pages.length < 40) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const kind = path.replace(/^(\/\w+)\/[^/]+/, '$1/:slug').replace(/\/\d+$/, '/:n');
    if ((kinds.get(kind) ?? 0) >= 2) continue;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    pages.push(path);
    await page.goto(path);
    await visit(path);
    const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of hrefs) {
      const { pathname } = new URL(href, 'http://x');
      if (/^\/(campaigns|people|polls|divisions)(\/|$)/.test(pathname) && !/\.\w+$/.test(pathname))
        queue.push(pathname);
    }
  }
  return pages;
}

test('every download on every public page equals the page', async ({ page, request }) => {
  test.setTimeout(240_000);
  const walked: string[] = [];
  await crawl(page, async (path) => {
    walked.push(...(await walkDownloads(page, request)).map((w) => `${path}: ${w}`));
  });
  // The walk reached every kind of download the seed has (a page that lost its links fails here).
  const kinds = new Set(walked.map((w) => /([a-z]+)\.(csv|zip)|chart #[\w-]+/.exec(w)?.[0]?.replace(/ #.*/, '')));
  expect([...kinds]).toEqual(
    expect.arrayContaining([
      'chart',
      'everything.zip',
      'members.csv',
      'people.csv',
      'polls.csv',
      'positions.csv',
      'roles.csv',
      'signatures.csv',
      'stages.csv',
      'tallies.csv',
      'thresholds.csv',
    ]),
  );
});
