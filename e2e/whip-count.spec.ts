import { type APIRequestContext, expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { E2E_ADMIN } from '../playwright.config';
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations } from './axe';
import { chooseOption, countOf } from './support';

const PAGE = '/campaigns/plp-motion/stages/2';
// Who may vote: Labour and Labour/Co-operative MPs with a stint in force on 28 June 2019.
const VOTERS = `SELECT count(DISTINCT m."personId")::int AS n FROM "Membership" m
  WHERE m.house = 'COMMONS' AND m.party IN ('Labour', 'Labour/Co-operative') AND m."startDate" <= '2019-06-28' AND m."endDate" >= '2019-06-28'`;

test.describe('whip count, public @phone', () => {
  test('shows every member who may vote, the five signatories as for with their evidence, and no rule arithmetic', async ({
    page,
  }) => {
    const voters = await countOf(VOTERS);
    // The editing tests below may have run first (the phone project runs after the desktop one):
    // members placed by hand besides the five signatories are known too.
    const placedByHand =
      await countOf(`SELECT count(DISTINCT "personId")::int AS n FROM "Position" WHERE "personId" NOT IN (
      SELECT "personId" FROM "Signature" WHERE "campaignId" = (SELECT id FROM "Campaign" WHERE slug = 'plp-motion'))`);
    const moves = await countOf(`SELECT count(*)::int AS n FROM "Position"`);
    await page.goto('/campaigns/plp-motion');
    await page.getByTestId('stage').nth(1).getByRole('link', { name: 'Whip count and vote →' }).click();
    await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Whip count: Vote of the full PLP at Westminster');
    const headline = page.getByTestId('whip-headline');
    await expect(headline.locator('div').filter({ hasText: /^For/ }).locator('dd')).toHaveText('5');
    await expect(
      headline
        .locator('div')
        .filter({ hasText: /^Not known/ })
        .locator('dd'),
    ).toHaveText(String(voters - 5 - placedByHand));
    await expect(page.getByTestId('whip-rule')).toHaveText('The rule is not known');
    await expect(page.getByTestId('whip-outlook')).toContainText('without pass/fail arithmetic');
    await expect(page.locator('#whip-chart svg circle')).toHaveCount(voters);

    await page.locator('select[name=stand]').selectOption('FOR');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/[?&]stand=FOR/);
    const rows = page.getByTestId('whip-members').locator('tbody tr');
    await expect(rows).toHaveCount(5);
    for (const name of ['David Lammy', 'Diana R. Johnson', 'Margaret Hodge', 'Wes Streeting', 'Yvette Cooper']) {
      await expect(rows.filter({ hasText: name })).toContainText('Signed PLP motion to withdraw the whip');
    }
    await expect(rows.first()).toContainText('(derived)');
    await expect(page.getByTestId('whip-changes').locator('li')).toHaveCount(5 + moves);
  });

  test('the hemicycle labels its party blocks and names the member of a tapped seat', async ({ page }) => {
    await page.goto(PAGE);
    const chart = page.locator('#whip-chart');
    await expect(page.getByTestId('party-blocks')).toContainText(
      /Parties, left to right: Labour \d+ · Labour\/Co-operative \d+/,
    );
    await expect(page.getByTestId('seat-readout')).toContainText('Tap or hover over a seat');
    // The first seat of a party block drawn left to right: its title names the member and the position.
    const seat = chart.locator('svg circle').first();
    const title = await seat.locator('title').textContent();
    expect(title).toMatch(/^.+ \(Labour(\/Co-operative)?\): .+$/);
    // (Until the page has hydrated a tap does nothing; the hint stays, so tap again.)
    await expect(async () => {
      await seat.click();
      await expect(page.getByTestId('seat-readout')).toHaveText(title!, { timeout: 1000 });
    }).toPass();
    await expect(seat).toHaveAttribute('data-picked', '');
  });

  test('has no serious or critical accessibility violations and fits the screen', async ({ page }) => {
    await page.goto(PAGE);
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalOverflow(page);
  });

  test('a page number beyond the last shows the last page of every public list', async ({ page }) => {
    await page.goto('/campaigns/plp-motion?page=99999');
    await expect(page.getByTestId('signatory-table').locator('tbody tr')).toHaveCount(
      await countOf(
        `SELECT count(*)::int AS n FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'plp-motion' AND s."withdrawnOn" IS NULL`,
      ),
    );
    await page.goto(`${PAGE}?page=99999`);
    await expect(page.getByTestId('whip-members').locator('tbody tr').first()).toBeVisible();
    await page.goto('/people?page=9999');
    await expect(page.getByTestId('people-table').locator('tbody tr').first()).toBeVisible();
  });

  test('answers 404 for a stage that does not exist', async ({ page }) => {
    for (const path of [
      '/campaigns/plp-motion/stages/9',
      '/campaigns/plp-motion/stages/0',
      '/campaigns/plp-motion/stages/two',
      '/campaigns/nothing/stages/1',
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      // …and so do its files.
      for (const file of ['chamber.svg', 'members.csv'])
        expect((await page.request.get(`${path}/${file}`)).status(), `${path}/${file}`).toBe(404);
    }
  });
});

