// The admin data path: every write checks the session and role itself, validates, refuses stale
// edits, audits in the same transaction, and leaves the database unchanged when it refuses.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { addSignatures, previewNames } from '../lib/admin/add-signatures';
import { deleteRecord, getRecord, listRecords, saveRecord } from '../lib/admin/store';
import { listAuditEvents } from '../lib/audit';
import { AppError } from '../lib/errors';
import { useDatabase } from './support/database';
import { signedInAs, type TestUser } from './support/auth';

let client: pg.Client;
let editor: TestUser;
let viewer: TestUser;
let sourceId: number;
let plpId: number;

const count = async (table: string) =>
  (await client.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n as number;
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) data.append(k, item);
  return data;
};
const campaignForm = (extra: Record<string, string | string[]> = {}) =>
  form({
    slug: 'test-letter',
    title: 'A test letter',
    kind: 'LETTER',
    status: 'OPEN',
    eligibleHouses: ['COMMONS'],
    eligibleParties: 'Labour, Labour/Co-operative',
    sourceId: String(sourceId),
    ...extra,
  });

beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  editor = await signedInAs('editor');
  viewer = await signedInAs('viewer');
  sourceId = (await client.query(`SELECT id FROM "Source" WHERE key = 'sky-2019-06-28-williamson'`)).rows[0].id;
  plpId = (await client.query(`SELECT id FROM "Campaign" WHERE slug = 'plp-motion'`)).rows[0].id;
  return () => client.end();
});

describe('refusals leave the database unchanged', () => {
  it('refuses a write with no session, or with a viewer’s', async () => {
    const before = await count('Campaign');
    const audits = await count('AuditEvent');
    const anonymous = await saveRecord('campaigns', null, campaignForm(), { headers: new Headers() });
    expect(anonymous).toMatchObject({ status: 'error', message: 'Please sign in first.' });
    expect(anonymous.values.title).toBe('A test letter'); // what was typed comes back
    const asViewer = await saveRecord('campaigns', null, campaignForm(), { headers: viewer.headers });
    expect(asViewer.message).toMatch(/may not do this; it needs the editor role/);
    expect(await deleteRecord('campaigns', plpId, null, { headers: viewer.headers })).toMatchObject({ ok: false });
    await expect(previewNames(plpId, 'Yvette Cooper', { headers: viewer.headers })).rejects.toThrow(AppError);
    await expect(addSignatures({ common: {}, entries: [] }, { headers: new Headers() })).rejects.toThrow(
      'Please sign in first.',
    );
    expect(await count('Campaign')).toBe(before);
    expect(await count('AuditEvent')).toBe(audits);
  });

  it('refuses a campaign that both houses and “Neither” may sign, saying where (issue 24)', async () => {
    const before = await count('Campaign');
    const state = await saveRecord(
      'campaigns',
      null,
      campaignForm({ slug: 'neither-and-commons', eligibleHouses: ['COMMONS', 'NONE'] }),
      { headers: editor.headers },
    );
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.eligibleHouses).toMatch(/“Neither” alone/);
    expect(state.values.slug).toBe('neither-and-commons');
    expect(await count('Campaign')).toBe(before);
  });

  it('refuses private reads without a session', async () => {
    await expect(listRecords('campaigns', {}, { headers: new Headers() })).rejects.toThrow('Please sign in first.');
    await expect(listAuditEvents({}, { headers: new Headers() })).rejects.toThrow('Please sign in first.');
    await expect(
      getRecord('campaigns', plpId, { headers: new Headers({ cookie: 'better-auth.session_token=forged.value' }) }),
    ).rejects.toThrow('Please sign in first.');
    expect((await listRecords('campaigns', {}, { headers: viewer.headers })).total).toBeGreaterThan(0);
  });
});

