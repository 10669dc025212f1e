// Atom feeds of what changed: valid Atom 1.0 (parsed, not string-matched), an entry for a new
// signature with its source, a tally, a threshold crossed, per campaign and site-wide; never who
// made the change; unknown campaigns 404.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as campaignFeed } from '../app/(site)/campaigns/[slug]/feed.xml/route';
import { GET as siteFeed } from '../app/feed.xml/route';
import { addSignatures } from '../lib/admin/add-signatures';
import { saveRecord } from '../lib/admin/store';
import { signedInAs, type TestUser } from './support/auth';
import { useDatabase } from './support/database';

let client: pg.Client;
let editor: TestUser;
let plpId: number;
let sourceId: number;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

type Text = string | { '#text': string };
type RawEntry = {
  id: string;
  title: Text;
  updated: string;
  link: { '@_href': string } | { '@_href': string }[];
  summary?: Text;
  content?: Text;
};
type AtomEntry = Omit<RawEntry, 'title' | 'content'> & { title: string; content: string };
const text = (t: Text | undefined) => (t === undefined ? '' : typeof t === 'string' ? t : t['#text']);
type Atom = {
  feed: {
    '@_xmlns': string;
    id: string;
    title: string;
    updated: string;
    author: { name: string };
    link: { '@_rel': string; '@_href': string }[];
    entry?: RawEntry | RawEntry[];
  };
};

/** The feed parsed as XML, with the checks RFC 4287 makes of every feed and entry. */
async function atom(response: Response): Promise<{ feed: Atom['feed']; entries: AtomEntry[]; xml: string }> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = new XMLParser({ ignoreAttributes: false }).parse(xml) as Atom;
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(feed.id).toBeTruthy();
  expect(feed.title).toBeTruthy();
  expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
  expect(feed.author.name).toBe('Whipcount');
  expect(feed.link.some((l) => l['@_rel'] === 'self')).toBe(true);
  const entries = (feed.entry === undefined ? [] : [feed.entry].flat()).map((e) => ({
    ...e,
    title: text(e.title),
    content: text(e.content),
  }));
  for (const entry of entries) {
    expect(entry.id).toMatch(/^urn:whipcount:/);
    expect(entry.title).toBeTruthy();
    expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
  }
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  return { feed, entries, xml };
}

const feedOf = (slug: string) =>
  campaignFeed(new Request(`http://localhost/campaigns/${slug}/feed.xml`), { params: Promise.resolve({ slug }) });

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  editor = await signedInAs('editor');
  plpId = (await client.query(`SELECT id FROM "Campaign" WHERE slug = 'plp-motion'`)).rows[0].id;
  sourceId = (await client.query(`SELECT id FROM "Source" WHERE key = 'sky-2019-06-28-williamson'`)).rows[0].id;
  return () => client.end();
});

