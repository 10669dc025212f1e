import { expect, test } from '@playwright/test';
import { queryApp } from './support';

// A name stored with markup in it (tests/hostile.test.ts stores such names through the forms)
// must show as text on every public page, never run.
test('names that look like markup render as text, and nothing runs', async ({ page }) => {
  const name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const [{ id }] = (await queryApp<{ id: number }>(
    `INSERT INTO "Person" (slug, name, "sortName", house, "sourceId", "updatedAt")
     VALUES ('markup-person', $1, 'Markup', 'COMMONS', (SELECT min(id) FROM "Source"), now())
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [name],
  )) as [{ id: number }];
  expect(id).toBeGreaterThan(0);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  for (const path of ['/people/markup-person', '/people?q=pwned']) {
    await page.goto(path);
    await expect(page.getByText(name).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }
  expect(dialogs).toBe(0);
});
