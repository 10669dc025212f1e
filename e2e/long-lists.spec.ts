import { expect, test } from '@playwright/test';
import { countOf, expectTableFits } from './support';

// Long lists (signatories, whip-count members and changes, the numbers behind charts) are drawn by
// client components from plain data (issue 16, decision 021): the server renders their rows into
// the HTML, and the page's RSC payload carries them as data, not as a second tree of elements.

/** The RSC payload of a page's HTML: what React sends beside the markup for hydration. */
function payloadOf(html: string): string {
  const parts = [...html.matchAll(/self\.__next_f\.push\((\[.*?\])\)<\/script>/gs)].map(
    (m) => JSON.parse(m[1]!) as [number, string?],
  );
  return parts.map(([, text]) => text ?? '').join('');
}
/** Table rows sent as React elements in a payload. */
const rowElements = (payload: string) => payload.split('["$","tr"').length - 1;

test.describe('long lists', () => {
  test('are readable without JavaScript', async ({ browser, baseURL }) => {
    const signatures = await countOf(`SELECT count(*)::int AS n FROM "Signature" s
      JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'plp-motion' AND s."withdrawnOn" IS NULL`);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/campaigns/plp-motion`);
    const table = page.getByTestId('signatory-table');
    await expect(table.locator('tbody tr')).toHaveCount(Math.min(signatures, 50));
    await expect(table.locator('tbody tr').first().getByRole('link').first()).toHaveAttribute('href', /^\/people\//);
    await expect(
      table
        .locator('tbody tr')
        .first()
        .getByRole('link', { name: /^\[\d+\]$/ }),
    ).toHaveAttribute('href', /^#signatory-source-\d+$/);

    await page.goto(`${baseURL}/campaigns/plp-motion/stages/2`);
    await expect(page.getByTestId('whip-members').locator('tbody tr')).toHaveCount(50);
    await expect(page.getByTestId('whip-changes').locator('li').first()).toContainText('→');
    await expect(page.locator('#chart details table tbody tr').first().locator('th')).not.toBeEmpty();
    // "Show all": every member on one page, in surname order when sorted by name.
    const showAll = page.getByRole('link', { name: /^Show all \d+ members$/ });
    const members = Number(/\d+/.exec((await showAll.textContent())!)![0]);
    expect(members).toBeGreaterThan(50);
    await showAll.click();
    await expect(page.getByTestId('whip-members').locator('tbody tr')).toHaveCount(members);
    await page.getByRole('link', { name: 'Sort by member' }).click();
    const names = await page.getByTestId('whip-members').locator('tbody tr td:first-child a').allTextContents();
    expect(names).toHaveLength(members);
    const surname = (n: string) => n.split(' ').at(-1)!;
    expect(surname(names[0]!) <= surname(names.at(-1)!)).toBe(true);
    await page.getByRole('link', { name: 'Show in pages' }).click();
    await expect(page.getByTestId('whip-members').locator('tbody tr')).toHaveCount(50);
    await context.close();
  });

  test('are sent once: as HTML, with their data (not their elements) in the RSC payload', async ({ request }) => {
    const signatures = await countOf(`SELECT count(*)::int AS n FROM "Signature" s
      JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'plp-motion' AND s."withdrawnOn" IS NULL`);
    for (const [path, least] of [
      ['/campaigns/plp-motion', Math.min(signatures, 50)],
      ['/campaigns/plp-motion/stages/2', 50],
      ['/people', 50],
    ] as const) {
      const html = await (await request.get(path)).text();
      const rows = html.split('<tr').length - 1;
      expect(rows, path).toBeGreaterThan(least);
      // Only header rows of the few small tables that stay server-rendered.
      expect(rowElements(payloadOf(html)), path).toBeLessThan(5);
    }
  });
});

// Issue 24: at 375 px every long table shows each row's essentials (name, party, position or
// vote) with no sideways scrolling: the columns that matter least give way. The divisions' tables
// are checked in divisions.spec.ts, once a division is loaded.
test.describe('long tables on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  for (const [path, testId, essentials] of [
    ['/campaigns/plp-motion/stages/2', 'whip-members', [/\w+ \w+/, /Labour/, /For/]],
    ['/campaigns/plp-motion', 'signatory-table', [/\w+ \w+/, /Labour/, /2019/]],
    ['/people', 'people-table', [/\w+/, /Labour|Conservative|Scottish National Party|Speaker|Independent/]],
    ['/campaigns', 'campaigns-table', [/Statement|motion/i, /\d/]],
    ['/sources', 'sources-table', [/\w+/, /\d/]],
  ] as const) {
    test(`${testId} fits, each row with its essentials`, async ({ page }) => {
      await page.goto(path);
      await expectTableFits(page, testId, essentials);
    });
  }
});
