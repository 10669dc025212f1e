// Every server action, enumerated from the build so that a new one cannot be missed, refuses a
// request from a foreign origin and changes nothing. The data-access layer's own refusals (no
// session, viewer) are covered action by action in tests/admin.test.ts and tests/auth.test.ts.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { E2E_ADMIN } from '../playwright.config';
import { countOf } from './support';

const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
  node: Record<string, { exportedName: string; filename: string }>;
};
const actions = Object.entries(manifest.node);

test('the build has the server actions we expect to guard', () => {
  expect(actions.map(([, a]) => a.exportedName).sort()).toEqual(
    [
      'createUserAction',
      'deleteEntityAction',
      'loginAction',
      'logoutAction',
      'officialDivisionsAction',
      'pasteFlowAction',
      'runImportAction',
      'discardImportAction',
      'saveEntityAction',
      'uploadImportAction',
      'userRoleAction',
      'whipCountAction',
      'changePasswordAction',
    ].sort(),
  );
});

test('every server action refuses a foreign Origin and the database is unchanged', async ({ request }) => {
  const before = await countOf(
    'SELECT ((SELECT count(*) FROM "AuditEvent") + (SELECT count(*) FROM "session") + (SELECT count(*) FROM "ImportJob"))::int AS n',
  );
  for (const [id, action] of actions) {
    const response = await request.post('/login', {
      headers: { 'Next-Action': id, Origin: 'http://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' },
      data: '[]',
      maxRedirects: 0,
    });
    expect(response.status(), action.exportedName).toBe(403);
  }
  expect(
    await countOf(
      'SELECT ((SELECT count(*) FROM "AuditEvent") + (SELECT count(*) FROM "session") + (SELECT count(*) FROM "ImportJob"))::int AS n',
    ),
  ).toBe(before);
});

test('requests carrying x-middleware-subrequest are refused', async ({ request }) => {
  for (const path of ['/admin', '/admin/users', '/api/export/audit.csv']) {
    const response = await request.get(path, {
      headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBe(403);
  }
});

test('private exports need a session; responses carry the security headers', async ({ request }) => {
  const audit = await request.get('/api/export/audit.csv');
  expect(audit.status()).toBe(401);
  const page = await request.get('/');
  const headers = page.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('methods no address takes get 405 with Allow; OPTIONS 204; validators belong to their address (issue 23)', async ({
  request,
}) => {
  for (const [method, path] of [
    ['TRACE', '/'],
    ['PUT', '/campaigns/plp-motion'],
    ['DELETE', '/campaigns/plp-motion'],
    ['PATCH', '/api/v1/campaigns'],
  ] as const) {
    const answer = await request.fetch(path, { method });
    expect(answer.status(), `${method} ${path}`).toBe(405);
    expect(answer.headers()['allow']).toBe('GET, HEAD, POST');
  }
  expect((await request.fetch('/campaigns', { method: 'OPTIONS' })).status()).toBe(204);
  // A page's validator is not another address's, and "*" is no shortcut past routing.
  const page = await request.get('/campaigns/plp-motion');
  const etag = page.headers()['etag']!;
  expect(etag).toBeTruthy();
  expect((await request.get('/campaigns/plp-motion', { headers: { 'if-none-match': etag } })).status()).toBe(304);
  expect((await request.get('/campaigns/watson-letter', { headers: { 'if-none-match': etag } })).status()).toBe(200);
  expect((await request.get('/campaigns/no-such-campaign', { headers: { 'if-none-match': '*' } })).status()).toBe(404);
  // A HEAD of an export answers its headers and holds nothing: many in a row, then a download.
  for (let i = 0; i < 6; i++) expect((await request.head('/api/export/signatures.csv')).status()).toBe(200);
  const csv = await request.get('/api/export/people.csv');
  expect(csv.status()).toBe(200);
});

test('pages and downloads are compressed once, as the client accepts, and say so (issue 26)', async ({ request }) => {
  // The app server compresses (decision 029), Next.js does not: an answer compressed by neither, or
  // by both, would pass a test that only read the text.
  for (const path of ['/campaigns/plp-motion', '/api/v1/campaigns', '/api/export/signatures.csv']) {
    const plain = await request.get(path, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status(), path).toBe(200);
    expect(plain.headers()['content-encoding'], path).toBeUndefined();
    const text = await plain.text();
    for (const encoding of ['gzip', 'deflate']) {
      const answer = await request.get(path, { headers: { 'accept-encoding': encoding } });
      expect(answer.headers()['content-encoding'], `${path} ${encoding}`).toBe(encoding);
      expect(answer.headers()['vary'], `${path} ${encoding}`).toMatch(/Accept-Encoding/i);
      // The client takes one layer off: what is left is the same answer (a page's differs only in
      // its nonce, after the doctype).
      const body = await answer.text();
      if (path.startsWith('/api/')) expect(body, `${path} ${encoding}`).toBe(text);
      else expect(body.slice(0, 15), `${path} ${encoding}`).toBe('<!DOCTYPE html>');
    }
  }
});

// Issue 23 §7: scripts run only with the nonce made for the answer; nothing on the site breaks the policy.
const PAGES_UNDER_CSP = [
  '/',
  '/campaigns/plp-motion',
  '/campaigns/plp-motion/stages/2',
  '/divisions/commons/2019-01-08/287',
  '/people',
  '/search?q=watson',
  '/embed/campaigns/plp-motion',
  '/no-such-page',
];

test('every script of a page carries the nonce of its answer, a new one each time', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of PAGES_UNDER_CSP) {
    const answer = await request.get(path);
    const policy = answer.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    nonces.add(nonce!);
    const scripts = [...(await answer.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBeGreaterThan(1);
});

/**
 * Watches the page for Content-Security-Policy violations; `check` waits until Next.js's own
 * script has run (it is blocked by a policy that refuses it) and returns every violation seen,
 * and a complaint if the inline scripts (which define __next_f) or Next.js's did not run.
 */
async function watchPolicy(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => {
    await page.waitForFunction(() => 'next' in window, undefined, { timeout: 15_000 }).catch(() => {});
    return page.evaluate(() => {
      const w = window as unknown as { cspViolations: string[]; __next_f?: unknown; next?: unknown };
      return [...w.cspViolations, ...(w.__next_f && w.next ? [] : ["the page's scripts did not run"])];
    });
  };
}

// One test a page: each has its own time, and a failure names its page.
for (const path of PAGES_UNDER_CSP) {
  test(`${path} loads and runs with no Content-Security-Policy violation`, async ({ page }) => {
    const violations = await watchPolicy(page);
    await page.goto(path);
    expect(await violations()).toEqual([]);
  });
}

test('the admin pages load and run with no Content-Security-Policy violation', async ({ page }) => {
  const violations = await watchPolicy(page);
  await page.goto('/admin');
  await page.getByLabel('E-mail address').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  for (const path of ['/admin', '/admin/campaigns', '/admin/imports', '/admin/add-signatures']) {
    await page.goto(path);
    expect(await violations(), path).toEqual([]);
  }
});