test.describe('whip count, editing', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeEach(async ({ page }) => {
    await page.goto(`/login?next=${encodeURIComponent(PAGE)}`);
    await page.getByLabel('E-mail address').fill(E2E_ADMIN.email);
    await page.getByLabel('Password').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Whip count: Vote of the full PLP at Westminster');
  });

  test('the editor’s forms fit a 375 px phone, a new source’s fields too', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Move a member' }) });
    await form.locator('select[name=sourceId]').selectOption('new');
    await expect(form.getByLabel('Publisher')).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });

  test('an editor moves a member in one step; a missing source is refused and what was typed stays', async ({
    page,
  }) => {
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Move a member' }) });
    const member = form.locator('select[name=person]');
    const value = await member
      .locator('option')
      .filter({ hasText: /^Keir Starmer/ })
      .getAttribute('value');
    // The list narrows as a name is typed, and the one member left is chosen (issue 24).
    await form.getByLabel('Find a member').fill('keir starm');
    await expect(member.locator('option')).toHaveCount(2);
    await expect(member).toHaveValue(value!);
    await form.locator('select[name=stand]').selectOption('LEANING_FOR');
    await form.locator('input[name=statedOn]').fill('2019-07-01');
    await form.locator('select[name=sourceId]').selectOption('');
    await form.getByLabel('Their words (optional)').fill('I will back the motion');
    // The browser would refuse the empty source first; the server must refuse it too.
    await form.evaluate((f) => f.querySelectorAll('[required]').forEach((e) => e.removeAttribute('required')));
    await form.getByRole('button', { name: 'Save the move' }).click();
    await expect(page.getByTestId('move-result')).toContainText('Choose the source.');
    await expect(form.getByLabel('Their words (optional)')).toHaveValue('I will back the motion');
    await expect(member).toHaveValue(value!);
    expect(await countOf(`SELECT count(*)::int AS n FROM "Position"`)).toBe(0);

    // A source not recorded yet is named on the spot, and created with the position (issue 24).
    await form.locator('select[name=sourceId]').selectOption('new');
    await form.getByLabel('Publisher').fill('Whip Count Weekly');
    await form.evaluate((f) => f.querySelectorAll('[required]').forEach((e) => e.removeAttribute('required')));
    await form.getByRole('button', { name: 'Save the move' }).click();
    await expect(page.getByTestId('move-result')).toContainText('Title is required.');
    await expect(form.getByLabel('Publisher')).toHaveValue('Whip Count Weekly');
    expect(await countOf(`SELECT count(*)::int AS n FROM "Source" WHERE publisher = 'Whip Count Weekly'`)).toBe(0);
    await form.getByLabel('Title').fill('Starmer backs the motion');
    await form.getByRole('button', { name: 'Save the move' }).click();
    await expect(page.getByTestId('move-result')).toContainText('Keir Starmer: leaning for from 2019-07-01.');
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM "Position" p JOIN "Source" s ON s.id = p."sourceId" WHERE s.title = 'Starmer backs the motion'`,
      ),
    ).toBe(1);
    await expect(page.getByTestId('whip-changes').locator('li').first()).toContainText('Keir Starmer');
    await expect(page.getByTestId('whip-changes').locator('li').first()).toContainText('not known → leaning for');
    expect(
      await countOf(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE entity = 'position' AND action = 'create'`),
    ).toBe(1);
    await expectNoSeriousA11yViolations(page);
  });

  test('an editor pastes a division list as Hansard prints it, and the page scores the count', async ({ page }) => {
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Record a division list' }) });
    await form.getByLabel('Question (for a new division)').fill('That the whip be withdrawn for 12 months');
    await form.getByLabel('Held on (for a new division)').fill('2019-07-08');
    await chooseOption(form.locator('select[name=sourceId]'), 'Sky News');
    const list = form.getByLabel(/The list as Hansard prints it/);
    await list.fill('AYES\nCooper, rh Yvette\nStreeting, Wes\nNobody, Such\nNOES\nStreeting, Wes\n');
    await form.getByRole('button', { name: 'Record the ballots' }).click();
    await expect(page.getByTestId('division-result')).toContainText('nothing was saved');
    await expect(page.getByTestId('division-result')).toContainText('Line 4 “Nobody, Such”: No person with this name.');
    await expect(page.getByTestId('division-result')).toContainText('Wes Streeting is in both lobbies');
    await expect(list).toHaveValue(/Nobody, Such/);

    await list.fill(
      'AYES\nCooper, rh Yvette\nStreeting, Wes\nLammy, rh Mr David\nStarmer, Keir\nTellers for the Ayes:\nJeff Smith and\nMike Kane\nNOES\nWilliamson, Chris\n',
    );
    await form.getByRole('button', { name: 'Record the ballots' }).click();
    await expect(page.getByTestId('division-result')).toContainText(
      '7 ballots recorded: 4 ayes and 1 noes, tellers apart.',
    );
    await page.reload();
    await expect(page.getByTestId('whip-division')).toContainText('Ayes 4 · Noes 1');
    // Cooper, Streeting and Lammy were for, Starmer leaning for: all four held.
    await expect(page.getByTestId('whip-forecast')).toContainText('4 placements held, 0 switched');
    await expect(page.getByTestId('whip-forecast')).toContainText('1 member voted against their own party');
  });
});

