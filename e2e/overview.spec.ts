import { expect, test } from '@playwright/test';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './axe';
import type { TallyQualifier } from '../lib/generated/prisma/enums';
import { describeGap, describeTally } from '../lib/tally';
import { countOf, queryApp } from './support';

test.describe('overview @phone', () => {
  test('shows each campaign’s named count, reported tally and thresholds as the database holds them', async ({
    page,
  }) => {
    const campaigns = await queryApp<{
      slug: string;
      title: string;
      named: number;
      count: number | null;
      qualifier: TallyQualifier | null;
      thresholds: number;
    }>(`
      SELECT c.slug, c.title,
             (SELECT count(*) FROM "Signature" s WHERE s."campaignId" = c.id AND s."withdrawnOn" IS NULL)::int AS named,
             t.count, t.qualifier::text AS qualifier,
             (SELECT count(*) FROM "Threshold" th WHERE th."campaignId" = c.id)::int AS thresholds
      FROM "Campaign" c
      LEFT JOIN LATERAL (SELECT count, qualifier FROM "Tally" WHERE "campaignId" = c.id ORDER BY "asOf" DESC, id DESC LIMIT 1) t ON true
      ORDER BY c.slug`);
    expect(campaigns.map((c) => c.slug)).toEqual(expect.arrayContaining(['plp-motion', 'watson-letter']));

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'State of play' })).toBeVisible();
    for (const campaign of campaigns) {
      const card = page.getByRole('article', { name: campaign.title });
      await expect(card).toBeVisible();
      await expect(card.getByTestId('named-count')).toHaveText(String(campaign.named));
      await expect(card.getByTestId('reported-count')).toHaveText(
        campaign.count === null ? '—' : describeTally(campaign.count, campaign.qualifier!),
      );
      await expect(card.getByTestId('threshold')).toHaveCount(campaign.thresholds);
    }
    const watson = campaigns.find((c) => c.slug === 'watson-letter')!;
    await expect(page.getByRole('article', { name: /Tom Watson/ }).getByTestId('gap')).toHaveText(
      describeGap(watson.named, { count: watson.count!, qualifier: watson.qualifier! }),
    );
    await expect(page.getByText('Source: Sky News, 28 June 2019').first()).toBeVisible();
  });

  test('shows the procedure, the poll comparison and the latest events', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('article', { name: /PLP motion/ }).getByTestId('procedure')).toContainText(
      'stage 1 of 2, Referral to the parliamentary committee',
    );
    await expect(page.getByTestId('record-statement')).toContainText(
      'Jeremy Corbyn’s net rating of -58 is the lowest recorded here for a Leader of the Opposition, below Michael Foot’s -56',
    );
    const n = await countOf('SELECT least(count(*), 5)::int AS n FROM "TimelineEvent"');
    await expect(page.locator('#latest').getByTestId('event')).toHaveCount(n);
  });

  test('has no serious or critical accessibility violations and fits the screen', async ({ page }) => {
    await page.goto('/');
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalOverflow(page);
  });
});
