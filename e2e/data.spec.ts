import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { countOf } from './support';

test('a campaign’s signatories download as CSV with the page’s filters', async ({ page }) => {
  await page.goto('/campaigns/plp-motion?q=hull');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download these signatories (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^whipcount-signatures-plp-motion-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
  const lines = text.trimEnd().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('Diana R. Johnson');
});

test('everything downloads from the overview as one ZIP of CSVs with a manifest', async ({ page }) => {
  await page.goto('/');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Everything (ZIP of CSVs)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^whipcount-everything-\d{4}-\d{2}-\d{2}\.zip$/);
  const bytes = await (await import('node:fs/promises')).readFile(await file.path());
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04])); // a ZIP's local file header
  expect(bytes.includes('manifest.json')).toBe(true);
  expect(bytes.includes('Signature.csv')).toBe(true);
});

test('the JSON API answers with the same numbers as the page', async ({ request }) => {
  const body = await (await request.get('/api/v1/campaigns/plp-motion')).json();
  expect(body.data.namedSignatories).toBe(
    await countOf(
      `SELECT count(*)::int AS n FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'plp-motion' AND s."withdrawnOn" IS NULL`,
    ),
  );
});

test('an editor uploads a CSV, sees the invalid rows, and imports the rest', async ({ page }) => {
  await page.goto('/login?next=/admin/imports');
  await page.getByLabel('E-mail address').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Imports', exact: true })).toBeVisible();

  await page.getByLabel('The file contains').selectOption('signatures');
  const campaign = page.locator('select[name="campaignId"]');
  await campaign.selectOption(
    await campaign.locator('option').filter({ hasText: 'Statement led by Tom Watson' }).getAttribute('value'),
  );
  const source = page.locator('select[name="sourceId"]');
  await source.selectOption(await source.locator('option').filter({ hasText: 'Sky News' }).getAttribute('value'));
  await page.getByLabel(/CSV file/).setInputFiles(path.join('tests', 'fixtures', 'csv', 'semicolon.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('upload-error')).toHaveText(
    'The columns are separated by “;”, not commas. Export the file as comma-separated CSV.',
  );

  // A file over the limit is refused in the browser at once, before it is sent.
  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
  await page
    .getByLabel(/CSV file/)
    .setInputFiles({ name: 'too-big.csv', mimeType: 'text/csv', buffer: Buffer.alloc(25 * 1024 * 1024, 'a') });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('upload-error')).toContainText('The file is larger than 20 MB (25.0 MB)', {
    timeout: 3000,
  });
  expect(posts).toEqual([]);

  // The file's source is not recorded yet: it is named here, and recorded when the import runs.
  await source.selectOption('new');
  await page.getByLabel('Publisher').fill('Example Gazette');
  await page.getByLabel('Title').fill('The names, as a spreadsheet');
  await page.getByLabel(/CSV file/).setInputFiles(path.join('tests', 'fixtures', 'csv', 'signatures-mixed.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  // Earlier tests may have added people the file names, so read the split from the page.
  await expect(page.getByTestId('import-summary')).toContainText(/8 rows: \d valid, \d invalid/);
  const [, valid, invalid] = /8 rows: (\d) valid, (\d) invalid/.exec(
    (await page.getByTestId('import-summary').textContent())!,
  )!;
  expect(Number(invalid)).toBeGreaterThanOrEqual(4); // duplicate, bad date, bad confidence, ambiguous Mr Johnson at least
  await expect(page.getByTestId('import-errors').locator('tbody tr')).toHaveCount(Number(invalid));
  await page.getByLabel(`Skip the ${invalid} invalid rows`, { exact: false }).check();
  await page.getByRole('button', { name: `Import ${valid} rows` }).click();
  await expect(page.getByTestId('import-status')).toHaveText('succeeded');
  await expect(page.getByTestId('import-message')).toContainText('signatures added');
  expect(
    await countOf(
      `SELECT count(*)::int AS n FROM "Signature" g JOIN "Source" s ON s.id = g."sourceId" WHERE s.title = 'The names, as a spreadsheet'`,
    ),
  ).toBe(Number(valid));

  // The job and its outcome are still there after a reload.
  await page.reload();
  await expect(page.getByTestId('import-status')).toHaveText('succeeded');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
});