describe('editing', () => {
  let campaignId: number;

  it('creates a record and writes one audit event with it', async () => {
    const audits = await count('AuditEvent');
    const state = await saveRecord('campaigns', null, campaignForm(), { headers: editor.headers });
    expect(state).toMatchObject({ status: 'saved', version: 1 });
    campaignId = state.id!;
    const row = (
      await client.query(`SELECT "eligibleParties", "eligibleHouses"::text[] AS houses FROM "Campaign" WHERE id = $1`, [
        campaignId,
      ])
    ).rows[0];
    expect(row).toEqual({ eligibleParties: ['Labour', 'Labour/Co-operative'], houses: ['COMMONS'] });
    expect(await count('AuditEvent')).toBe(audits + 1);
    const { events } = await listAuditEvents(
      { entity: 'campaign', entityId: String(campaignId) },
      { headers: viewer.headers },
    );
    expect(events[0]).toMatchObject({ action: 'create', actor: editor.email, before: null });
    expect((events[0]!.after as { title: string }).title).toBe('A test letter');
  });

  it('shows each field’s error and keeps every value typed', async () => {
    const state = await saveRecord(
      'campaigns',
      null,
      campaignForm({ slug: 'Not A Slug!', title: '', openedOn: '2019-02-30' }),
      { headers: editor.headers },
    );
    expect(state.status).toBe('error');
    expect(state.fieldErrors).toMatchObject({
      slug: expect.stringMatching(/lower-case/),
      title: 'Title is required.',
      openedOn: 'Enter a date as YYYY-MM-DD.',
    });
    expect(state.values).toMatchObject({
      slug: 'Not A Slug!',
      openedOn: '2019-02-30',
      eligibleParties: 'Labour, Labour/Co-operative',
    });
  });

  it('turns a database rule into a field error: a slug already taken', async () => {
    const state = await saveRecord('campaigns', null, campaignForm({ slug: 'plp-motion' }), {
      headers: editor.headers,
    });
    expect(state).toMatchObject({ status: 'error', fieldErrors: { slug: 'Another campaign already uses this slug.' } });
  });

  it('checks across fields: a threshold is a number or a share, not both', async () => {
    const body = (await client.query(`SELECT id FROM "Body" WHERE slug = 'plp'`)).rows[0].id;
    const both = await saveRecord(
      'thresholds',
      null,
      form({
        campaignId: String(plpId),
        label: 'x',
        purpose: 'TARGET',
        absoluteValue: '10',
        sharePercent: '20',
        bodyId: String(body),
        sourceId: String(sourceId),
      }),
      { headers: editor.headers },
    );
    expect(both.fieldErrors?.absoluteValue).toMatch(/not both/);
    const share = await saveRecord(
      'thresholds',
      null,
      form({
        campaignId: String(plpId),
        label: '20% of the PLP',
        purpose: 'PROCEDURAL_REQUIREMENT',
        sharePercent: '20',
        bodyId: String(body),
        sourceId: String(sourceId),
      }),
      { headers: editor.headers },
    );
    expect(share.status).toBe('saved');
  });

  it('refuses to save over a newer version and shows what changed', async () => {
    const first = await saveRecord(
      'campaigns',
      campaignId,
      campaignForm({ _version: '1', title: 'Edited by the first editor' }),
      { headers: editor.headers },
    );
    expect(first).toMatchObject({ status: 'saved', version: 2 });
    const stale = await saveRecord(
      'campaigns',
      campaignId,
      campaignForm({ _version: '1', title: 'Edited by the second editor', summary: 'mine' }),
      { headers: editor.headers },
    );
    expect(stale.status).toBe('conflict');
    expect(stale.version).toBe(2);
    expect(stale.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', label: 'Title', theirs: 'Edited by the first editor', yours: 'Edited by the second editor' },
        { field: 'summary', label: 'Summary', theirs: '', yours: 'mine' },
      ]),
    );
    expect((await client.query(`SELECT title FROM "Campaign" WHERE id = $1`, [campaignId])).rows[0].title).toBe(
      'Edited by the first editor',
    );
    // Saving again from the version shown is a deliberate overwrite.
    expect(
      (
        await saveRecord(
          'campaigns',
          campaignId,
          campaignForm({ _version: '2', title: 'Edited by the second editor' }),
          { headers: editor.headers },
        )
      ).status,
    ).toBe('saved');
  });

  it('links people to a timeline event, changes and removes them with the event, and audits who was linked', async () => {
    const slugs = (
      await client.query(
        `SELECT slug, id FROM "Person" WHERE slug IN ('diana-r-johnson', 'margaret-hodge') ORDER BY slug`,
      )
    ).rows as { slug: string; id: number }[];
    expect(slugs).toHaveLength(2);
    const eventForm = (people: string[], extra: Record<string, string> = {}) =>
      form({
        title: 'A test meeting',
        occurredOn: '2019-07-01',
        datePrecision: 'DAY',
        sourceId: String(sourceId),
        people: [...people, ''],
        ...extra,
      });
    const linked = async (id: number) =>
      (
        await client.query(`SELECT "personId" FROM "TimelineEventPerson" WHERE "eventId" = $1 ORDER BY "personId"`, [
          id,
        ])
      ).rows.map((r) => r.personId);

    const created = await saveRecord('events', null, eventForm(slugs.map((p) => p.slug)), { headers: editor.headers });
    expect(created.status).toBe('saved');
    const id = created.id!;
    expect(await linked(id)).toEqual(slugs.map((p) => p.id).sort((a, b) => a - b));
    expect((await getRecord('events', id, { headers: viewer.headers }))!.values.people).toEqual([
      'margaret-hodge',
      'diana-r-johnson',
    ]); // by sort name

    // An unknown person: a field error naming them, what was typed kept, nothing changed.
    const wrong = await saveRecord('events', id, eventForm(['diana-r-johnson', 'no-such-person'], { _version: '1' }), {
      headers: editor.headers,
    });
    expect(wrong).toMatchObject({
      status: 'error',
      fieldErrors: { people: expect.stringContaining('no-such-person') },
    });
    expect(wrong.values?.people).toEqual(['diana-r-johnson', 'no-such-person']);
    expect(await linked(id)).toHaveLength(2);

    const edited = await saveRecord('events', id, eventForm(['margaret-hodge'], { _version: '1' }), {
      headers: editor.headers,
    });
    expect(edited).toMatchObject({ status: 'saved', version: 2 });
    expect(await linked(id)).toEqual([slugs.find((p) => p.slug === 'margaret-hodge')!.id]);
    const { events } = await listAuditEvents(
      { entity: 'timelineEvent', entityId: String(id) },
      { headers: viewer.headers },
    );
    expect(events[0]).toMatchObject({ action: 'update' });
    expect((events[0]!.before as { people: unknown[] }).people).toHaveLength(2);
    expect((events[0]!.after as { people: unknown[] }).people).toEqual([
      { personId: slugs.find((p) => p.slug === 'margaret-hodge')!.id },
    ]);

    expect(await deleteRecord('events', id, 2, { headers: editor.headers })).toEqual({ ok: true, deleted: 1 });
    expect(await linked(id)).toEqual([]);
  });

  it('adds a new source inline, in the same transaction', async () => {
    const sources = await count('Source');
    const tally = (fields: Record<string, string>) =>
      form({
        campaignId: String(plpId),
        asOf: '2019-07-01',
        qualifier: 'AT_LEAST',
        count: '70',
        confidence: 'REPORTED',
        sourceId: 'new',
        ...fields,
      });
    const missing = await saveRecord(
      'tallies',
      null,
      tally({
        'newSource.publisher': '',
      }),
      { headers: editor.headers },
    );
    expect(missing.fieldErrors).toMatchObject({ 'newSource.publisher': 'Publisher is required.' });
    expect(await count('Source')).toBe(sources);
    // Another field wrong: the new source's fields typed are kept for the form all the same.
    const wrongCount = await saveRecord(
      'tallies',
      null,
      tally({
        count: 'seventy',
        'newSource.publisher': 'Example Gazette',
        'newSource.title': 'Seventy and counting',
      }),
      { headers: editor.headers },
    );
    expect(wrongCount.fieldErrors).toMatchObject({ count: 'Count must be a whole number from 0 to 10,000,000.' });
    expect(wrongCount.values).toMatchObject({
      'newSource.publisher': 'Example Gazette',
      'newSource.title': 'Seventy and counting',
    });
    expect(await count('Source')).toBe(sources);
    const ok = await saveRecord(
      'tallies',
      null,
      tally({
        'newSource.publisher': 'Example Gazette',
        'newSource.title': 'Seventy and counting',
      }),
      { headers: editor.headers },
    );
    expect(ok.status).toBe('saved');
    expect(await count('Source')).toBe(sources + 1);
  });

  it('refuses to delete a person who has signed, saying why', async () => {
    const hodge = (await client.query(`SELECT id, version FROM "Person" WHERE slug = 'margaret-hodge'`)).rows[0];
    const result = await deleteRecord('people', hodge.id, hodge.version, { headers: editor.headers });
    const signed = (await client.query(`SELECT count(*)::int AS n FROM "Signature" WHERE "personId" = $1`, [hodge.id]))
      .rows[0].n;
    expect(signed).toBeGreaterThan(0);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /cannot be deleted on its own: .*refer to it\. .*tick the box to delete them with it/,
      ),
    });
    expect((result as { dependents: unknown[] }).dependents).toContainEqual({ label: 'signatures', count: signed });
    expect((await client.query(`SELECT count(*)::int AS n FROM "Person" WHERE id = $1`, [hodge.id])).rows[0].n).toBe(1);
  });

  it('deletes a campaign with its signatures only when asked to, auditing each one', async () => {
    const created = await saveRecord(
      'campaigns',
      null,
      campaignForm({ slug: 'doomed-letter', title: 'A letter to delete' }),
      { headers: editor.headers },
    );
    const id = created.id!;
    const people = (await client.query(`SELECT id FROM "Person" ORDER BY id LIMIT 3`)).rows.map((r) => r.id as number);
    for (const personId of people) {
      await client.query(
        `INSERT INTO "Signature" ("campaignId", "personId", "sourceId", "updatedAt") VALUES ($1, $2, $3, now())`,
        [id, personId, sourceId],
      );
    }
    const refused = await deleteRecord('campaigns', id, 1, { headers: editor.headers });
    expect(refused).toMatchObject({ ok: false, dependents: [{ label: 'signatures', count: 3 }] });
    expect(await count('Signature')).toBeGreaterThan(0);
    const audits = await count('AuditEvent');

    const done = await deleteRecord('campaigns', id, 1, { headers: editor.headers }, { cascade: true });
    expect(done).toEqual({ ok: true, deleted: 4 });
    expect(
      (await client.query(`SELECT count(*)::int AS n FROM "Signature" WHERE "campaignId" = $1`, [id])).rows[0].n,
    ).toBe(0);
    expect((await client.query(`SELECT count(*)::int AS n FROM "Campaign" WHERE id = $1`, [id])).rows[0].n).toBe(0);
    expect(await count('AuditEvent')).toBe(audits + 4);
    const { events } = await listAuditEvents({ entity: 'signature', action: 'delete' }, { headers: viewer.headers });
    expect(events.filter((e) => (e.before as { campaignId: number }).campaignId === id)).toHaveLength(3);
  });

  it('deletes what nothing depends on, and audits it', async () => {
    const result = await deleteRecord('campaigns', campaignId, 3, { headers: editor.headers });
    expect(result).toEqual({ ok: true, deleted: 1 });
    const { events } = await listAuditEvents(
      { entity: 'campaign', entityId: String(campaignId), action: 'delete' },
      { headers: viewer.headers },
    );
    expect(events).toHaveLength(1);
    expect((events[0]!.before as { slug: string }).slug).toBe('test-letter');
  });
});

