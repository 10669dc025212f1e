// Faults and attacks found by hand (issue "Hardening, round two"), each pinned by a test that
// failed before its fix.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportRoute } from '../app/api/export/[file]/route';
import { listAuditEvents } from '../lib/audit';
import { listRecords } from '../lib/admin/store';
import { createImportJob, getImportJob } from '../lib/import/jobs';
import { safeNextPath } from '../lib/validation';
import { signedInAs, type TestUser } from './support/auth';
import { useDatabase } from './support/database';

let client: pg.Client;
let editor: TestUser;
beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  editor = await signedInAs('editor');
  return () => client.end();
});

describe('redirects after sign-in go only to paths of this site', () => {
  it.each([
    ['/\\evil.example', '/admin'],
    ['/\t/evil.example', '/admin'],
    ['//evil.example', '/admin'],
    ['https://evil.example/', '/admin'],
    ['/\\/evil.example', '/admin'],
    ['javascript:alert(1)', '/admin'],
    ['', '/admin'],
    ['/campaigns/plp-motion/stages/2?stand=FOR#members', '/campaigns/plp-motion/stages/2?stand=FOR#members'],
    ['/admin/imports', '/admin/imports'],
  ])('%j → %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('names that are properties of every object are not export or import names', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    '/api/export/%s.csv answers 404',
    async (name) => {
      const response = await exportRoute(new Request(`http://localhost/api/export/${name}.csv`), {
        params: Promise.resolve({ file: `${name}.csv` }),
      });
      expect(response.status).toBe(404);
    },
  );
  it('an import of kind "constructor" is refused with a clear message', async () => {
    await expect(
      createImportJob(
        { kind: 'constructor', fileName: 'x.csv', bytes: new TextEncoder().encode('a\nb\n') },
        { headers: editor.headers },
      ),
    ).rejects.toThrow('Choose what the file contains.');
  });
});

describe('identifiers are checked on import and neutralised on export', () => {
  it('refuses a roster id or Wikidata id that is not an identifier', async () => {
    const csv = 'id,name,wikidata\n=1+2,Ada Formula,\nok-1,Bea Okay,=1+1\nok-2,Cy Fine,Q42\n';
    const id = await createImportJob(
      {
        kind: 'roster',
        fileName: 'ids.csv',
        bytes: new TextEncoder().encode(csv),
        sourceId: (await client.query(`SELECT min(id) AS id FROM "Source"`)).rows[0].id,
      },
      { headers: editor.headers },
    );
    const job = (await getImportJob(id, { headers: editor.headers }))!;
    expect(job.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'id'],
      [3, 'wikidata'],
    ]);
  });
  it('people.csv neutralises formula-like identifiers that reached the database another way', async () => {
    const person = (await client.query(`SELECT id FROM "Person" WHERE slug = 'yvette-cooper'`)).rows[0].id;
    await client.query(
      `UPDATE "PersonIdentifier" SET value = '=HYPERLINK("http://evil.example")' WHERE "personId" = $1 AND scheme = 'everypolitician'`,
      [person],
    );
    const response = await exportRoute(new Request('http://localhost/api/export/people.csv'), {
      params: Promise.resolve({ file: 'people.csv' }),
    });
    const text = await response.text();
    const line = text.split('\r\n').find((l) => l.startsWith('yvette-cooper,'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });
});

describe('pages beyond the last', () => {
  it('admin lists and the audit log answer the last page for any page number', async () => {
    for (const page of [999_999_999, 2 ** 53, 1e300]) {
      const list = await listRecords('campaigns', { page }, { headers: editor.headers });
      expect(list.rows.length).toBeGreaterThan(0);
      const audit = await listAuditEvents({ page }, { headers: editor.headers });
      expect(audit.page).toBe(Math.max(1, Math.ceil(audit.total / 50)));
    }
  });
});

describe('source addresses', () => {
  it('the database refuses a source address that is not http or https, whatever writes it', async () => {
    await expect(
      client.query(
        `INSERT INTO "Source" (publisher, title, url, "updatedAt") VALUES ('x', 'y', 'javascript:alert(1)', now())`,
      ),
    ).rejects.toThrow(/Source_url_check/);
    await client.query(
      `INSERT INTO "Source" (publisher, title, url, "updatedAt") VALUES ('x', 'y', 'https://example.org/a', now())`,
    );
  });
});

