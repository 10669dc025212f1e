import { expect, type Page, test } from '@playwright/test';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './axe';
import { countOf, queryApp } from './support';

test.describe('campaign page @phone', () => {
  test('shows the count, the thresholds and the signatories as the database holds them', async ({ page }) => {
    const names = await queryApp<{ name: string }>(`
      SELECT p.name FROM "Signature" s JOIN "Person" p ON p.id = s."personId" JOIN "Campaign" c ON c.id = s."campaignId"
      WHERE c.slug = 'plp-motion' AND s."withdrawnOn" IS NULL ORDER BY p."sortName"`);
    await page.goto('/campaigns/plp-motion');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'PLP motion to withdraw the whip from Chris Williamson for 12 months',
    );
    await expect(page.getByTestId('named-count')).toHaveText(String(names.length));
    await expect(page.getByTestId('reported-count')).toHaveText('more than 60');
    await expect(page.getByTestId('gap')).toHaveText(
      `more than 60 reported, ${names.length} named: at least ${61 - names.length} not yet named.`,
    );
    await expect(page.locator('#count').getByTestId('threshold')).toContainText('60 MPs (reported)');
    await expect(page.getByTestId('projection')).toContainText('No projection');
    const rows = page.getByTestId('signatory-table').locator('tbody tr');
    await expect(rows).toHaveCount(names.length);
    await expect(rows.locator('td:first-child a')).toHaveText(names.map((n) => n.name));
    // Each row's source is a note number; the sources are listed once below the table.
    const sources = await queryApp<{ publisher: string }>(`
      SELECT DISTINCT src.publisher FROM "Signature" s JOIN "Source" src ON src.id = s."sourceId"
      WHERE s."campaignId" = (SELECT id FROM "Campaign" WHERE slug = 'plp-motion') AND s."withdrawnOn" IS NULL`);
    const notes = page.locator('#signatories').getByTestId('source-notes').locator('li');
    await expect(notes).toHaveCount(sources.length);
    // The source note: its own column, or beside the date on a phone (only one of them is shown).
    await expect(rows.first().getByRole('link', { name: '[1]' })).toHaveCount(1);
    await rows.first().getByRole('link', { name: '[1]' }).click();
    await expect(notes.first()).toBeInViewport();
    const publishers = sources.map((source) => source.publisher.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    await expect(notes.first()).toHaveText(new RegExp(`^\\[1\\] Source: (${publishers}),`));
    await expect(page.getByTestId('stage')).toHaveCount(2);
    await expect(page.getByTestId('stage').first()).toContainText('3 July 2019');
    await page.getByRole('link', { name: 'compare with other campaigns →' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overlap with other campaigns');
    const withWatson = page.getByTestId('overlap').filter({ hasText: 'Statement led by Tom Watson' });
    const both = await countOf(`
      SELECT count(*)::int AS n FROM "Signature" a JOIN "Signature" b ON b."personId" = a."personId"
      WHERE a."campaignId" = (SELECT id FROM "Campaign" WHERE slug = 'plp-motion') AND b."campaignId" = (SELECT id FROM "Campaign" WHERE slug = 'watson-letter')
        AND a."withdrawnOn" IS NULL AND b."withdrawnOn" IS NULL`);
    await expect(withWatson.getByTestId('overlap-both')).toHaveText(String(both));
  });

  test('keeps filters and sort in the URL, so a view can be shared', async ({ page }) => {
    await page.goto('/campaigns/plp-motion');
    await page.getByLabel('Search name, seat or role').fill('hull');
    await page.getByLabel('Search name, seat or role').press('Enter');
    await expect(page).toHaveURL(/[?&]q=hull/);
    const rows = page.getByTestId('signatory-table').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Diana R. Johnson');

    // The same view, opened fresh from its address.
    await page.goto('/campaigns/plp-motion?sort=name&dir=desc');
    await expect(rows.first()).toContainText('Wes Streeting');
    await page.getByRole('link', { name: /^Name/ }).click();
    await expect(page).not.toHaveURL(/dir=desc/);
    await expect(rows.first()).toContainText('Yvette Cooper');

    await page.goto('/campaigns/plp-motion?house=LORDS');
    await expect(page.getByText('No signatory matches these filters.')).toBeVisible();
  });

  test('answers 404 with a helpful page for an unknown campaign', async ({ page }) => {
    for (const path of [
      '/campaigns/no-such-campaign',
      '/campaigns/..%2F..%2Fetc%2Fpasswd',
      '/people/nobody-at-all',
      '/sources/999999',
      '/sources/abc',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
    }
  });

  test('has no serious or critical accessibility violations and fits the screen', async ({ page }) => {
    for (const path of [
      '/campaigns/plp-motion',
      '/campaigns/watson-letter',
      '/campaigns/plp-motion/overlap',
      '/campaigns',
    ]) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
      await expectNoHorizontalOverflow(page);
    }
  });
});

// Desktop only: emulated phones open blob links instead of downloading them.
// Issue 24: a download is the chart with its title, legend and source line (it was a legend icon,
// 14×14 px), and the PNG is wide enough for print.
test.describe('chart downloads', () => {
  /** Downloads the figure's chart; the file's path. */
  async function downloadChart(page: Page, chartId: string, format: 'SVG' | 'PNG', name: string) {
    const figure = page.locator('figure').filter({ has: page.locator(`#${chartId}`) });
    // Charts load after the page (their code is a chunk of its own, fetched once the page has
    // hydrated): under a loaded CI machine that took more than the default 5 s once.
    await expect(figure.locator('.recharts-wrapper > svg, svg[data-chart]').first()).toBeAttached({ timeout: 20_000 });
    const download = page.waitForEvent('download');
    await figure.getByRole('button', { name: format }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(name);
    return (await import('node:fs/promises')).readFile(await file.path());
  }

  for (const [path, chartId, name, title, series] of [
    [
      '/campaigns/watson-letter',
      'chart-over-time',
      'watson-letter-over-time.svg',
      'named signatories over time',
      ['Named signatories'],
    ],
    [
      '/campaigns/watson-letter',
      'chart-breakdown',
      'watson-letter-by-party.svg',
      'named signatories by house and party',
      ['Commons'],
    ],
    [
      '/campaigns/plp-motion/stages/2',
      'whip-history',
      'whip-count-plp-motion-2-over-time.svg',
      'positions over time',
      ['For'],
    ],
    [
      '/campaigns/plp-motion/stages/2',
      'whip-chart',
      'whip-count-plp-motion-2.svg',
      'every member, by party and position',
      ['For', 'Against', 'Not known'],
    ],
  ] as const) {
    test(`${path} #${chartId}: the SVG has the chart, its title, its legend and a source line`, async ({ page }) => {
      await page.goto(path);
      const svg = (await downloadChart(page, chartId, 'SVG', name)).toString('utf8');
      const legend = await page.locator(`#${chartId} .recharts-legend-item`).allTextContents();
      const drawn = new DOMParserLike(svg);
      if (chartId === 'whip-history')
        expect(legend, 'the key follows the spectrum, for to against').toEqual([
          'For',
          'Leaning for',
          'Undecided',
          'Not known',
          'Leaning against',
          'Against',
          'Will not vote',
        ]);
      const all = drawn.texts.join(' ');
      expect(all).toContain(title);
      for (const label of [...legend, ...series]) expect(drawn.texts, label).toContain(label.trim());
      expect(all).toMatch(/Source: Whipcount, http:\/\/\S+ · as of \d{1,2} \w+ \d{4}$/);
      // The drawing itself, not an icon: a nested svg as large as the chart on the page, with its marks.
      const box = await page
        .locator(`#${chartId}`)
        .locator('.recharts-wrapper > svg, svg[data-chart]')
        .first()
        .boundingBox();
      expect(drawn.width).toBeGreaterThanOrEqual(Math.floor(box!.width));
      expect(drawn.height).toBeGreaterThan(box!.height);
      expect(svg).toMatch(/class="recharts-(rectangle|curve|line-curve|dot|symbols)[ "]|<circle class="[A-Z_]+"/);
    });
  }

  test('and as a PNG wide enough for print', async ({ page }) => {
    await page.goto('/campaigns/watson-letter');
    const bytes = await downloadChart(page, 'chart-breakdown', 'PNG', 'watson-letter-by-party.png');
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(bytes.readUInt32BE(16)).toBe(2400);
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(600);
  });
});

/** Just enough of an SVG file to test: its size and every text it draws. */
class DOMParserLike {
  readonly width: number;
  readonly height: number;
  readonly texts: string[];
  constructor(svg: string) {
    const root = /<svg\b[^>]*>/.exec(svg)![0];
    this.width = Number(/width="([\d.]+)"/.exec(root)![1]);
    this.height = Number(/height="([\d.]+)"/.exec(root)![1]);
    const decode = (t: string) =>
      t
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    this.texts = [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!).trim());
  }
}
