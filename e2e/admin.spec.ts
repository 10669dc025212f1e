import { type Browser, expect, type Page, test } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { expectNoSeriousA11yViolations } from './axe';
import { chooseOption, countOf, queryApp } from './support';

// One story, in order: the admin makes accounts; an editor adds a campaign and names; a viewer looks.
test.describe.configure({ mode: 'serial' });

const editor = { email: 'editor@example.org', password: 'editor-password-123' };
const viewer = { email: 'viewer@example.org', password: 'viewer-password-123' };

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin/);
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
}

async function newPage(browser: Browser, who: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

test('signed-out visitors are sent to sign in; a wrong password gets one generic message', async ({ page }) => {
  await page.goto('/admin/campaigns');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('E-mail address').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#login-error')).toHaveText('The e-mail address or password is not right.');
  await expect(page.getByLabel('E-mail address')).toHaveValue(E2E_ADMIN.email);
  await expectNoSeriousA11yViolations(page);
});

test('the admin creates an editor and a viewer', async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole('link', { name: 'Users' }).click();
  for (const [who, role] of [
    [editor, 'editor'],
    [viewer, 'viewer'],
  ] as const) {
    const form = page.locator('form').filter({ hasText: 'New account' });
    await form.getByLabel('Name').fill(role);
    await form.getByLabel('E-mail address').fill(who.email);
    await form.getByLabel('Role').selectOption(role);
    await form.getByLabel(/^Password/).fill(who.password);
    await form.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText(`Account created for ${who.email}.`)).toBeVisible();
  }
  await expect(page.getByTestId('users-table')).toContainText(editor.email);
  // Your own row offers nothing that would be refused (changing your own role, removing yourself).
  const own = page.getByTestId('users-table').locator('tr').filter({ hasText: E2E_ADMIN.email });
  await expect(own.getByTestId('own-account')).toContainText('(you)');
  await expect(own.getByRole('button')).toHaveCount(0);
  await expect(
    page.getByTestId('users-table').locator('tr').filter({ hasText: editor.email }).getByRole('button').first(),
  ).toBeVisible();
});

