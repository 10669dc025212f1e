// Every download on a page, checked against what the page shows (issue 24: "what you download is
// what you see"). `walkDownloads` finds each CSV link and each chart on the page by itself and
// runs the check written for that kind of file; a download with no check fails the walk, so a
// new download cannot go unchecked.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { unzip } from '../tests/support/unzip';

type Row = Record<string, string>;

interface Found {
  page: Page;
  /** The link's own section of the page (or the page's main), where the data it downloads is shown. */
  near: Locator;
  rows: Row[];
  url: URL;
  request: APIRequestContext;
}

const number = (text: string) => Number(text.replace(/[^\d]/g, ''));

async function csvAt(request: APIRequestContext, url: string): Promise<{ text: string; rows: Row[] }> {
  const answer = await request.get(url);
  expect(answer.status(), url).toBe(200);
  expect(answer.headers()['content-type'], url).toMatch(/^text\/csv/);
  const text = await answer.text();
  return { text, rows: parse(text, { columns: true, bom: true }) };
}

/** The names in the first column of a table's rows, as shown (a badge such as "lead" left out). */
const shownNames = (table: Locator) =>
  table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const cell = r.querySelector('td, th');
      return (cell?.querySelector('a') ?? cell)?.firstChild?.textContent?.trim() ?? '';
    }),
  );

/** The total a paginated table states: "Showing 1–50 of 140", "Members 1–50 of 256", "654 people". */
async function statedTotal(near: Locator): Promise<number> {
  const text = await near.innerText();
  const match = /\b([\d,]+) people\b/.exec(text) ?? /\bof ([\d,]+)\b/.exec(text);
  expect(match, `a stated total in: ${text.slice(0, 300)}`).not.toBeNull();
  return number(match![1]!);
}

/** The rows of a file equal the table as shown: the same names in the same order, and as many as the page says. */
async function tableEqualsFile({ page, near, rows, url }: Found, nameColumn: string) {
  const shown = await shownNames(near.locator('table').first());
  if (shown.length === 0) {
    // An empty table (a body with no members on the day): an empty file, its header only.
    expect(rows, `${page.url()}: ${url.pathname} of an empty table`).toEqual([]);
    return;
  }
  expect(
    rows.slice(0, shown.length).map((r) => r[nameColumn]),
    'the first rows of the file are the rows shown',
  ).toEqual(shown);
  expect(rows.length, 'the file holds every row the page counts').toBe(await statedTotal(near));
}

/** The campaign cards of the overview, by slug. */
async function cards(page: Page): Promise<Map<string, Locator>> {
  const found = new Map<string, Locator>();
  for (const id of await page.locator('h2[id^="campaign-"]').evaluateAll((hs) => hs.map((h) => h.id)))
    found.set(id.replace('campaign-', ''), page.locator('article').filter({ has: page.locator(`#${id}`) }));
  expect(found.size, 'the overview shows campaigns').toBeGreaterThan(0);
  return found;
}

const campaignOfPage = (page: Page) => /^\/campaigns\/([^/]+)/.exec(new URL(page.url()).pathname)?.[1];