describe('server-action bodies without a session', () => {
  const action = (headers: Record<string, string>, body = '[]') =>
    new Request('http://localhost/', {
      method: 'POST',
      headers: { 'next-action': 'x', 'content-type': 'text/plain', ...headers },
      body,
    });
  it('are refused over 64 kB, or of unknown length, before they are read', async () => {
    const { actionRequestProblem } = await import('../lib/action-request');
    expect(await actionRequestProblem(action({ 'content-length': String(65 * 1024) }))).toMatchObject({ status: 413 });
    expect(await actionRequestProblem(action({}))).toMatchObject({ status: 411 });
    // The sign-in form is small; a signed-in editor's upload may be large.
    expect(await actionRequestProblem(action({ 'content-length': '2' }))).toBeNull();
    expect(
      await actionRequestProblem(
        action({ 'content-length': String(65 * 1024), cookie: 'better-auth.session_token=abc' }),
      ),
    ).toBeNull();
  });
});

describe('slow downloads cannot take every export connection', () => {
  const download = (file: string, ip: string) =>
    exportRoute(new Request(`http://localhost/api/export/${file}`, { headers: { 'x-forwarded-for': ip } }), {
      params: Promise.resolve({ file }),
    });

  it('a client may have two downloads under way; a third is refused with 429 and Retry-After', async () => {
    const held = [await download('signatures.csv', '198.51.100.77'), await download('everything.zip', '198.51.100.77')];
    expect(held.map((r) => r.status)).toEqual([200, 200]);
    const third = await download('people.csv', '198.51.100.77');
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('10');
    const someoneElse = await download('people.csv', '198.51.100.78');
    expect(someoneElse.status).toBe(200);
    await someoneElse.text();
    for (const r of held) await r.body!.cancel();
    await new Promise((r) => setTimeout(r, 100));
    const again = await download('people.csv', '198.51.100.77');
    expect(again.status).toBe(200);
    await again.text();
  });

  it('a HEAD is answered with what the file would be and holds no slot (issue 23: four HEADs jammed an address)', async () => {
    const head = (file: string) =>
      exportRoute(
        new Request(`http://localhost/api/export/${file}`, {
          method: 'HEAD',
          headers: { 'x-forwarded-for': '198.51.100.90' },
        }),
        { params: Promise.resolve({ file }) },
      );
    for (let i = 0; i < 6; i++) {
      const answer = await head(i % 2 ? 'everything.zip' : 'signatures.csv');
      expect(answer.status).toBe(200);
      expect(answer.body).toBeNull();
      expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="whipcount-/);
    }
    expect((await head('nothing.csv')).status).toBe(404);
    expect((await head('audit.csv')).status).toBe(401);
    const held = [await download('signatures.csv', '198.51.100.90'), await download('people.csv', '198.51.100.90')];
    expect(held.map((r) => r.status)).toEqual([200, 200]);
    for (const r of held) await r.body!.cancel();
  });

  it('a reader who stops reading, or never starts, loses its slot and connection; a slow one gets the whole file (issue 23)', async () => {
    const pool = () => (globalThis as { whipcountCopyPool?: pg.Pool }).whipcountCopyPool!;
    const inUse = () => pool().totalCount - pool().idleCount;
    const whole = await (await download('signatures.csv', '198.51.100.95')).text();
    process.env.WHIPCOUNT_EXPORT_STALL_MS = '400';
    try {
      const ip = '198.51.100.96';
      const stopped = (await download('signatures.csv', ip)).body!.getReader();
      expect((await stopped.read()).done).toBe(false); // reads a part, then nothing more
      const neverStarted = await download('everything.zip', ip);
      expect(neverStarted.status).toBe(200);
      expect((await download('people.csv', ip)).status).toBe(429);
      expect(inUse()).toBeGreaterThan(0); // the archive of a small database may be read whole already
      await new Promise((r) => setTimeout(r, 1200));
      expect(inUse()).toBe(0);
      await expect(stopped.read()).rejects.toThrow(/took nothing for 400 ms/);
      // A slow reader who keeps taking parts is never cut off, and gets every byte.
      const slow = (await download('signatures.csv', ip)).body!.getReader();
      const parts: Uint8Array[] = [];
      for (let i = 0; ; i++) {
        if (i < 8) await new Promise((r) => setTimeout(r, 250));
        const { value, done } = await slow.read();
        if (done) break;
        parts.push(value);
      }
      expect(Buffer.concat(parts).toString()).toBe(whole);
      const after = await download('people.csv', ip);
      expect(after.status).toBe(200);
      await after.body!.cancel();
    } finally {
      delete process.env.WHIPCOUNT_EXPORT_STALL_MS;
    }
  });

  it('an archive cut off in the middle of a table (its reader stalled) ends quietly and gives its connection back', async () => {
    // Enough rows that the archive is mid-COPY when its reader stops (yazl left such an error unheard:
    // the process ended with an uncaught exception).
    await client.query(
      `INSERT INTO "Person" (slug, name, "sortName", "sourceId", "updatedAt")
       SELECT 'bulk-' || i, md5(i::text) || md5((i * 7)::text), md5(i::text), (SELECT min(id) FROM "Source"), now()
       FROM generate_series(1, 15000) AS i`,
    );
    process.env.WHIPCOUNT_EXPORT_STALL_MS = '400';
    try {
      const reader = (await download('everything.zip', '198.51.100.97')).body!.getReader();
      expect((await reader.read()).done).toBe(false);
      const pool = (globalThis as { whipcountCopyPool?: pg.Pool }).whipcountCopyPool!;
      expect(pool.totalCount - pool.idleCount).toBe(1);
      await new Promise((r) => setTimeout(r, 1200));
      await expect(reader.read()).rejects.toThrow(/took nothing for 400 ms/);
      expect(pool.totalCount - pool.idleCount).toBe(0);
    } finally {
      delete process.env.WHIPCOUNT_EXPORT_STALL_MS;
      await client.query(`DELETE FROM "Person" WHERE slug LIKE 'bulk-%'`);
    }
  });

  it('when every connection stays busy, a download is told 503 and when to retry within seconds', async () => {
    const { copyConnection } = await import('../lib/export');
    const holder = globalThis as { whipcountCopyPool?: pg.Pool };
    const resetPool = async () => {
      const pool = holder.whipcountCopyPool;
      delete holder.whipcountCopyPool;
      await pool?.end();
    };
    await resetPool();
    process.env.WHIPCOUNT_EXPORT_POOL = '1';
    process.env.WHIPCOUNT_EXPORT_WAIT_MS = '300';
    try {
      const busy = await copyConnection(); // a download mid-way, holding the only connection
      const started = Date.now();
      const refused = await download('signatures.csv', '198.51.100.81');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(Date.now() - started).toBeLessThan(2000);
      busy.release();
      const after = await download('signatures.csv', '198.51.100.81');
      expect(after.status).toBe(200);
      await after.text();
    } finally {
      delete process.env.WHIPCOUNT_EXPORT_POOL;
      delete process.env.WHIPCOUNT_EXPORT_WAIT_MS;
      await resetPool();
    }
  });
});