describe('feeds', () => {
  it('carry a fresh install’s dated facts, each dated by when it happened (issue 24)', async () => {
    const { entries } = await atom(await siteFeed());
    expect(entries.length).toBeGreaterThan(10);
    // Every dated fact the seed holds is dated by its own day, never by when the seed ran.
    const newest = (
      await client.query(`SELECT greatest(
        (SELECT max(coalesce(sig."signedOn", src."publishedAt"::date)) FROM "Signature" sig JOIN "Source" src ON src.id = sig."sourceId"),
        (SELECT max("asOf") FROM "Tally"), (SELECT max("statedOn") FROM "Position"),
        (SELECT max(coalesce(st."saidOn", src."publishedAt"::date)) FROM "Statement" st JOIN "Source" src ON src.id = st."sourceId"),
        (SELECT max(coalesce(c."openedOn", src."publishedAt"::date)) FROM "Campaign" c JOIN "Source" src ON src.id = c."sourceId"), (SELECT max("heldOn") FROM "Division"))::text AS day`)
    ).rows[0].day as string;
    expect(entries[0]!.updated.slice(0, 10), `${entries[0]!.title} ${entries[0]!.id}`).toBe(newest);
    for (const e of entries) expect(e.updated.slice(0, 10) <= newest, e.title).toBe(true);
    const titles = entries.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining([expect.stringMatching(/ signed “/)]));
    // Both campaigns are in the site's feed; a campaign's feed is its own.
    const campaigns = (await client.query(`SELECT slug, title FROM "Campaign" ORDER BY id`)).rows as {
      slug: string;
      title: string;
    }[];
    expect(campaigns.length).toBeGreaterThan(1);
    for (const c of campaigns) {
      const own = await atom(await feedOf(c.slug));
      expect(own.entries.length, c.slug).toBeGreaterThan(0);
      const others = campaigns.filter((o) => o.slug !== c.slug);
      for (const e of own.entries)
        expect(
          others.some((o) => e.title.includes(`“${o.title}”`)),
          e.title,
        ).toBe(false);
    }
  });

  it('carry a new signature with its source, in the campaign’s feed and the site’s', async () => {
    const result = await addSignatures(
      {
        common: { campaignId: plpId, confidence: 'REPORTED', signedOn: '2019-07-01', sourceId },
        entries: [{ line: 1, name: 'Keir Starmer', choice: 'keir-starmer' }],
      },
      { headers: editor.headers },
    );
    expect(result).toMatchObject({ ok: true, added: 1 });
    for (const response of [await feedOf('plp-motion'), await siteFeed()]) {
      const { entries, xml } = await atom(response);
      const entry = entries.find((e) => e.title.startsWith('Keir Starmer signed'));
      expect(entry, xml).toBeDefined();
      expect(entry!.content).toContain('Sky News');
      expect([entry!.link].flat()[0]!['@_href']).toBe('http://localhost:3000/campaigns/plp-motion');
      // Never who made the change.
      expect(xml).not.toContain(editor.email);
    }
    // Another campaign's feed does not carry it.
    const { entries } = await atom(await feedOf('watson-letter'));
    expect(entries.some((e) => e.title.includes('Keir Starmer'))).toBe(false);
  });

  it('carry a reported tally and a threshold crossed', async () => {
    const tally = await saveRecord(
      'tallies',
      null,
      form({
        campaignId: String(plpId),
        asOf: '2019-07-02',
        qualifier: 'AT_LEAST',
        count: '70',
        confidence: 'REPORTED',
        sourceId: String(sourceId),
      }),
      { headers: editor.headers },
    );
    expect(tally.status, JSON.stringify(tally)).toBe('saved');
    const named = (
      await client.query(
        `SELECT count(*)::int AS n FROM "Signature" WHERE "campaignId" = $1 AND "withdrawnOn" IS NULL`,
        [plpId],
      )
    ).rows[0].n;
    const threshold = await saveRecord(
      'thresholds',
      null,
      form({
        campaignId: String(plpId),
        label: 'A test milestone',
        purpose: 'TARGET',
        absoluteValue: '1',
        sourceId: String(sourceId),
      }),
      { headers: editor.headers },
    );
    expect(threshold.status, JSON.stringify(threshold)).toBe('saved');
    expect(named).toBeGreaterThan(0);
    const { entries } = await atom(await feedOf('plp-motion'));
    expect(entries.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Reported: at least 70 for /),
        expect.stringMatching(/reached A test milestone \(1\)$/),
        // Adding a threshold is news too, dated when it was added.
        expect.stringMatching(/^New threshold for “.*”: A test milestone$/),
      ]),
    );
  });

  it('stay valid Atom, and carry text as text, whatever people and sources wrote (issue 23)', async () => {
    const source = await saveRecord(
      'sources',
      null,
      form({ publisher: 'A ]]> publisher', title: 'Title ]]> <b>bold</b> & more' }),
      { headers: editor.headers },
    );
    expect(source.status, JSON.stringify(source)).toBe('saved');
    const forged =
      ']]></summary></entry><entry><id>urn:evil</id><title>Fake</title><link href="https://evil.example/"/><updated>2030-01-01T00:00:00Z</updated></entry><entry><summary><![CDATA[';
    const statement = await saveRecord(
      'statements',
      null,
      form({
        speakerLabel: '<script>alert(1)</script> ]]>',
        subject: forged,
        quote: forged,
        stance: 'NEUTRAL',
        confidence: 'REPORTED',
        campaignId: String(plpId),
        sourceId: String((source as { id?: number }).id),
      }),
      { headers: editor.headers },
    );
    expect(statement.status, JSON.stringify(statement)).toBe('saved');
    for (const response of [await siteFeed(), await feedOf('plp-motion')]) {
      const { entries, xml } = await atom(response);
      expect(entries.map((e) => e.id)).not.toContain('urn:evil');
      expect(xml).not.toContain('href="https://evil.example/"');
      expect(xml).not.toContain('<script>');
      const entry = entries.find((e) => e.title.includes('urn:evil'));
      expect(entry, xml).toBeDefined();
      // The HTML content holds the text escaped as HTML; the summary is the text itself.
      expect(entry!.content).toContain('Title ]]&gt; &lt;b&gt;bold&lt;/b&gt; &amp; more');
      expect(text(entry!.summary)).toContain('Title ]]> <b>bold</b> & more');
    }
  });

  it('answer 404 for a campaign that does not exist', async () => {
    expect((await feedOf('no-such-campaign')).status).toBe(404);
    expect((await feedOf('../etc')).status).toBe(404);
  });
});