/** How to check each kind of CSV against the page that links to it, by the file's name. */
const CHECKS: Record<string, (found: Found) => Promise<void>> = {
  async signatures(found) {
    const slug = found.url.searchParams.get('campaign');
    if (slug) return tableEqualsFile(found, 'name');
    // The overview: each campaign's named count is its standing signatures in the file.
    for (const [card, box] of await cards(found.page)) {
      const standing = found.rows.filter((r) => r.campaign === card && !r.withdrawn_on).length;
      expect(number(await box.getByTestId('named-count').innerText()), `${card}: named`).toBe(standing);
    }
  },
  async tallies({ page, rows }) {
    for (const [card, box] of await cards(page)) {
      const latest = rows.filter((r) => r.campaign === card).at(-1);
      const shown = await box.getByTestId('reported-count').innerText();
      if (!latest) expect(shown, `${card}: no tally`).toBe('—');
      else expect(number(shown), `${card}: latest reported count`).toBe(Number(latest.count));
    }
  },
  async thresholds({ page, rows }) {
    for (const [card, box] of await cards(page)) {
      const listed = await box.getByTestId('threshold').allInnerTexts();
      const inFile = rows.filter((r) => r.campaign === card);
      expect(listed.length, `${card}: thresholds`).toBe(inFile.length);
      inFile.forEach((r, i) => {
        expect(listed[i], `${card}: threshold ${i + 1}`).toContain(r.label);
        if (r.value) expect(listed[i], `${card}: threshold ${i + 1}'s value`).toMatch(new RegExp(`\\b${r.value}\\b`));
      });
    }
  },
  async stages({ page, near, rows }) {
    const slug = campaignOfPage(page)!;
    const listed = await near.getByTestId('stage').allInnerTexts();
    const inFile = rows.filter((r) => r.campaign === slug);
    expect(listed.length, 'the stages shown are the campaign’s stages in the file').toBe(inFile.length);
    inFile.forEach((r, i) => expect(listed[i]).toContain(r.name));
  },
  members: (found) => tableEqualsFile(found, 'name'),
  async positions({ near, rows }) {
    // Everyone the table shows with a position has it as the latest row of their history, derived
    // (from a signature) where the page says so.
    const shown = await near
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll('td, th')].map((c) => (c as HTMLElement).innerText.trim());
          return {
            name: tr.querySelector('a')?.textContent?.trim() ?? '',
            stand: cells[2] ?? '',
            evidence: cells[4] ?? '',
          };
        }),
      );
    for (const m of shown.filter((s) => !/^Not known/.test(s.stand))) {
      const latest = rows.filter((r) => r.name === m.name).at(-1);
      expect(latest, `${m.name} has a history`).toBeDefined();
      expect(latest!.position!.replace('_', ' ').toLowerCase(), m.name).toBe(m.stand.toLowerCase());
      expect(latest!.derived === 'true', `${m.name}: derived`).toBe(m.evidence.includes('(derived)'));
    }
  },
  people: (found) => tableEqualsFile(found, 'name'),
  async roles({ request, rows }) {
    // The people file lists each person's roles: the same roles, in the same order.
    const people = (await csvAt(request, '/api/export/people.csv')).rows;
    const bySlug = new Map(people.map((p) => [p.slug, p.roles]));
    const grouped = new Map<string, string[]>();
    for (const r of rows)
      grouped.set(r.person!, [
        ...(grouped.get(r.person!) ?? []),
        r.title + (r.organisation ? ` (${r.organisation})` : ''),
      ]);
    expect(grouped.size, 'the roles file has roles').toBeGreaterThan(0);
    for (const [slug, titles] of grouped) expect(bySlug.get(slug), slug).toBe(titles.join(' | '));
  },
  async polls({ near, rows }) {
    const table = near.locator('table').first();
    expect(await shownNames(table)).toEqual(rows.map((r) => r.subject_name));
    const net = await table.getByTestId('net').allInnerTexts();
    expect(net.map((n) => Number(n.replace('−', '-')))).toEqual(rows.map((r) => Number(r.net)));
  },
  async ballots({ page, rows }) {
    // The ballots are the division's totals as the page leads with them: ayes and noes (tellers apart), and the tellers.
    const totals = await page.getByTestId('division-totals').innerText();
    const total = (label: string) => number(new RegExp(`${label}\\s+([\\d,]+)`, 'i').exec(totals)?.[1] ?? 'NaN');
    const counted = (vote: string) => rows.filter((r) => r.vote === vote && r.teller !== 'true').length;
    expect(counted('aye'), 'ayes').toBe(total('Ayes'));
    expect(counted('no'), 'noes').toBe(total('Noes'));
    expect(
      rows.every((r) => r.vote === 'aye' || r.vote === 'no'),
      'only ballots',
    ).toBe(true);
  },
  async rebels({ near, rows }) {
    // The rebels listed, party by party, are the file's rows, as many as the heading says.
    const listed = await near.locator('li a').allInnerTexts();
    expect([...listed].sort()).toEqual(rows.map((r) => r.name).sort());
    expect(rows.length).toBe(number((await near.getByRole('heading').first().innerText()).replace(/^\D+/, '')));
  },
};

/** The single files the overview offers, and the archive's table each one's rows come from. */
const ARCHIVED_AS: Record<string, string> = { signatures: 'Signature', tallies: 'Tally', thresholds: 'Threshold' };

