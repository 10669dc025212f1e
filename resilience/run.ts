// `npm run test:resilience`: the real app (two `next start` servers) on a real PostgreSQL, under
// load, faults and hostile access, proving that nothing is lost or half-saved. Ends with one line
// "N passed, N failed". While developing: `-- --grep NAME` runs the checks whose names match,
// `-- --quick` (or RESILIENCE_SECONDS) shortens the load phase from 60 s to 10 s.
//
// What it proves, check by check:
//   sessions and sign-out work across two app servers; login throttling counts across both;
//   50 readers for 60 s while 5 editors save: no error, no lost or duplicated write;
//   the database stopped: 503 pages, /api/health 503, saves refused with a message, recovery
//   without a restart; SIGKILL in the middle of form saves and of an import: all of a change or
//   none of it, the import failed and retried; every server action refuses no session, a forged
//   cookie and a viewer (admins' actions an editor too), enumerated from the build.
import assert from 'node:assert/strict';
import autocannon from 'autocannon';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from '../scripts/lib/run';
import { check, note, QUICK, summary } from './support/checks';
import { Client, form } from './support/client';
import { startCluster, waitFor, type Cluster } from './support/cluster';

const LOAD_SECONDS = Number(process.env.RESILIENCE_SECONDS ?? (QUICK ? 10 : 60));
const READERS = 50;
const EDITORS = 5;
const RUN = Date.now().toString(36);

let globalCluster: Cluster | undefined;

async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: globalCluster!.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

const one = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
  (await sql<T>(text, params))[0]!;

/** What a refused request must leave as it was: writes, records, jobs, accounts and their roles. */
async function fingerprint(): Promise<string> {
  const { f } = await one<{
    f: string;
  }>(`SELECT concat_ws(',', (SELECT count(*) FROM "AuditEvent"), (SELECT count(*) FROM "Statement"), (SELECT count(*) FROM "ImportJob"),
    (SELECT count(*) FROM "user"), (SELECT string_agg(role, ',' ORDER BY id) FROM "user"), (SELECT max(version) FROM "Statement"),
    (SELECT count(*) FROM "Position"), (SELECT count(*) FROM "Ballot"), (SELECT count(*) FROM "Division")) AS f`);
  return f;
}

/** The statement form as an editor fills it in. */
function statementForm(subject: string, sourceId: number, extra: Record<string, string> = {}) {
  return form({
    speakerLabel: 'A resilience test',
    subject,
    stance: 'NEUTRAL',
    confidence: 'REPORTED',
    sourceId: String(sourceId),
    ...extra,
  });
}

/** Saves a new statement; returns its id when the app acknowledged the save (it redirects to the record). */
async function createStatement(
  client: Client,
  subject: string,
  sourceId: number,
): Promise<{ id: number | null; status: number; body: string }> {
  const result = await client.action('/admin/statements/new', 'saveEntityAction', [
    'statements',
    null,
    {},
    statementForm(subject, sourceId),
  ]);
  const id = /^\/admin\/statements\/(\d+)\?saved=1/.exec(result.redirect ?? '')?.[1];
  return { id: id ? Number(id) : null, status: result.status, body: result.body };
}

async function createUser(admin: Client, email: string, role: string, password: string): Promise<void> {
  const result = await admin.action('/admin/users', 'createUserAction', [
    {},
    form({ name: email.split('@')[0]!, email, role, password }),
  ]);
  assert.match(result.body, /Account created/, `creating ${email}: ${result.body.slice(-300)}`);
}

async function signedIn(base: string, email: string, password: string): Promise<Client> {
  const client = new Client(base);
  const result = await client.signIn(email, password);
  assert.ok(client.cookie, `signing in ${email} on ${base} gave no session: ${result.body.slice(-300)}`);
  return client;
}

/** What the scenarios share: the cluster, its two servers, the seed's ids, and the accounts made by the first ones. */
interface World {
  cluster: Cluster;
  a: Cluster['servers'][number];
  b: Cluster['servers'][number];
  sourceId: number;
  campaigns: { slug: string; id: number }[];
  person: string;
  password: string;
  admin: Client;
  editors: Client[];
  viewer: Client;
  /** The statement every editor saves in the load scenario; later scenarios check it. */
  sharedId: number;
}

