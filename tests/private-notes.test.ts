// A private note is never published (issue 23 §9): not in any CSV export, the everything archive,
// the JSON API, the Atom feeds or search. The public note beside it is, which shows each place
// below really carries notes and so would carry a private one if it leaked.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { GET as exportFile } from '../app/api/export/[file]/route';
import { GET as campaign } from '../app/api/v1/campaigns/[slug]/route';
import { GET as stage } from '../app/api/v1/campaigns/[slug]/stages/[position]/route';
import { GET as signatures } from '../app/api/v1/campaigns/[slug]/signatures/route';
import { GET as campaigns } from '../app/api/v1/campaigns/route';
import { GET as divisions } from '../app/api/v1/divisions/route';
import { GET as people } from '../app/api/v1/people/route';
import { GET as polls } from '../app/api/v1/polls/route';
import { GET as search } from '../app/api/v1/search/route';
import { GET as siteFeed } from '../app/feed.xml/route';
import { GET as campaignFeed } from '../app/(site)/campaigns/[slug]/feed.xml/route';
import { ENTITIES, PRIVATE_NOTE_HELP, PUBLIC_NOTE_HELP } from '../lib/admin/entities';
import { NEVER_PUBLISHED_COLUMNS } from '../lib/archive';
import { EXPORTS } from '../lib/export';
import { useDatabase } from './support/database';

const TABLES_WITH_NOTES = ['Membership', 'Signature', 'DivisionWhip', 'Position', 'PositionRule', 'Poll'];

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  // Every record that has a note gets a marked public one and a marked private one.
  for (const table of TABLES_WITH_NOTES)
    await client.query(
      `UPDATE "${table}" SET note = 'PUBLICNOTE ' || coalesce(note, ''), "privateNote" = 'SECRETNOTE ' || id`,
    );
  return () => client.end();
});

const get = (url: string) => new Request(`http://localhost${url}`, { headers: { 'x-forwarded-for': '198.51.100.5' } });
const params = <T>(p: T) => ({ params: Promise.resolve(p) });

async function unzip(archive: Buffer): Promise<string> {
  const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true });
  let text = '';
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      void (async () => {
        for await (const chunk of await zip.openReadStreamPromise(entry)) text += String(chunk);
        zip.readEntry();
      })().catch(reject);
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return text;
}

describe('private notes', () => {
  it('exist beside the public note of every record kind that has one, each saying who reads it', async () => {
    const { rows } = await client.query<{ table: string }>(
      `SELECT table_name AS table FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'note' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table)).toEqual([...TABLES_WITH_NOTES].sort());
    for (const entity of ENTITIES.filter((e) => e.fields.some((f) => f.name === 'note'))) {
      expect(entity.fields.find((f) => f.name === 'note')!.help, entity.key).toBe(PUBLIC_NOTE_HELP);
      expect(entity.fields.find((f) => f.name === 'privateNote')?.help, entity.key).toBe(PRIVATE_NOTE_HELP);
    }
    expect(NEVER_PUBLISHED_COLUMNS).toContain('privateNote');
    // Each kind has marked rows, so that what follows is not vacuous.
    for (const table of TABLES_WITH_NOTES) {
      const { rows: n } = await client.query(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "privateNote" IS NOT NULL`,
      );
      if (['Signature', 'Membership', 'Poll'].includes(table)) expect(n[0].n, table).toBeGreaterThan(0);
    }
  });

  it('are in no CSV export and not in the everything archive, where public notes are', async () => {
    let published = '';
    for (const name of Object.keys(EXPORTS).filter((n) => n !== 'audit')) {
      const answer = await exportFile(get(`/api/export/${name}.csv`), params({ file: `${name}.csv` }));
      expect(answer.status, name).toBe(200);
      const text = await answer.text();
      expect(text, name).not.toContain('SECRETNOTE');
      published += text;
    }
    expect(published).toContain('PUBLICNOTE');
    const archive = await exportFile(get('/api/export/everything.zip'), params({ file: 'everything.zip' }));
    const files = await unzip(Buffer.from(await archive.arrayBuffer()));
    expect(files).toContain('PUBLICNOTE');
    expect(files).not.toContain('SECRETNOTE');
    expect(files).not.toContain('privateNote');
  });

  it('are not in the JSON API, the feeds or search', async () => {
    const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM "Campaign" ORDER BY id`);
    const answers: Response[] = [
      await campaigns(get('/api/v1/campaigns')),
      await people(get('/api/v1/people?per_page=1000')),
      await polls(get('/api/v1/polls')),
      await divisions(get('/api/v1/divisions')),
      await search(get('/api/v1/search?q=SECRETNOTE')),
      await siteFeed(),
    ];
    for (const { slug } of rows) {
      answers.push(await campaign(get(`/api/v1/campaigns/${slug}`), params({ slug })));
      answers.push(await signatures(get(`/api/v1/campaigns/${slug}/signatures`), params({ slug })));
      answers.push(await campaignFeed(get(`/campaigns/${slug}/feed.xml`), params({ slug })));
      for (const position of ['1', '2', '3'])
        answers.push(await stage(get(`/api/v1/campaigns/${slug}/stages/${position}`), params({ slug, position })));
    }
    let text = '';
    for (const answer of answers) text += await answer.text();
    expect(text).toContain('PUBLICNOTE');
    expect(text).not.toContain('SECRETNOTE');
    expect(text).not.toContain('privateNote');
  });
});
