import { expect, test } from '@playwright/test';
import { DOWN_PORT } from '../playwright.config';

test.describe('/api/health', () => {
  test('answers 200 with the database reachable', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  test('answers 503 when the database is unreachable, without leaking its address', async ({ request }) => {
    const response = await request.get(`http://localhost:${DOWN_PORT}/api/health`);
    expect(response.status()).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'unavailable', database: { reachable: false } });
    expect(JSON.stringify(body)).not.toContain('127.0.0.1:9');
  });
});

test('pages say plainly when the database is down', async ({ page }) => {
  await page.goto(`http://localhost:${DOWN_PORT}/`);
  await expect(page.getByRole('heading', { name: 'The database is unavailable' })).toBeVisible();
  await expect(page.getByText('Nothing has been lost')).toBeVisible();
});