interface Scenario {
  name: string;
  /** Run even when --grep selects others: later scenarios need what it makes. */
  setup?: boolean;
  /** Both app servers must be up first (a scenario before it may have stopped one). */
  needsBothServers?: boolean;
  run: (w: World) => Promise<void>;
}

/** The scenarios, in the order they run: each is one check of the report. */
const SCENARIOS: Scenario[] = [
  {
    name: 'a session made on one app server works on the other, and signing out on one ends it on both',
    setup: true,
    run: async (w) => {
      const { cluster, a, b } = w;
      w.admin = await signedIn(a.url, cluster.admin.email, cluster.admin.password);
      const cookie = (await new Client(a.url).signIn(cluster.admin.email, cluster.admin.password)).cookies.find((c) =>
        c.includes('session_token'),
      )!;
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.equal((await w.admin.on(b.url).get('/admin')).status, 200, 'the admin home on the other server');
      const other = await signedIn(b.url, cluster.admin.email, cluster.admin.password);
      assert.equal((await other.on(a.url).get('/admin')).status, 200);
      const out = await other.action('/admin', 'logoutAction', []);
      assert.match(out.redirect ?? '', /^\/login/);
      const after = await other.on(a.url).get('/admin');
      assert.ok(
        after.status >= 300 && after.status < 400 && /\/login/.test(after.headers.get('location') ?? ''),
        `after signing out on B, A answered ${after.status}`,
      );
      assert.equal(
        (await w.admin.on(b.url).get('/admin')).status,
        200,
        'other sessions of the same account are untouched',
      );
    },
  },
  {
    name: 'accounts for the load: five editors and a viewer, created by the admin on either server',
    setup: true,
    run: async (w) => {
      const { a, b, password, admin, editors } = w;
      for (let i = 0; i < EDITORS; i++) {
        const server = i % 2 ? b : a;
        await createUser(admin.on(server.url), `editor${i}@example.org`, 'editor', password);
        editors.push(await signedIn(server.url, `editor${i}@example.org`, password));
      }
      await createUser(admin, 'viewer@example.org', 'viewer', password);
      w.viewer = await signedIn(b.url, 'viewer@example.org', password);
    },
  },
  {
    name: `${READERS} readers for ${LOAD_SECONDS} s on both servers while ${EDITORS} editors save: no error, no lost or duplicated write`,
    run: async (w) => {
      const { a, b, sourceId, campaigns, person, editors } = w;
      const shared = await createStatement(editors[0]!, `shared ${RUN}`, sourceId);
      assert.ok(shared.id, 'the shared record was saved');
      w.sharedId = shared.id;
      const paths = [
        '/',
        '/campaigns',
        ...campaigns.slice(0, 3).map((c) => `/campaigns/${c.slug}`),
        `/campaigns/${campaigns[0]!.slug}?sort=name&dir=desc`,
        `/campaigns/${campaigns[0]!.slug}/overlap`,
        '/people',
        `/people/${person}`,
        '/polls',
        '/timeline',
        '/api/v1/campaigns',
      ];
      const readers = [a, b].map((server) =>
        autocannon({
          url: server.url,
          connections: READERS / 2,
          duration: LOAD_SECONDS,
          timeout: 30,
          requests: paths.map((path) => ({ method: 'GET' as const, path })),
        }),
      );
      let stop = false;
      const created: { id: number; subject: string }[] = [];
      const problems: string[] = [];
      let updates = 0;
      let conflicts = 0;
      const editing = editors.map(async (editor, i) => {
        for (let n = 0; !stop; n++) {
          if (n % 3 === 2) {
            // Edit the shared record from the version the form was loaded with: saved or told of a conflict.
            const { version } = await one<{ version: number }>(`SELECT version FROM "Statement" WHERE id = $1`, [
              w.sharedId,
            ]);
            const result = await editor.action(`/admin/statements/${w.sharedId}`, 'saveEntityAction', [
              'statements',
              w.sharedId,
              {},
              statementForm(`shared ${RUN}, edit ${i}.${n}`, sourceId, { _version: String(version) }),
            ]);
            if (result.redirect) updates++;
            else if (result.body.includes('"status":"conflict"')) conflicts++;
            else problems.push(`edit ${i}.${n}: ${result.status} ${result.body.slice(-200)}`);
          } else {
            const subject = `load ${RUN} editor ${i} save ${n}`;
            const result = await createStatement(editor, subject, sourceId);
            if (result.id) created.push({ id: result.id, subject });
            else problems.push(`save ${i}.${n}: ${result.status} ${result.body.slice(-200)}`);
          }
        }
      });
      const results = await Promise.all(readers);
      stop = true;
      await Promise.all(editing);

      const requests = results.reduce((s, r) => s + r.requests.total, 0);
      const bad = results.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0);
      const p = (k: 'p50' | 'p90' | 'p99') => Math.max(...results.map((r) => r.latency[k]));
      note(
        `load: ${READERS} readers × ${LOAD_SECONDS} s over two servers: ${requests.toLocaleString('en-GB')} page and API requests (${Math.round(requests / LOAD_SECONDS)}/s), latency p50 ${p('p50')} ms, p90 ${p('p90')} ms, p99 ${p('p99')} ms; ${bad} errors`,
      );
      note(
        `load: ${EDITORS} editors saved ${created.length} new records and ${updates} edits of one shared record (${conflicts} edits told of a conflict instead); ${problems.length} failed saves`,
      );
      assert.equal(bad, 0, `readers met ${bad} errors, non-2xx answers or timeouts`);
      assert.deepEqual(problems, [], 'every save was either acknowledged or told of a conflict');
      assert.ok(created.length >= EDITORS, 'each editor saved something');

      const rows = await sql<{ id: number; subject: string }>(
        `SELECT id, subject FROM "Statement" WHERE subject LIKE $1 ORDER BY id`,
        [`load ${RUN} %`],
      );
      assert.deepEqual(
        rows,
        [...created].sort((x, y) => x.id - y.id),
        'the database holds exactly the acknowledged saves: none lost, none doubled',
      );
      const audited = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'create' AND entity = 'statement' AND "entityId" = ANY($1::text[])`,
        [created.map((c) => String(c.id))],
      );
      assert.equal(audited.n, created.length, 'each save audited once');
      const final = await one<{ version: number }>(`SELECT version FROM "Statement" WHERE id = $1`, [w.sharedId]);
      assert.equal(
        final.version,
        1 + updates,
        'every acknowledged edit of the shared record counted once, no edit overwritten unseen',
      );
      const edits = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'update' AND entity = 'statement' AND "entityId" = $1`,
        [String(w.sharedId)],
      );
      assert.equal(edits.n, updates);
    },
  },
  {
    name: 'outage: the database stops: pages answer 503 with a clear page, /api/health 503, saves refused with a message; it starts again: both servers recover without a restart',
    run: async (w) => {
      const { cluster, a, b, sourceId, campaigns, editors } = w;
      const OUTAGE_MS = 8000;
      let outageAnswers = 0;
      await cluster.stopDatabase();
      const stoppedAt = Date.now();
      try {
        // The very first page to meet the outage (one no cache holds) already answers 503.
        const first = await fetch(`${a.url}/people?outage=${RUN}`);
        assert.equal(first.status, 503, 'the first request of the outage');
        // The first request to meet the outage may get the error page; within seconds every page gets the 503 page.
        // Pages kept by the public-page micro-cache may be served for its few seconds more.
        const pages = ['/', '/campaigns', `/campaigns/${campaigns[0]!.slug}`, '/api/v1/campaigns'];
        await waitFor(
          'a 503 answer on both servers',
          async () => {
            const answers = await Promise.all(
              [a, b].flatMap((s) => pages.map((p) => fetch(`${s.url}${p}`, { signal: AbortSignal.timeout(10_000) }))),
            );
            return answers.every((r) => r.status === 503);
          },
          15_000,
        );
        const page = await fetch(`${a.url}/`);
        assert.equal(page.status, 503);
        assert.match(await page.text(), /The database is unavailable[\s\S]*Nothing has been lost/);
        assert.equal(page.headers.get('retry-after'), '10');
        const health = await fetch(`${b.url}/api/health`);
        assert.equal(health.status, 503);
        assert.equal((await health.json()).status, 'unavailable');
        const api = await fetch(`${a.url}/api/v1/campaigns`);
        assert.equal(api.status, 503);
        assert.equal((await api.json()).error.code, 'UNAVAILABLE');
        const save = await createStatement(editors[1]!, `outage ${RUN}`, sourceId);
        assert.equal(save.id, null, 'a save while the database is down is not acknowledged');
        assert.match(save.body, /The database is unavailable just now\. Nothing was saved/);
        assert.match(save.body, /outage /, 'what the editor typed comes back to the form');
        // An outage of some seconds: every page asked meanwhile gets the 503 page, never an error.
        while (Date.now() - stoppedAt < OUTAGE_MS) {
          for (const server of [a, b]) {
            const during = await fetch(`${server.url}/campaigns/${campaigns[0]!.slug}`);
            assert.equal(during.status, 503, `${server.name} during the outage`);
            outageAnswers++;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } finally {
        await cluster.startDatabase();
      }
      const restartedAt = Date.now();
      await waitFor(
        'both servers to serve pages again',
        async () => {
          const answers = await Promise.all([a, b].map((s) => fetch(`${s.url}/campaigns`).catch(() => null)));
          return answers.every((r) => r?.status === 200);
        },
        30_000,
      );
      note(
        `outage: database stopped for ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s: ${outageAnswers} page requests meanwhile all answered 503; both servers served pages again ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after it started, without a restart`,
      );
      assert.equal((await fetch(`${a.url}/api/health`)).status, 200);
      for (const [i, editor] of editors.slice(0, 2).entries())
        assert.ok((await createStatement(editor, `after outage ${RUN} ${i}`, sourceId)).id, 'saves work again');
      assert.equal(
        (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Statement" WHERE subject = $1`, [`outage ${RUN}`]))
          .n,
        0,
        'the refused save left nothing',
      );
    },
  },
  {
    name: 'SIGKILL of an app server in the middle of form saves: each save is in the database whole or not at all',
    run: async (w) => {
      const { b, sourceId, editors } = w;
      const editor = editors[1]!; // signed in on server B
      assert.equal(editor.base, b.url);
      const COUNT = 30;
      // A save cut off by the kill rejects (connection reset): that is an unacknowledged save.
      const saves = Array.from({ length: COUNT }, (_, k) =>
        createStatement(editor, `crash ${RUN} #${k}`, sourceId).catch(() => ({ id: null })),
      );
      await waitFor(
        'some of the saves to commit',
        async () =>
          (
            await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Statement" WHERE subject LIKE $1`, [
              `crash ${RUN} #%`,
            ])
          ).n >= 3,
        30_000,
      );
      await b.kill();
      const acknowledged = (await Promise.all(saves)).flatMap((s) => (s.id ? [s.id] : []));
      const rows = await sql<{ id: number; subject: string; audits: number }>(
        `SELECT st.id, st.subject, (SELECT count(*)::int FROM "AuditEvent" e WHERE e.entity = 'statement' AND e.action = 'create' AND e."entityId" = st.id::text) AS audits
       FROM "Statement" st WHERE st.subject LIKE $1`,
        [`crash ${RUN} #%`],
      );
      const orphanAudits = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM "AuditEvent" e WHERE e.entity = 'statement' AND e.action = 'create' AND e.after->>'subject' LIKE $1
         AND NOT EXISTS (SELECT 1 FROM "Statement" st WHERE st.id::text = e."entityId")`,
        [`crash ${RUN} #%`],
      );
      note(
        `crash: SIGKILL during ${COUNT} concurrent saves: ${rows.length} committed whole (${acknowledged.length} acknowledged before the kill), ${COUNT - rows.length} not at all, none half-saved`,
      );
      assert.ok(rows.length < COUNT, 'the kill came while saves were in flight');
      assert.ok(
        acknowledged.every((id) => rows.some((r) => r.id === id)),
        'every acknowledged save survived',
      );
      assert.ok(
        rows.every((r) => r.audits === 1),
        'every saved record has its audit event: record and audit committed together',
      );
      assert.equal(orphanAudits.n, 0, 'no audit event without its record');
      assert.equal(new Set(rows.map((r) => r.subject)).size, rows.length, 'no save doubled');
    },
  },
  {
    name: 'SIGKILL of an app server in the middle of an import: nothing of it saved, the job failed (seen from the other server) and retried to completion',
    needsBothServers: true,
    run: async (w) => {
      const { a, b, sourceId, admin, editors } = w;
      const ROWS = 40_000;
      const header = 'id,name,sort_name,group,area,chamber,term';
      const lines = Array.from(
        { length: ROWS },
        (_, k) =>
          `resilience-${RUN}-${k},Resilience Member ${k},"Member ${k}, Resilience",Test Party,Test Seat ${k},House of Commons,57`,
      );
      const file = new File([`${header}\n${lines.join('\n')}\n`], `resilience-roster-${RUN}.csv`, { type: 'text/csv' });
      const editor = editors[1]!; // on server B
      const upload = await editor.action('/admin/imports', 'uploadImportAction', [
        {},
        form({ kind: 'roster', file, sourceId: String(sourceId) }),
      ]);
      const id = Number(/^\/admin\/imports\/(\d+)/.exec(upload.redirect ?? '')?.[1]);
      assert.ok(id, `the upload made a job: ${upload.body.slice(-300)}`);
      const people = async () => (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Person"`)).n;
      const before = await people();

      const run = editor
        .action(`/admin/imports/${id}`, 'runImportAction', [id, {}, form({})])
        .catch((error: Error) => error);
      await waitFor(
        'the import to be under way',
        async () =>
          (await one<{ processedRows: number }>(`SELECT "processedRows" FROM "ImportJob" WHERE id = $1`, [id]))
            .processedRows > 0,
        60_000,
      );
      await b.kill();
      assert.ok((await run) instanceof Error, 'the import was cut short');
      assert.equal(await people(), before, 'nothing of the interrupted import was saved');

      // The other server, asked about the job, sees that no one runs it any more.
      await waitFor(
        'the job to be marked failed',
        async () => {
          await admin.on(a.url).get(`/admin/imports/${id}`);
          return (
            (await one<{ status: string }>(`SELECT status::text FROM "ImportJob" WHERE id = $1`, [id])).status ===
            'FAILED'
          );
        },
        45_000,
      );
      const failed = await one<{ message: string }>(`SELECT message FROM "ImportJob" WHERE id = $1`, [id]);
      assert.match(failed.message, /nothing was saved\. Run it again/);

      const retry = await editor.on(a.url).action(`/admin/imports/${id}`, 'runImportAction', [id, {}, form({})]);
      assert.equal(retry.status, 200);
      const done = await one<{ status: string }>(`SELECT status::text FROM "ImportJob" WHERE id = $1`, [id]);
      assert.equal(done.status, 'SUCCEEDED', retry.body.slice(-300));
      assert.equal(await people(), before + ROWS, 'the retry imported every row once');
      note(
        `crash: SIGKILL during an import of ${ROWS.toLocaleString('en-GB')} rows: none saved; marked failed by the other server; the retry imported all ${ROWS.toLocaleString('en-GB')}`,
      );
    },
  },
  {
    name: 'every server action refuses no session, a forged session cookie and a viewer (admin-only ones an editor too); nothing changes',
    needsBothServers: true,
    run: async (w) => {
      const { cluster, a, sourceId, campaigns, editors, viewer, sharedId } = w;
      const campaignId = String(campaigns[0]!.id);
      const job = await one<{ id: number }>(`SELECT id FROM "ImportJob" ORDER BY id DESC LIMIT 1`);
      const adminUser = await one<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [cluster.admin.email]);
      const whipStage = await one<{ id: number }>(
        `SELECT s.id FROM "Stage" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = 'plp-motion' AND s.position = 2`,
      );
      const calls: Record<string, { page: string; args: () => unknown[]; role: 'viewer' | 'editor' | 'admin' }> = {
        saveEntityAction: {
          page: '/admin/statements/new',
          role: 'editor',
          args: () => ['statements', null, {}, statementForm(`refused ${RUN}`, sourceId)],
        },
        deleteEntityAction: {
          page: `/admin/statements/${sharedId}`,
          role: 'editor',
          args: () => ['statements', sharedId, {}, form({})],
        },
        pasteFlowAction: {
          page: '/admin/add-signatures',
          role: 'editor',
          args: () => [
            { step: 'paste', campaignId: '', text: '', lines: [], review: {} },
            form({ campaignId, names: 'Jonathan Ashworth' }),
          ],
        },
        uploadImportAction: {
          page: '/admin/imports',
          role: 'editor',
          args: () => [
            {},
            form({ kind: 'roster', sourceId: String(sourceId), file: new File(['id,name\nx,Y Z\n'], 'x.csv') }),
          ],
        },
        runImportAction: { page: `/admin/imports/${job.id}`, role: 'editor', args: () => [job.id, {}, form({})] },
        discardImportAction: { page: `/admin/imports/${job.id}`, role: 'editor', args: () => [job.id, {}, form({})] },
        officialDivisionsAction: {
          page: '/admin/imports',
          role: 'editor',
          args: () => [{}, form({ file: new File(['{"DivisionId": 1}'], 'division.json') })],
        },
        createUserAction: {
          page: '/admin/users',
          role: 'admin',
          args: () => [
            {},
            form({ name: 'x', email: `refused-${RUN}@example.org`, role: 'admin', password: 'long enough password' }),
          ],
        },
        userRoleAction: {
          page: '/admin/users',
          role: 'admin',
          args: () => [adminUser.id, {}, form({ role: 'viewer' })],
        },
        // Any signed-in user may change their own password (the current one required).
        changePasswordAction: {
          page: '/admin/account',
          role: 'viewer',
          args: () => [
            {},
            form({ currentPassword: 'x', newPassword: 'a-new-password', confirmPassword: 'a-new-password' }),
          ],
        },
        // The whip count's editor forms live on a public page, where proxy.ts redirects no one.
        whipCountAction: {
          page: '/campaigns/plp-motion/stages/2',
          role: 'editor',
          args: () => [
            'move',
            {},
            form({
              stageId: String(whipStage.id),
              person: 'david-lammy',
              stand: 'AGAINST',
              statedOn: '2019-07-01',
              sourceId: String(sourceId),
            }),
          ],
        },
      };
      const open = ['loginAction', 'logoutAction']; // signing in and out need no session
      const built = [...Client.actionNames()].sort();
      assert.deepEqual(
        built,
        [...Object.keys(calls), ...open].sort(),
        'a new server action must be added to this check',
      );

      const before = await fingerprint();
      const forged = new Client(a.url);
      forged.cookie = 'better-auth.session_token=forged.c2lnbmF0dXJl';
      const editor = editors[0]!;
      let tried = 0;
      for (const [name, call] of Object.entries(calls)) {
        const attempts: [string, Client, RegExp][] = [
          ['no session', new Client(a.url), /Please sign in first/],
          // A cookie proxy.ts lets through, so that the data layer itself must refuse.
          ['a forged cookie', forged, /Please sign in first/],
          ...(call.role === 'viewer'
            ? []
            : ([['a viewer', viewer, /may not do this; it needs the (editor|admin) role/]] as [
                string,
                Client,
                RegExp,
              ][])),
          ...(call.role === 'admin'
            ? ([['an editor', editor, /may not do this; it needs the admin role/]] as [string, Client, RegExp][])
            : []),
        ];
        for (const [who, client, refusal] of attempts) {
          tried++;
          const result = await client.action(call.page, name, call.args());
          assert.equal(result.redirect, null, `${name} by ${who} redirected to ${result.redirect}`);
          if (who === 'no session' && call.page.startsWith('/admin')) {
            // proxy.ts sends a cookie-less /admin request to /login; the forged cookie gets past it.
            assert.ok(
              result.status === 307 && /^\/login/.test(new URL(result.headersLocation ?? '/', a.url).pathname),
              `${name} by ${who}: ${result.status}`,
            );
            continue;
          }
          assert.ok(result.status < 500, `${name} by ${who}: ${result.status}`);
          assert.match(result.body, refusal, `${name} by ${who}: ${result.body.slice(-300)}`);
        }
      }
      assert.equal(await fingerprint(), before, 'no refused call changed anything');
      note(
        `access: ${tried} calls of ${Object.keys(calls).length} server actions without a session, with a forged cookie, as a viewer and (admin-only) as an editor: all refused, nothing changed`,
      );
    },
  },
  {
    name: 'malformed requests to server actions and the API get a 4xx or the form’s error, never a 5xx, and change nothing',
    run: async (w) => {
      const { a, campaigns, editors } = w;
      const editor = editors[0]!;
      const before = await fingerprint();
      const raw = (body: BodyInit, type?: string, action = 'saveEntityAction') =>
        fetch(`${a.url}/admin/statements/new`, {
          method: 'POST',
          headers: {
            Origin: a.url,
            cookie: editor.cookie,
            'Next-Action': Client.actionId(action),
            ...(type ? { 'content-type': type } : {}),
          },
          body,
          redirect: 'manual',
        });
      const badRoot = new FormData();
      badRoot.set('0', '{{{');
      const noRoot = new FormData();
      noRoot.set('subject', 'x');
      const cases: [string, () => Promise<Response>, RegExp][] = [
        ['text that is not JSON', () => raw('not json at all', 'text/plain;charset=UTF-8'), /^400$/],
        ['a JSON object instead of arguments', () => raw('{"subject":"x"}', 'text/plain;charset=UTF-8'), /^400$/],
        ['a JSON body', () => raw('{"subject":"x"}', 'application/json'), /^400$/],
        [
          'invalid UTF-8',
          () => raw(Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), 'text/plain;charset=UTF-8'),
          /^400$/,
        ],
        [
          'a BOM before the arguments',
          () => raw('\ufeff["statements",null,{},"$K1"]', 'text/plain;charset=UTF-8'),
          /^400$/,
        ],
        ['multipart with a broken root', () => raw(badRoot), /^400$/],
        ['multipart without a root', () => raw(noRoot), /^400$/],
        ['over 20 MB', () => raw('x'.repeat(22 * 1024 * 1024), 'text/plain;charset=UTF-8'), /^413$/],
        ['too few arguments', () => raw('["statements",null]', 'text/plain;charset=UTF-8'), /^200$/],
        ['arguments of the wrong types', () => raw('[1,{"x":2},3,4]', 'text/plain;charset=UTF-8'), /^200$/],
        [
          'a broken previous state for the paste form',
          () => raw('[{"lines":[null]},"$K1"]', 'text/plain;charset=UTF-8', 'pasteFlowAction'),
          /^200$/,
        ],
        [
          'an action that does not exist',
          () =>
            fetch(`${a.url}/admin`, {
              method: 'POST',
              headers: { Origin: a.url, 'Next-Action': 'ff'.repeat(21), 'content-type': 'text/plain' },
              body: '[]',
            }),
          /^4\d\d$/,
        ],
        [
          'a JSON POST to the read-only API',
          () =>
            fetch(`${a.url}/api/v1/campaigns`, {
              method: 'POST',
              headers: { Origin: a.url, 'content-type': 'application/json' },
              body: '{"title":"x"}',
            }),
          /^405$/,
        ],
        [
          'a POST with no Origin (not from a browser on this site)',
          () =>
            fetch(`${a.url}/api/v1/campaigns`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"title":"x"}',
            }),
          /^403$/,
        ],
        [
          'a DELETE to the read-only API',
          () => fetch(`${a.url}/api/v1/campaigns/${campaigns[0]!.slug}`, { method: 'DELETE' }),
          /^405$/,
        ],
      ];
      for (const [what, send, expected] of cases) {
        const response = await send();
        const body = await response.text();
        assert.match(String(response.status), expected, `${what}: ${response.status} ${body.slice(0, 200)}`);
        if (response.status === 200) assert.match(body, /This form could not be read/, `${what}: ${body.slice(-200)}`);
      }
      assert.equal(await fingerprint(), before, 'nothing changed');
      note(
        `malformed requests: ${cases.length} kinds of broken or hostile action and API bodies, each a 4xx or the form's error, no 5xx, nothing changed`,
      );
    },
  },
  {
    name: 'an upload of 12 MB arrives whole: every row of the file is in its import job',
    run: async (w) => {
      const { sourceId, editors } = w;
      const ROWS = 70_000;
      const pad = 'x'.repeat(120);
      const lines = Array.from(
        { length: ROWS },
        (_, k) => `big-${RUN}-${k},Big Upload ${k},https://example.org/${pad}/${k}.png`,
      );
      const text = `id,name,image\n${lines.join('\n')}\n`;
      assert.ok(text.length > 12 * 1024 * 1024, `the file is ${text.length} bytes`);
      const upload = await editors[0]!.action('/admin/imports', 'uploadImportAction', [
        {},
        form({ kind: 'roster', sourceId: String(sourceId), file: new File([text], 'big.csv', { type: 'text/csv' }) }),
      ]);
      const id = Number(/^\/admin\/imports\/(\d+)/.exec(upload.redirect ?? '')?.[1]);
      assert.ok(id, `the upload made a job: ${upload.status} ${upload.body.slice(-300)}`);
      const job = await one<{ totalRows: number; validRows: number }>(
        `SELECT "totalRows", "validRows" FROM "ImportJob" WHERE id = $1`,
        [id],
      );
      assert.deepEqual(job, { totalRows: ROWS, validRows: ROWS });
      note(
        `upload: a ${(text.length / 1024 / 1024).toFixed(1)} MB CSV of ${ROWS.toLocaleString('en-GB')} rows arrived whole`,
      );
    },
  },
  {
    name: 'login throttling counts failures on both app servers together',
    run: async (w) => {
      const { a, b, password, admin } = w;
      // Five failures from one address (both servers see the same client) refuse that address on both.
      const email = 'throttled@example.org';
      await createUser(admin, email, 'editor', password);
      for (let i = 0; i < 5; i++) {
        const result = await new Client(i % 2 ? b.url : a.url).signIn(email, 'not the password');
        assert.match(result.body, /The e-mail address or password is not right/);
      }
      for (const server of [a, b]) {
        const client = new Client(server.url);
        const result = await client.signIn(email, password);
        assert.equal(client.cookie, '', 'no session after five failures');
        assert.match(result.body, /Too many failed sign-ins/);
      }
      note('throttling: five failures spread over two servers refuse the address on both');
    },
  },
];