/** The chart's downloaded SVG is the chart: its legend, a source line, as wide as drawn on the page. */
async function checkChart(page: Page, figure: Locator) {
  const chart = figure.locator('.recharts-wrapper > svg, svg[data-chart]').first();
  await expect(chart).toBeAttached({ timeout: 20_000 });
  const download = page.waitForEvent('download');
  await figure.getByRole('button', { name: 'SVG' }).click();
  const file = await download;
  const svg = (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
  const text = await svg;
  const width = Number(/<svg\b[^>]*\bwidth="([\d.]+)"/.exec(text)![1]);
  expect(width, file.suggestedFilename()).toBeGreaterThanOrEqual(Math.floor((await chart.boundingBox())!.width));
  for (const item of await figure.locator('.recharts-legend-item').allInnerTexts())
    expect(text, `${file.suggestedFilename()}: the key's “${item}”`).toContain(`>${item.trim()}<`);
  // The file's own lines (outside the chart's drawing), joined as wrapped.
  const lines = [
    ...text.replace(/<svg class="recharts-surface"[\s\S]*?<\/svg>/, '').matchAll(/<text\b[^>]*>([^<]*)<\/text>/g),
  ]
    .map((m) => m[1])
    .join(' ');
  expect(lines, file.suggestedFilename()).toMatch(/Source: Whipcount, http:\/\/\S+ · as of \d{1,2} \w+ \d{4}$/);
}

/**
 * Checks every download the page offers against the page: each CSV (and its Excel form, the same
 * rows), the ZIP (the same files as the single downloads) and each chart. Returns what it walked.
 */
export async function walkDownloads(page: Page, request: APIRequestContext): Promise<string[]> {
  const walked: string[] = [];
  const links = await page
    .locator('a[download]')
    .evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent ?? '', section: a.closest('section')?.id })),
    );
  const singles = new Map<string, string>();
  for (const link of links) {
    const url = new URL(link.href, page.url());
    if (url.searchParams.get('excel') === '1') continue; // checked with its plain twin
    const name = /([^/]+)\.(csv|zip)$/.exec(url.pathname)?.[1] ?? url.pathname;
    if (url.pathname.endsWith('.zip')) continue; // after the single files
    const check = CHECKS[name];
    expect(check, `${page.url()}: a check for the download “${link.text}” (${name})`).toBeDefined();
    const { text, rows } = await csvAt(request, link.href);
    singles.set(name, text);
    const near = page.locator(link.section ? `section#${link.section}` : 'main');
    await check!({ page, near, rows, url, request });
    const excel = new URL(url);
    excel.searchParams.set('excel', '1');
    expect((await csvAt(request, excel.pathname + excel.search)).rows, `${name}: for Excel, the same rows`).toEqual(
      rows,
    );
    walked.push(url.pathname + url.search);
  }
  for (const link of links.filter((l) => new URL(l.href, page.url()).pathname.endsWith('.zip'))) {
    const answer = await request.get(link.href);
    expect(answer.status()).toBe(200);
    // The archive's tables hold the same rows as the page's single files, and as many as its manifest says.
    const files = await unzip(await answer.body());
    const manifest = JSON.parse(files.get('manifest.json')!) as { tables: { file: string; rows: number }[] };
    for (const { file, rows } of manifest.tables)
      expect(parse(files.get(file)!, { columns: true, bom: true }).length, `${file} in the ZIP`).toBe(rows);
    for (const [single, table] of Object.entries(ARCHIVED_AS)) {
      const text = singles.get(single);
      if (text === undefined) continue;
      expect(
        manifest.tables.find((t) => t.file === `${table}.csv`)?.rows,
        `${table}.csv in the ZIP has the rows of ${single}.csv`,
      ).toBe(parse(text, { columns: true, bom: true }).length);
    }
    walked.push(link.href);
  }
  for (const figure of await page
    .locator('figure')
    .filter({ has: page.getByRole('button', { name: 'SVG' }) })
    .all()) {
    await checkChart(page, figure);
    walked.push(`chart #${await figure.locator('[id]').first().getAttribute('id')}`);
  }
  return walked;
}