describe('one rule for text in addresses (issue 23 §3)', () => {
  it('refuses a NUL, bytes that are not UTF-8 and half a character with 400, before any page or API runs', async () => {
    const { proxy } = await import('../proxy');
    const { NextRequest } = await import('next/server');
    const status = async (path: string) => (await proxy(new NextRequest(`http://localhost${path}`))).status;
    for (const path of [
      '/people?q=%00',
      '/people?party=Lab%00our',
      '/api/v1/people?q=a%00',
      '/campaigns/plp-motion?q=%FF',
      '/api/v1/campaigns/plp-motion/signatures?party=%ED%A0%80',
      '/api/export/signatures.csv?party=%C3',
      '/people/%00',
    ])
      expect(await status(path), path).toBe(400);
    for (const path of ['/people?q=Zo%C3%AB', '/people?q=a+b%26c', '/campaigns/plp-motion?q=%F0%9F%98%80', '/'])
      expect(await status(path), path).toBe(200);
  });
});

describe('a POST comes from this site, its whole origin compared (issue 23 §6)', () => {
  it('refuses no Origin, another origin, a forged X-Forwarded-Host, another scheme or port, with or without JavaScript', async () => {
    const { proxy } = await import('../proxy');
    const { NextRequest } = await import('next/server');
    const post = async (headers: Record<string, string>) =>
      (
        await proxy(
          new NextRequest('http://localhost:3000/campaigns', {
            method: 'POST',
            headers: { host: 'localhost:3000', ...headers },
          }),
        )
      ).status;
    // A no-JS form post (multipart, no Next-Action header) from another site: 403, not a 500 later.
    expect(await post({ origin: 'http://evil.example', 'content-type': 'multipart/form-data; boundary=x' })).toBe(403);
    expect(await post({})).toBe(403);
    expect(await post({ origin: 'null' })).toBe(403);
    expect(await post({ origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' })).toBe(403);
    expect(await post({ origin: 'https://localhost:3000' })).toBe(403);
    expect(await post({ origin: 'http://localhost:3001' })).toBe(403);
    expect(await post({ 'sec-fetch-site': 'cross-site' })).toBe(403);
    // This site, by its own address or the configured one, or a browser saying same-origin.
    expect(await post({ origin: 'http://localhost:3000' })).toBe(200);
    expect(await post({ 'sec-fetch-site': 'same-origin' })).toBe(200);
    const previous = process.env.BETTER_AUTH_URL;
    process.env.BETTER_AUTH_URL = 'https://whipcount.example';
    try {
      expect(await post({ origin: 'https://whipcount.example' })).toBe(200);
      expect(await post({ origin: 'http://whipcount.example' })).toBe(403);
    } finally {
      if (previous === undefined) delete process.env.BETTER_AUTH_URL;
      else process.env.BETTER_AUTH_URL = previous;
    }
  });
});

describe('the Content-Security-Policy of every answer (issue 23 §7)', () => {
  it('has a fresh nonce for scripts, no unsafe-inline for them, and covers refusals and redirects too', async () => {
    const { proxy } = await import('../proxy');
    const { NextRequest } = await import('next/server');
    const headersOf = async (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
      (await proxy(new NextRequest(`http://localhost:3000${path}`, init))).headers;
    const policies = [];
    for (const [path, init] of [
      ['/campaigns', {}],
      ['/admin', {}], // a redirect to sign in
      ['/people?q=%00', {}], // refused with 400
      ['/campaigns', { method: 'POST', headers: { origin: 'http://evil.example' } }], // refused with 403
    ] as const) {
      const policy = (await headersOf(path, init)).get('content-security-policy') ?? '';
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toContain("object-src 'none'");
      expect(policy, path).toContain("base-uri 'self'");
      expect(policy, path).toContain("form-action 'self'");
      expect(policy, path).toContain("default-src 'self'");
      policies.push(policy);
    }
    expect(new Set(policies).size).toBe(policies.length);
    expect((await headersOf('/embed/campaigns/x')).get('content-security-policy')).toContain('frame-ancestors *');
  });

  it('tells browsers to keep to https only when the site is served over https', async () => {
    const { proxy } = await import('../proxy');
    const { NextRequest } = await import('next/server');
    const hsts = async () =>
      (await proxy(new NextRequest('http://localhost:3000/'))).headers.get('strict-transport-security');
    const previous = process.env.BETTER_AUTH_URL;
    try {
      process.env.BETTER_AUTH_URL = 'http://localhost:3000';
      expect(await hsts()).toBeNull();
      process.env.BETTER_AUTH_URL = 'https://whipcount.example';
      expect(await hsts()).toBe('max-age=63072000');
    } finally {
      if (previous === undefined) delete process.env.BETTER_AUTH_URL;
      else process.env.BETTER_AUTH_URL = previous;
    }
  });
});