describe('adding signatures from pasted names', () => {
  const text = '1. Dame Margaret Hodge\n- Mr Lammy\nMr Johnson,\nZebedee Quuxley\n\nKeir Starmer';

  it('matches each line, flagging guesses, ambiguity and unknown names', async () => {
    const lines = await previewNames(plpId, text, { headers: editor.headers });
    expect(lines.map((l) => [l.line, l.input, l.status, l.person?.name ?? null])).toEqual([
      [1, 'Dame Margaret Hodge', 'exact', 'Margaret Hodge'],
      [2, 'Mr Lammy', 'guess', null],
      [3, 'Mr Johnson', 'ambiguous', null],
      [4, 'Zebedee Quuxley', 'unmatched', null],
      [5, 'Keir Starmer', 'exact', 'Keir Starmer'],
    ]);
    expect(lines[0]!.alreadySigned).toEqual(['margaret-hodge']);
  });

  it('saves nothing while a line is undecided', async () => {
    const before = await count('Signature');
    const result = await addSignatures(
      {
        common: { campaignId: plpId, confidence: 'REPORTED', signedOn: '', sourceId },
        entries: [
          { line: 1, name: 'Keir Starmer', choice: 'keir-starmer' },
          { line: 2, name: 'Mr Johnson' },
        ],
      },
      { headers: editor.headers },
    );
    expect(result).toMatchObject({ ok: false, undecided: [2] });
    expect(await count('Signature')).toBe(before);
  });

  it('refuses a signing day that is no day (2019-13-45) as a field error, saving nothing (issue 25)', async () => {
    const before = await count('Signature');
    for (const signedOn of ['2019-13-45', '2019-02-29']) {
      const result = await addSignatures(
        {
          common: { campaignId: plpId, confidence: 'REPORTED', signedOn, sourceId },
          entries: [{ line: 1, name: 'Keir Starmer', choice: 'keir-starmer' }],
        },
        { headers: editor.headers },
      );
      expect(result, signedOn).toMatchObject({ ok: false, fieldErrors: { signedOn: 'Enter a date as YYYY-MM-DD.' } });
    }
    expect(await count('Signature')).toBe(before);
  });

  it('saves every decided line at once, creating new people with the name as written as an alias', async () => {
    const before = await count('Signature');
    const result = await addSignatures(
      {
        common: { campaignId: plpId, confidence: 'REPORTED', signedOn: '2019-07-01', sourceId },
        entries: [
          { line: 1, name: 'Dame Margaret Hodge', choice: 'margaret-hodge' },
          { line: 2, name: 'Mr Lammy', choice: 'skip' },
          { line: 3, name: 'Mr Johnson', choice: 'boris-johnson' },
          { line: 4, name: 'Zebedee Quuxley', choice: 'new' },
          { line: 5, name: 'Keir Starmer', choice: 'keir-starmer' },
        ],
      },
      { headers: editor.headers },
    );
    expect(result).toMatchObject({ ok: true, added: 3, skipped: 1 });
    expect(result.message).toMatch(/already signed: Dame Margaret Hodge/);
    expect(await count('Signature')).toBe(before + 3);
    const created = (
      await client.query(
        `SELECT p.name, a.alias FROM "Person" p JOIN "PersonAlias" a ON a."personId" = p.id WHERE p.slug = 'zebedee-quuxley'`,
      )
    ).rows;
    expect(created).toEqual([{ name: 'Zebedee Quuxley', alias: 'Zebedee Quuxley' }]);
    const [again] = await previewNames(plpId, 'Zebedee Quuxley', { headers: editor.headers });
    expect(again!.status).toBe('exact');
  });

  it('in one batch: new people of one name get their own slugs, and a person listed twice signs once', async () => {
    const audits = await count('AuditEvent');
    const result = await addSignatures(
      {
        common: { campaignId: plpId, confidence: 'REPORTED', signedOn: '', sourceId },
        entries: [
          { line: 1, name: 'Zebedee Quuxley', choice: 'new' },
          { line: 2, name: 'Zebedee Quuxley', choice: 'new' },
          { line: 3, name: 'Angela Rayner', choice: 'angela-rayner' },
          { line: 4, name: 'Ms Rayner', choice: 'angela-rayner' },
        ],
      },
      { headers: editor.headers },
    );
    expect(result).toMatchObject({ ok: true, added: 3 });
    expect(result.message).toMatch(/already signed: Ms Rayner/);
    const slugs = (await client.query(`SELECT slug FROM "Person" WHERE name = 'Zebedee Quuxley' ORDER BY slug`)).rows;
    expect(slugs.map((r) => r.slug)).toEqual(['zebedee-quuxley', 'zebedee-quuxley-2', 'zebedee-quuxley-3']);
    // Each new person and each signature audited once.
    expect(await count('AuditEvent')).toBe(audits + 5);
  });
});