// Issue 24: what you download is what you see.
test.describe('whip count files equal the page', () => {
  const csv = async (request: APIRequestContext, url: string) => {
    const answer = await request.get(url);
    expect(answer.status(), url).toBe(200);
    return parse<Record<string, string>>(await answer.text(), { columns: true, bom: true });
  };
  const SIGNATORIES = ['David Lammy', 'Diana R. Johnson', 'Margaret Hodge', 'Wes Streeting', 'Yvette Cooper'];

  test('the members CSV is the table as shown, filters and order included, every row of it', async ({
    page,
    request,
  }) => {
    await page.goto(`${PAGE}?stand=FOR&sort=name&dir=desc`);
    const shown = await page.getByTestId('whip-members').locator('tbody tr td:first-child a').allTextContents();
    const href = await page.getByRole('link', { name: 'Members as shown (CSV)' }).getAttribute('href');
    expect(href).toMatch(/members\.csv\?.*stand=FOR/);
    const filtered = await csv(request, href!);
    expect(filtered.map((r) => r.name)).toEqual(shown);
    expect(new Set(filtered.map((r) => r.position))).toEqual(new Set(['FOR']));

    await page.goto(PAGE);
    const firstPage = await page.getByTestId('whip-members').locator('tbody tr td:first-child a').allTextContents();
    const all = await csv(request, `${PAGE}/members.csv`);
    expect(all.length).toBe(await countOf(VOTERS));
    expect(all.slice(0, firstPage.length).map((r) => r.name)).toEqual(firstPage);
    const forOnPage = await page
      .getByTestId('whip-headline')
      .locator('div')
      .filter({ hasText: /^For/ })
      .locator('dd')
      .textContent();
    expect(all.filter((r) => r.position === 'FOR').length).toBe(Number(forOnPage));
    for (const r of all.filter((m) => SIGNATORIES.includes(m.name!) && m.derived === 'true'))
      expect(r).toMatchObject({ position: 'FOR', derived_from: 'plp-motion', confidence: 'REPORTED' });
  });

  test('the positions history marks the positions derived from signatures, which the page counts', async ({
    request,
  }) => {
    const history = await csv(request, '/api/export/positions.csv?campaign=plp-motion&stage=2');
    const derived = history.filter((r) => r.derived === 'true');
    expect(derived.map((r) => r.name).sort()).toEqual(SIGNATORIES);
    for (const r of derived)
      expect(r).toMatchObject({ position: 'FOR', derived_from: 'plp-motion', stated_on: '2019-06-28' });
    expect(history.filter((r) => r.derived === 'false').every((r) => r.derived_from === '')).toBe(true);
  });
});
