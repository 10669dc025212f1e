import { expect, test } from '@playwright/test';
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
    await expect(rows.first().locator('td:last-child a')).toHaveText('[1]');
    await rows.first().locator('td:last-child a').click();
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
test.describe('chart downloads', () => {
  test('offers each chart as an SVG download', async ({ page }) => {
    await page.goto('/campaigns/watson-letter');
    const figure = page.locator('figure').filter({ has: page.locator('#chart-over-time') });
    // Charts load after the page (their code is a chunk of its own, fetched once the page has
    // hydrated): under a loaded CI machine that took more than the default 5 s once.
    await expect(figure.locator('svg.recharts-surface').first()).toBeAttached({ timeout: 20_000 });
    const download = page.waitForEvent('download');
    await figure.getByRole('button', { name: 'SVG' }).click();
    expect((await download).suggestedFilename()).toBe('watson-letter-over-time.svg');
  });

  test('and as a PNG', async ({ page }) => {
    await page.goto('/campaigns/watson-letter');
    const figure = page.locator('figure').filter({ has: page.locator('#chart-breakdown') });
    await expect(figure.locator('svg.recharts-surface').first()).toBeAttached({ timeout: 20_000 });
    const download = page.waitForEvent('download');
    await figure.getByRole('button', { name: 'PNG' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('watson-letter-by-party.png');
    const bytes = await (await import('node:fs/promises')).readFile(await file.path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  });
});