async function main(): Promise<number> {
  const cluster = await startCluster();
  globalCluster = cluster;
  const [a, b] = cluster.servers;
  const world: World = {
    cluster,
    a,
    b,
    sourceId: (await one<{ id: number }>(`SELECT id FROM "Source" ORDER BY id LIMIT 1`)).id,
    campaigns: await sql<{ slug: string; id: number }>(`SELECT slug, id FROM "Campaign" ORDER BY id`),
    person: (
      await one<{ slug: string }>(
        `SELECT slug FROM "Person" WHERE EXISTS (SELECT 1 FROM "Signature" s WHERE s."personId" = "Person".id) ORDER BY id LIMIT 1`,
      )
    ).slug,
    password: `resilience-${RUN}-password`,
    // Made by the first scenarios (setup: they run whatever --grep selects).
    admin: undefined as unknown as Client,
    editors: [],
    viewer: undefined as unknown as Client,
    sharedId: 0,
  };
  for (const scenario of SCENARIOS) {
    if (scenario.needsBothServers && !world.b.process) await world.b.start();
    await check(scenario.name, () => scenario.run(world), { setup: scenario.setup });
  }

  const { passed, failed } = summary(path.join(ROOT, '.data', 'reports', 'resilience.json'));
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

let failed = 1;
try {
  failed = await main();
} catch (error) {
  console.error('[resilience] could not run:', error);
  console.log('0 passed, 1 failed');
} finally {
  await globalCluster?.stop().catch(() => {});
}
process.exit(failed ? 1 : 0);
