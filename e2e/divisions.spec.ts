// Divisions from Parliament's own record, as an editor loads them and a reader reads them: the
// official JSON uploaded through Admin → Imports, the division's page result first, the list of
// divisions, and the ballots CSV equal to the page (issue 22).
import { walkDownloads } from './downloads';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './axe';
import { countOf, expectTableFits } from './support';

const FILE = path.join(import.meta.dirname, '../tests/fixtures/votes/commons-votes-division-2019-01-08-287.json');
const PAGE = '/divisions/commons/2019-01-08/287';

test.describe.configure({ mode: 'serial' });

test('an editor loads a Votes API file: a broken one is refused with where, the real one recorded', async ({
  page,
}) => {
  await page.goto('/login?next=/admin/imports');
  await page.getByLabel('E-mail address').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: /Parliament’s record/ }) });
  await expect(form).toBeVisible();

  // The same division with one aye too few: refused, naming the lobby, and nothing written.
  const broken = JSON.parse(readFileSync(FILE, 'utf8'));
  broken.Ayes.pop();
  const before = await countOf(`SELECT count(*)::int AS n FROM "Division" WHERE house = 'COMMONS'`);
  await form.locator('input[type=file]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('alert')).toContainText('1 of 1 file was refused');
  await expect(form.getByTestId('official-file')).toContainText('AyeCount is 303 but Ayes names 302 (short by 1)');
  expect(await countOf(`SELECT count(*)::int AS n FROM "Division" WHERE house = 'COMMONS'`)).toBe(before);

  await form.locator('input[type=file]').setInputFiles(FILE);
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('status')).toHaveText('1 file imported.');
  await form.getByRole('link', { name: /Division 287, 2019-01-08/ }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
});

test.describe('a division, result first @phone', () => {
  test('leads with the result, then by party, the rebels and every member; the vote fits a phone', async ({ page }) => {
    await page.goto('/divisions');
    await page.getByRole('link', { name: /Commons 287: Finance/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Finance (No.3) Bill report stage: Amendment 7');
    await expect(page.getByTestId('division-result')).toHaveText('Carried');
    const totals = page.getByTestId('division-totals');
    await expect(totals).toContainText('Ayes303');
    await expect(totals).toContainText('Noes296');
    await expect(totals).toContainText('Majority7');
    // The chamber, a file of its own, is drawn into the page: a seat for each of the 649 members
    // who could vote (the Speaker apart), each naming its member.
    const seats = page.getByTestId('chamber').locator('circle');
    await expect(seats).toHaveCount(649);
    await expect(seats.locator('title').first()).toContainText(':');
    // The table by party adds up to the totals, and its rebels to the list of rebels.
    const rows = page.getByTestId('division-parties').locator('tbody tr');
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    const sum = (i: number) => cells.reduce((n, r) => n + Number(r[i]), 0);
    expect(sum(1)).toBe(303);
    expect(sum(2)).toBe(296);
    const rebels = sum(5);
    await expect(page.getByRole('heading', { name: `Rebels (${rebels})` })).toBeVisible();
    await expect(page.getByTestId('division-rebels').locator('li')).toHaveCount(rebels);
    // Nobody with no party whip is a rebel.
    await expect(page.getByTestId('division-rebels')).not.toContainText('Independent (');

    // Every member, filtered to the rebels: the vote is in view without scrolling sideways.
    await page.getByLabel('Rebels only').check();
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/rebel=yes/);
    const table = page.getByTestId('division-members');
    await expect(table.locator('tbody tr')).toHaveCount(rebels);
    const vote = table.locator('tbody tr').first().locator('td').nth(1);
    await expect(vote).toHaveText(/^(Aye|No)/);
    const box = (await vote.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await expectNoHorizontalOverflow(page);
    await expectNoSeriousA11yViolations(page);
  });
});

test('the ballots CSV holds what the page shows, and the JSON the same totals', async ({ page, request }) => {
  await page.goto(PAGE);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ballots CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('name,constituency,vote,teller,party,parliamentary_party,rebel,proxy,person');
  expect(lines.length - 1).toBe(303 + 296 + 4);
  const rebels = lines.filter((l) => l.includes(',true,,')).length;
  await expect(page.getByRole('heading', { name: `Rebels (${rebels})` })).toBeVisible();
  const json = await (await request.get(`/api/v1${PAGE}`)).json();
  expect(json).toMatchObject({
    ayes: 303,
    noes: 296,
    result: 'carried',
    tellers: { ayes: ['Thangam Debbonaire', 'Colleen Fletcher'] },
  });
  expect(json.rebels).toHaveLength(rebels);
});

test('the division and its rebels page share one image, a PNG of the result, its URL versioned', async ({
  page,
  request,
}) => {
  for (const path of [PAGE, `${PAGE}/rebels`]) {
    await page.goto(path);
    const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
    expect(image.pathname, path).toBe(`${PAGE}/share.png`);
    expect(image.search, path).toMatch(/^\?v=\d+-\d{8}$/);
    const answer = await request.get(image.pathname + image.search);
    expect(answer.headers()['content-type'], path).toBe('image/png');
  }
});

test('on a 375 px phone the list of divisions and the members table fit, each row with its essentials', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/divisions');
  await expectTableFits(page, 'divisions-table', [/Finance/, /2019/, /carried|tied|rule is not known|no votes/i]);
  await page.goto(PAGE);
  await expectTableFits(page, 'division-members', [
    /\w+ \w+/,
    /Aye|No/,
    /Labour|Conservative|Scottish National Party|Liberal Democrat|Independent|Democratic Unionist Party|Plaid Cymru|Green/,
  ]);
});

test('every download of the division and its rebels page equals the page (issue 24)', async ({ page, request }) => {
  const files = async (path: string) => {
    await page.goto(path);
    return (await walkDownloads(page, request)).map((w) => /[a-z]+\.csv|chart/.exec(w)?.[0]).sort();
  };
  expect(await files(PAGE)).toEqual(['ballots.csv', 'members.csv', 'rebels.csv']);
  expect(await files(`${PAGE}/rebels`)).toEqual(['rebels.csv']);
});
