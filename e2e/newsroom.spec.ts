// Reach into newsrooms: embeds framed by another site (and nothing else framable), share images
// that follow the data, Atom feeds linked from the pages, and the embed and citation to copy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { queryApp } from './support';

/**
 * Another site framing this app: a real server of its own on another port of 127.0.0.1 (another
 * origin, and not the same site as localhost). It has to be a real local server: Chromium refuses
 * to let a page it considers public (one made up by the test) frame a loopback address.
 */
let newsroom: Server;
let pageBody = '';
test.beforeAll(async () => {
  newsroom = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pageBody),
  );
  await new Promise<void>((resolve) => newsroom.listen(0, '127.0.0.1', resolve));
});
test.afterAll(() => new Promise<void>((resolve) => newsroom.close(() => resolve())));

/** The newsroom's article framing `frames` (paths of this app), with the sizing script. */
async function articleFraming(page: Page, baseURL: string, frames: Record<string, string>) {
  pageBody = `<!doctype html><html><body><h1>An article</h1>${Object.entries(frames)
    .map(
      ([id, path]) =>
        `<iframe id="${id}" data-whipcount src="${baseURL}${path}" style="width:600px;height:150px;border:0"></iframe>`,
    )
    .join('')}<script async src="${baseURL}/embed.js"></script></body></html>`;
  const errors: string[] = [];
  page.on(
    'console',
    (m) => m.type() === 'error' && !/frame-ancestors|Refused to display/.test(m.text()) && errors.push(m.text()),
  );
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${(newsroom.address() as AddressInfo).port}/article`);
  return errors;
}

test.describe('newsrooms', () => {
  test('an embed framed by another site renders its numbers and reports its height @phone', async ({
    page,
    baseURL,
  }) => {
    const errors = await articleFraming(page, baseURL!, {
      count: '/embed/campaigns/plp-motion',
      whip: '/embed/campaigns/plp-motion/stages/2?theme=dark',
    });
    const count = page.frameLocator('#count');
    const [{ named }] = (await queryApp<{ named: number }>(
      `SELECT count(*)::int AS named FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'plp-motion' AND s."withdrawnOn" IS NULL`,
    )) as [{ named: number }];
    await expect(count.getByTestId('embed-named')).toHaveText(String(named));
    await expect(count.getByTestId('embed-credit')).toContainText('Data: Whipcount, source');
    // No site navigation inside the frame.
    await expect(count.getByRole('navigation')).toHaveCount(0);
    // The host's script set the frame's height from the embed's report, and it fits the content.
    await expect(page.locator('#count')).toHaveAttribute('data-whipcount-height', /^\d+$/);
    const reported = Number(await page.locator('#count').getAttribute('data-whipcount-height'));
    const content = await count.locator('.embed').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    expect(Math.abs(reported - content)).toBeLessThanOrEqual(2);
    expect((await page.locator('#count').boundingBox())!.height).toBeCloseTo(reported, 0);
    // The whip count's embed, dark.
    const whip = page.frameLocator('#whip');
    await expect(whip.getByTestId('embed-stands')).toContainText('Not known');
    await expect(whip.getByTestId('embed')).toHaveAttribute('data-theme', 'dark');
    await expect(whip.locator('svg[data-chart]')).toBeVisible();
    await expect(page.locator('#whip')).toHaveAttribute('data-whipcount-height', /^\d+$/);
    expect(errors).toEqual([]);
  });

  test('an embed reads without JavaScript', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseURL}/embed/campaigns/plp-motion`);
    await expect(page.getByTestId('embed-named')).toHaveText(/^\d+$/);
    await expect(page.getByTestId('embed-gap')).toContainText('named');
    await context.close();
  });

  test('embeds are accessible', async ({ page }) => {
    for (const path of ['/embed/campaigns/plp-motion', '/embed/campaigns/plp-motion/stages/2?theme=dark']) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
    }
  });

  test('on the dark embed every position in the hemicycle stands out from the background (3:1)', async ({ page }) => {
    await page.goto('/embed/campaigns/plp-motion/stages/2?theme=dark');
    // axe checks text, not graphics: the seats' fills are measured here, one seat of each position
    // drawn (their classes), against the embed's background (WCAG 1.4.11).
    const contrasts = await page.evaluate(() => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) =>
        [r!, g!, b!]
          .map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
          .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const background = lum(rgb(getComputedStyle(document.querySelector('.embed')!).backgroundColor));
      const seen: Record<string, number> = {};
      const seats = document.querySelectorAll('svg circle');
      const classes = ['FOR', 'LEANING_FOR', 'UNDECIDED', 'UNKNOWN', 'LEANING_AGAINST', 'AGAINST', 'WILL_NOT_VOTE'];
      // Every class, drawn or not: a probe seat of each inside the same SVG.
      const svg = seats[0]!.closest('svg')!;
      for (const c of classes) {
        const probe = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
        probe.setAttribute('class', c);
        svg.querySelector('g')!.appendChild(probe);
        const l = lum(rgb(getComputedStyle(probe).fill));
        seen[c] = (Math.max(l, background) + 0.05) / (Math.min(l, background) + 0.05);
        probe.remove();
      }
      return seen;
    });
    for (const [stand, ratio] of Object.entries(contrasts)) expect(ratio, stand).toBeGreaterThanOrEqual(3);
  });

  test('only embeds may be framed; an unknown embed frames cleanly as not found', async ({
    page,
    baseURL,
    request,
  }) => {
    await articleFraming(page, baseURL!, {
      page: '/campaigns/plp-motion',
      missing: '/embed/campaigns/no-such-campaign',
    });
    await expect(page.frameLocator('#missing').getByText('This count is not on Whipcount')).toBeVisible();
    // The campaign page itself was refused: nothing of it is in the frame.
    await page.waitForTimeout(500);
    const framed = page.frames().find((f) => f.url().endsWith('/campaigns/plp-motion'));
    expect(framed ? await framed.locator('h1').count() : 0).toBe(0);
    for (const path of ['/', '/campaigns/plp-motion', '/people', '/admin', '/login']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(response.headers()['x-frame-options'], path).toBe('DENY');
    }
    const embed = await request.get('/embed/campaigns/no-such-campaign');
    expect(embed.status()).toBe(404);
    expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers()['x-frame-options']).toBeUndefined();
  });

  test('the share image is a 1200×630 PNG that changes with a new signature, and so does its URL', async ({
    page,
    request,
  }) => {
    await page.goto('/campaigns/watson-letter');
    const url = await page.locator('meta[property="og:image"]').getAttribute('content');
    // The URL carries the data version: a social network keeps one image per URL.
    expect(url).toMatch(/\/campaigns\/watson-letter\/share\.png\?v=\d+-\d{8}$/);
    await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', url!);
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    const png = async () => {
      const response = await request.get(new URL(url!).pathname + new URL(url!).search);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      return response.body();
    };
    const before = await png();
    expect(before.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([before.readUInt32BE(16), before.readUInt32BE(20)]).toEqual([1200, 630]);
    const [added] = await queryApp<{ id: number }>(
      `INSERT INTO "Signature" ("campaignId", "personId", "sourceId", confidence, "updatedAt")
       SELECT c.id, p.id, c."sourceId", 'REPORTED', now() FROM "Campaign" c, "Person" p
       WHERE c.slug = 'watson-letter' AND p.house = 'COMMONS' AND p.party = 'Labour'
         AND p.id NOT IN (SELECT "personId" FROM "Signature" WHERE "campaignId" = c.id)
       ORDER BY p.id LIMIT 1 RETURNING id`,
    );
    try {
      // Shared caches keep it for a few seconds (WHIPCOUNT_PAGE_CACHE_SECONDS); then it is drawn anew.
      await expect
        .poll(async () => Buffer.compare(await png(), before) !== 0, { timeout: 15_000, intervals: [500, 1000, 2000] })
        .toBe(true);
      const shared = async () => {
        await page.goto('/campaigns/watson-letter');
        return page.locator('meta[property="og:image"]').getAttribute('content');
      };
      await expect.poll(shared, { timeout: 15_000, intervals: [500, 1000, 2000] }).not.toBe(url);
    } finally {
      await queryApp(`DELETE FROM "Signature" WHERE id = $1`, [added!.id]);
    }
    for (const path of ['/people/margaret-hodge', '/campaigns/plp-motion/stages/2']) {
      await page.goto(path);
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(new URL(image!).pathname).toBe(`${path}/share.png`);
      const response = await request.get(new URL(image!).pathname + new URL(image!).search);
      expect(response.headers()['content-type'], path).toBe('image/png');
    }
  });

  test('pages link their Atom feed, which parses', async ({ page, request }) => {
    await page.goto('/campaigns/plp-motion');
    const href = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(new URL(href!).pathname).toBe('/campaigns/plp-motion/feed.xml');
    for (const path of [new URL(href!).pathname, '/feed.xml']) {
      const response = await request.get(path);
      expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/);
      const xml = await response.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(new XMLParser().parse(xml).feed.title).toBeTruthy();
    }
    expect((await request.get('/campaigns/no-such-campaign/feed.xml')).status()).toBe(404);
  });

  test('a campaign page offers the embed code and a citation to copy', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/campaigns/plp-motion');
    await page.getByText('Embed this').click();
    const code = await page.getByLabel('Embed code').inputValue();
    expect(code).toContain(`<iframe data-whipcount src="${baseURL}/embed/campaigns/plp-motion"`);
    expect(code).toContain(`<script async src="${baseURL}/embed.js"></script>`);
    await page.getByText('Cite this').click();
    const citation = await page.getByLabel('Citation').inputValue();
    expect(citation).toContain(`${baseURL}/campaigns/plp-motion`);
    expect(citation).toMatch(/\(retrieved \d{1,2} \w+ \d{4}\)\.$/);
    await page.getByTestId('share-panel').getByRole('button', { name: 'Copy' }).last().click();
    await expect(page.getByTestId('share-panel').getByRole('status').last()).toHaveText('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(citation);
  });
});