test('an editor creates a campaign with a threshold; a wrong field keeps what was typed', async ({ page }) => {
  await signIn(page, editor);
  await page.goto('/admin/campaigns/new');
  // The slug is proposed from the title, and a taken one is said before saving.
  await page.getByLabel('Title').fill('PLP motion');
  await expect(page.getByLabel('Slug (in the address)')).toHaveValue('plp-motion');
  await expect(page.getByText('Another campaign already uses this slug; choose another.')).toBeVisible();
  await page.getByLabel('Title').fill('Letter calling for a leadership contest');
  await expect(page.getByLabel('Slug (in the address)')).toHaveValue('letter-calling-for-a-leadership-contest');
  await expect(page.getByText('Another campaign already uses this slug; choose another.')).toBeHidden();
  await page.getByLabel('Slug (in the address)').fill('Bad Slug');
  await page.getByLabel('Kind').selectOption('LETTER');
  await page.getByLabel('Status').selectOption('OPEN');
  await page.getByLabel('House of Commons').check();
  await chooseOption(page.getByLabel('Source'), /Sky News/);
  await page.getByRole('button', { name: 'Create campaign' }).click();
  await expect(page.getByText('Use lower-case letters, digits and single hyphens, e.g. plp-motion.')).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Letter calling for a leadership contest');
  await expect(page.getByLabel('House of Commons')).toBeChecked();
  await page.getByLabel('Slug (in the address)').fill('leadership-letter');
  await page.getByRole('button', { name: 'Create campaign' }).click();
  // Exactly "Saved.", on the new record's page: the refusal above says "Nothing was saved.", which a
  // loose match took for success while the save was still on its way (a flaky CI failure).
  await expect(page).toHaveURL(/\/admin\/campaigns\/\d+\?saved=1$/);
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  // Led on: the public page, and the next step with the campaign already chosen (issue 24).
  const steps = page.getByRole('list', { name: 'Next steps' });
  await expect(steps.getByRole('link', { name: 'See the campaign’s page →' })).toHaveAttribute(
    'href',
    '/campaigns/leadership-letter',
  );
  await steps.getByRole('link', { name: 'Add a threshold →' }).click();
  await expect(page).toHaveURL(/\/admin\/thresholds\/new\?campaignId=\d+$/);
  await expect(page.getByLabel('Campaign').locator('option:checked')).toHaveText(
    'Letter calling for a leadership contest',
  );
  await page.getByLabel('Label').fill('Three MPs');
  await page.getByLabel('Purpose').selectOption('TARGET');
  await page.getByLabel('Absolute number').fill('3');
  await chooseOption(page.getByLabel('Source'), /Sky News/);
  await page.getByRole('button', { name: 'Create threshold' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Next steps' }).getByRole('link', { name: 'Add names →' })).toBeVisible();
  expect(
    await countOf(
      `SELECT count(*)::int AS n FROM "Threshold" t JOIN "Campaign" c ON c.id = t."campaignId" WHERE c.slug = 'leadership-letter'`,
    ),
  ).toBe(1);
});

test('an editor records who took part in a timeline event, then removes one; the timeline shows them', async ({
  page,
}) => {
  await signIn(page, editor);
  await page.goto('/admin/events/new');
  await page.getByLabel('What happened').fill('A test meeting of the committee');
  await page.locator('input[name=occurredOn]').fill('2019-07-02');
  await page.getByLabel('Date known to the').selectOption('DAY');
  await page.getByLabel('People involved: person 1').fill('diana-r-johnson');
  await page.getByLabel('People involved: person 2').fill('margaret-hodge');
  await chooseOption(page.getByLabel('Source'), /Sky News/);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Create timeline event' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  // Shown by sort name: Hodge before Johnson.
  await expect(page.getByLabel('People involved: person 1')).toHaveValue('margaret-hodge');
  await expect(page.getByLabel('People involved: person 2')).toHaveValue('diana-r-johnson');
  const editUrl = page.url().replace(/\?.*$/, '');

  await page.goto('/timeline');
  const item = page.getByRole('listitem').filter({ hasText: 'A test meeting of the committee' });
  await expect(item.getByRole('link', { name: 'Margaret Hodge' })).toBeVisible();
  await expect(item.getByRole('link', { name: 'Diana R. Johnson' })).toBeVisible();

  await page.goto(editUrl);
  await page.getByLabel('People involved: person 1').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\?saved=1/);
  await expect(page.getByLabel('People involved: person 1')).toHaveValue('diana-r-johnson');
  expect(
    await countOf(
      `SELECT count(*)::int AS n FROM "TimelineEventPerson" l JOIN "TimelineEvent" e ON e.id = l."eventId" WHERE e.title = 'A test meeting of the committee'`,
    ),
  ).toBe(1);
});

test('an editor pastes names, decides the doubtful ones, and the public count changes', async ({ page }) => {
  await signIn(page, editor);
  await page.goto('/campaigns/leadership-letter');
  await expect(page.getByTestId('named-count')).toHaveText('0');

  await page.goto('/admin/add-signatures');
  await page.getByLabel('Campaign they signed').selectOption({ label: 'Letter calling for a leadership contest' });
  await page
    .getByLabel(/Names, one per line/)
    .fill('Dame Margaret Hodge\nMr Johnson\nZebedee Quuxley\nSir Keir Starmer');
  await page.getByRole('button', { name: 'Match names' }).click();
  const rows = page.getByTestId('match-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText('Exact match');
  await expect(rows.nth(1)).toContainText('Ambiguous: choose');
  await expect(rows.nth(2)).toContainText('No match');

  await chooseOption(page.locator('select[name="sourceId"]'), /Sky News/);
  await page.getByRole('button', { name: 'Save 4 lines' }).click();
  await expect(page.getByTestId('add-result')).toContainText('line 2, 3 still needs');
  await expect(rows.nth(1)).toHaveClass(/bg-red-50/);

  await chooseOption(page.getByLabel('Person for line 2, Mr Johnson'), /Diana R\. Johnson/);
  await page.getByLabel('Person for line 3, Zebedee Quuxley').selectOption('new');
  await page.getByRole('button', { name: 'Save 4 lines' }).click();
  await expect(page.getByTestId('add-result')).toHaveText('4 signatures added.');

  await page.goto('/campaigns/leadership-letter');
  await expect(page.getByTestId('named-count')).toHaveText('4');
  await expect(page.getByTestId('signatory-table')).toContainText('Zebedee Quuxley');
  await expect(page.locator('#count').getByTestId('threshold')).toContainText('3 named: exactly the 3 needed');
});

test('two editors: the later save over a stale version is refused and shows what changed', async ({ browser }) => {
  const first = await newPage(browser, editor);
  const second = await newPage(browser, E2E_ADMIN);
  const id = await countOf(`SELECT id AS n FROM "Campaign" WHERE slug = 'leadership-letter'`);
  await first.goto(`/admin/campaigns/${id}`);
  await second.goto(`/admin/campaigns/${id}`);
  await first.getByLabel('Summary').fill('Summary from the first editor');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.getByText('Saved.', { exact: true })).toBeVisible();

  await second.getByLabel('Summary').fill('Summary from the second editor');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    second.getByRole('alert').filter({ hasText: 'Someone else saved this record while you were editing it' }),
  ).toBeVisible();
  await expect(second.getByTestId('conflict-changes')).toContainText('Summary from the first editor');
  await expect(second.getByLabel('Summary')).toHaveValue('Summary from the second editor');
  const rows = await queryApp<{ summary: string }>(`SELECT summary FROM "Campaign" WHERE id = $1`, [id]);
  expect(rows).toEqual([{ summary: 'Summary from the first editor' }]);
  const audit = await countOf(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE entity = 'campaign' AND "entityId" = '${id}'`,
  );
  expect(audit).toBe(2); // created, then one update: the refused save wrote nothing
});

test('a viewer sees the admin pages but can change nothing', async ({ page }) => {
  await signIn(page, viewer);
  await page.goto('/admin/campaigns');
  await expect(page.getByRole('link', { name: 'New campaign' })).toHaveCount(0);
  await page.getByRole('link', { name: /View Letter calling/ }).click();
  await expect(page.getByLabel('Title')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await page.goto('/admin/campaigns/new');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await page.goto('/admin/add-signatures');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-table')).toContainText('create campaign');
  await expectNoSeriousA11yViolations(page);
});

test('deleting a campaign with signatures is refused, then done with them only when the editor ticks the box', async ({
  page,
}) => {
  await signIn(page, editor);
  await page.goto('/admin/campaigns');
  await page.getByRole('link', { name: 'Letter calling for a leadership contest' }).click();
  await page.getByText('Delete this campaign…').click();
  await page.getByRole('button', { name: 'Yes, delete this campaign' }).click();
  await expect(page.locator('details').getByRole('alert')).toContainText(
    'cannot be deleted on its own: 4 signatures refer to it',
  );
  const signatures = `SELECT count(*)::int AS n FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'leadership-letter'`;
  expect(await countOf(signatures)).toBe(4);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Also delete the 4 signatures that refer to this campaign').check();
  await page.getByRole('button', { name: 'Yes, delete this campaign' }).click();
  await expect(page).toHaveURL(/\/admin\/campaigns\?deleted=1/);
  expect(await countOf(signatures)).toBe(0);
  expect(await countOf(`SELECT count(*)::int AS n FROM "Campaign" WHERE slug = 'leadership-letter'`)).toBe(0);
  expect(
    await countOf(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'delete' AND entity = 'signature'`),
  ).toBe(4);
});

test('signing out ends the session', async ({ page, context }) => {
  await signIn(page, viewer);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('better-auth.session_token'))!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' }); // Secure is added over https (BETTER_AUTH_URL)
  const before = await countOf(`SELECT count(*)::int AS n FROM "session"`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  expect(await countOf(`SELECT count(*)::int AS n FROM "session"`)).toBe(before - 1);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login/);
});
