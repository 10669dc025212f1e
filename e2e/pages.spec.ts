import { expect, test } from '@playwright/test';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './axe';
import { countOf, queryApp } from './support';

test.describe('people, polls, timeline and sources @phone', () => {
  test('people can be searched, and a person shows roles, signatures and statements', async ({ page }) => {
    await page.goto('/people');
    const n = await countOf('SELECT count(*)::int AS n FROM "Person"');
    await expect(page.getByText(`${n.toLocaleString('en-GB')} people`)).toBeVisible();
    await page.getByLabel('Name, alias or constituency').fill('Dame Margaret Hodge');
    await page.getByRole('form', { name: 'Search people' }).getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('people-table').locator('tbody tr')).toHaveCount(1);
    await page.getByRole('link', { name: 'Margaret Hodge' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dame Margaret Hodge');
    await expect(page.locator('#signed')).toContainText('PLP motion to withdraw the whip');

    await page.goto('/people/keir-starmer');
    await expect(page.locator('#roles')).toContainText('Shadow Brexit Secretary');
    await expect(page.locator('#statements')).toContainText('deeply concerned');
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalOverflow(page);
  });

  test('the search box in the header finds people by any form of their name, without accents', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search Whipcount' }).fill('ORFHLAITH');
    await page.getByRole('searchbox', { name: 'Search Whipcount' }).press('Enter');
    await expect(page).toHaveURL(/\/search\?q=ORFHLAITH/);
    await expect(page.getByTestId('search-people').getByRole('link')).toHaveText(['Órfhlaith Begley']);
    await page.goto('/search?q=%27%3B%20DROP%20TABLE');
    await expect(page.getByTestId('search-summary')).toHaveText("Nothing found for “'; DROP TABLE”.");
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalOverflow(page);
  });

  test('polls compare net satisfaction and say which is the record', async ({ page }) => {
    const polls = await queryApp<{ net: number }>('SELECT net::float8 AS net FROM "Poll" ORDER BY net');
    await page.goto('/polls');
    await expect(page.getByTestId('net')).toHaveText(polls.map((p) => String(p.net)));
    await expect(page.getByTestId('record-statement')).toContainText('Jeremy Corbyn’s net rating of -58 is the lowest');
    await expect(page.getByTestId('polls-table').getByText('record low')).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalOverflow(page);
  });

  test('the timeline filters by campaign and by person', async ({ page }) => {
    const n = await countOf('SELECT count(*)::int AS n FROM "TimelineEvent"');
    await page.goto('/timeline');
    await expect(page.getByTestId('event')).toHaveCount(n);
    await page.getByLabel('Campaign').selectOption('plp-motion');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/campaign=plp-motion/);
    await expect(page.getByTestId('event')).toHaveCount(1);
    await page.goto('/timeline?person=keith-vaz');
    await expect(page.getByTestId('event')).toHaveCount(2);
    await expectNoSeriousA11yViolations(page);
  });

  test('every figure’s source has a page saying what it is and what cites it', async ({ page }) => {
    await page.goto('/campaigns/watson-letter');
    await page.getByRole('link', { name: 'Sky News, 28 June 2019' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Growing calls for Jeremy Corbyn to boot out anti-Semitism row MP Chris Williamson',
    );
    await expect(page.getByText('Sky News, 28 June 2019 17:43 UK time')).toBeVisible();
    await expect(page.getByText('No web address is recorded for this source.')).toBeVisible();
    await expect(page).toHaveTitle('Source · Whipcount'); // set after a client-side navigation
    await expectNoSeriousA11yViolations(page);
  });

  test('the site’s navigation reaches every campaign and every source, with how many records cite each', async ({
    page,
  }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Campaigns');
    await expect(page.getByTestId('campaigns-table').locator('tbody tr')).toHaveCount(
      await countOf('SELECT count(*)::int AS n FROM "Campaign"'),
    );
    await nav.getByRole('link', { name: 'Sources' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sources');
    const rows = page.getByTestId('sources-table').locator('tbody tr');
    await expect(rows).toHaveCount(await countOf('SELECT count(*)::int AS n FROM "Source"'));
    // Most cited first: the roster's source, cited by every member and stint.
    const [roster] = await queryApp<{ title: string; n: number }>(
      `SELECT s.title, (SELECT count(*) FROM "Person" WHERE "sourceId" = s.id) + (SELECT count(*) FROM "Membership" WHERE "sourceId" = s.id) AS n
       FROM "Source" s ORDER BY n DESC LIMIT 1`,
    );
    await expect(rows.first()).toContainText(roster!.title);
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousA11yViolations(page);
    await rows.first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(roster!.title);
    await expect(page.getByText(/\d+ stints/)).toBeVisible();
  });
});
