// The public-page micro-cache, in front of a real HTTP server: what it shares, what it never
// shares, expiry, clearing, and one render for a burst of identical requests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { PageCache, QUERY_PARAMS } from '../scripts/lib/page-cache';
import { negotiatedEncoding } from '../scripts/lib/http-caching';
import { signedSession } from './support/session-cookie';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

type Render = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A server whose renders are counted; `render` decides each answer; `version()` is the data version. */
async function serve(cache: PageCache, render: Render, version: () => string | null = () => null) {
  let renders = 0;
  const server = createServer((req, res) => {
    void cache.handle(
      req,
      res,
      async () => {
        renders++;
        await render(req, res);
      },
      version(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  close = () => new Promise((r) => server.close(() => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers }),
    renders: () => renders,
  };
}

const page: Render = (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.write('<p>rendered ');
  res.end(`${req.url} at ${process.hrtime.bigint()}</p>`);
};

describe('the public-page micro-cache', () => {
  it('serves a kept page only while the data version it was rendered at holds (a save on any server)', async () => {
    let version = 'e1-41';
    const app = await serve(new PageCache({ ttlMs: 60_000 }), page, () => version);
    const first = await (await app.get('/campaigns/x')).text();
    expect(await (await app.get('/campaigns/x')).text()).toBe(first);
    expect(app.renders()).toBe(1);
    version = 'e1-42'; // another app server saved something
    const after = await app.get('/campaigns/x');
    expect(after.headers.get('x-whipcount-cache')).toBe('miss');
    expect(await after.text()).not.toBe(first);
    expect(app.renders()).toBe(2);
    expect((await app.get('/campaigns/x')).headers.get('x-whipcount-cache')).toBe('hit');
  });

  it('shares an anonymous page for its TTL, then renders it again', async () => {
    const app = await serve(new PageCache({ ttlMs: 300 }), page);
    const first = await app.get('/campaigns/x');
    const text = await first.text();
    expect(first.headers.get('x-whipcount-cache')).toBe('miss');
    const second = await app.get('/campaigns/x');
    expect(second.headers.get('x-whipcount-cache')).toBe('hit');
    expect(await second.text()).toBe(text);
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(app.renders()).toBe(1);
    await new Promise((r) => setTimeout(r, 350));
    expect(await (await app.get('/campaigns/x')).text()).not.toBe(text);
    expect(app.renders()).toBe(2);
  });

  it('keys on the whole address, query included', async () => {
    const app = await serve(new PageCache({ ttlMs: 10_000 }), page);
    await app.get('/campaigns/x?sort=name');
    await app.get('/campaigns/x?sort=party');
    await app.get('/campaigns/x?sort=name');
    expect(app.renders()).toBe(2);
  });

  it('never shares signed-in pages, admin pages, exports, client-router requests or non-GET requests', async () => {
    const app = await serve(new PageCache({ ttlMs: 10_000 }), page);
    const twice = async (path: string, headers: Record<string, string> = {}) => {
      const before = app.renders();
      await app.get(path, headers);
      await app.get(path, headers);
      return app.renders() - before;
    };
    const session = await signedSession();
    expect(await twice('/', { cookie: `theme=dark; better-auth.session_token=${session}` })).toBe(2);
    expect(await twice('/', { cookie: `__Secure-better-auth.session_token=${session}` })).toBe(2);
    expect(await twice('/admin/statements')).toBe(2);
    expect(await twice('/login')).toBe(2);
    expect(await twice('/api/export/people.csv')).toBe(2);
    expect(await twice('/api/health')).toBe(2);
    expect(await twice('/', { RSC: '1' })).toBe(2);
    expect(await twice('/?_rsc=abc')).toBe(2);
    expect(await twice('/api/v1/campaigns')).toBe(1);
    expect(await twice('/', { cookie: 'theme=dark' })).toBe(1);
  });

  it('keeps only 200 answers of HTML or JSON without Set-Cookie', async () => {
    const answers: Record<string, [number, Record<string, string>]> = {
      '/gone': [404, { 'content-type': 'text/html' }],
      '/down': [503, { 'content-type': 'text/html' }],
      '/cookie': [200, { 'content-type': 'text/html', 'set-cookie': 'a=b' }],
      '/file': [200, { 'content-type': 'text/csv' }],
    };
    const app = await serve(new PageCache({ ttlMs: 10_000 }), (req, res) => {
      const [status, headers] = answers[req.url!]!;
      res.writeHead(status, headers);
      res.end('x');
    });
    for (const path of Object.keys(answers)) {
      await app.get(path);
      await app.get(path);
    }
    expect(app.renders()).toBe(8);
  });

  it('keeps compressed and plain answers apart', async () => {
    const app = await serve(new PageCache({ ttlMs: 10_000 }), (req, res) => {
      const gzip = /gzip/.test(String(req.headers['accept-encoding']));
      res.writeHead(200, { 'content-type': 'text/html', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      res.end(gzip ? gzipSync('<p>hello</p>') : '<p>hello</p>');
    });
    expect(await (await app.get('/', { 'accept-encoding': 'gzip' })).text()).toBe('<p>hello</p>');
    const again = await app.get('/', { 'accept-encoding': 'gzip' });
    expect(again.headers.get('x-whipcount-cache')).toBe('hit');
    expect(again.headers.get('content-encoding')).toBe('gzip');
    expect(await again.text()).toBe('<p>hello</p>');
    const plain = await app.get('/', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('<p>hello</p>');
    expect(app.renders()).toBe(2);
  });

  it('is emptied by clear(), as a save does', async () => {
    const cache = new PageCache({ ttlMs: 10_000 });
    const app = await serve(cache, page);
    await app.get('/');
    cache.clear();
    await app.get('/');
    expect(app.renders()).toBe(2);
  });

  it('renders once for a burst of identical requests', async () => {
    const app = await serve(new PageCache({ ttlMs: 10_000 }), async (req, res) => {
      await new Promise((r) => setTimeout(r, 100));
      await page(req, res);
    });
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.get('/')));
    const texts = await Promise.all(answers.map((a) => a.text()));
    expect(new Set(texts).size).toBe(1);
    expect(app.renders()).toBe(1);
  });

  it('does nothing with a TTL of 0', async () => {
    const app = await serve(new PageCache({ ttlMs: 0 }), page);
    await app.get('/');
    await app.get('/');
    expect(app.renders()).toBe(2);
  });

  it('keys only the query parameters pages read, in one order', async () => {
    const app = await serve(new PageCache({ ttlMs: 10_000 }), page);
    const first = await (await app.get('/campaigns/x?sort=name&dir=desc')).text();
    expect(await (await app.get('/campaigns/x?dir=desc&sort=name&x=random')).text()).toBe(first);
    expect(await (await app.get('/campaigns/x?sort=name&dir=desc&utm_source=feed')).text()).toBe(first);
    expect(app.renders()).toBe(1);
    await app.get('/campaigns/x?sort=party&dir=desc');
    expect(app.renders()).toBe(2);
  });

  it('lists every query parameter the pages’ schemas read', async () => {
    const { signatureQuerySchema } = await import('../lib/signatures');
    const { peopleQuerySchema } = await import('../lib/people');
    const { whipQuerySchema } = await import('../lib/whip-count');
    const read = [signatureQuerySchema, peopleQuerySchema, whipQuerySchema].flatMap((schema) =>
      Object.keys(schema.shape),
    );
    expect(QUERY_PARAMS).toEqual(expect.arrayContaining([...new Set([...read, 'campaign', 'person', 'per_page'])]));
  });

  it('never gives a compressed copy to a client that did not ask for that encoding', async () => {
    const deflating: Render = (req, res) => {
      const deflate =
        /deflate/.test(String(req.headers['accept-encoding'])) && !/gzip/.test(String(req.headers['accept-encoding']));
      res.writeHead(200, { 'content-type': 'text/html', ...(deflate ? { 'content-encoding': 'deflate' } : {}) });
      res.end(deflate ? deflateSync('<p>deflated</p>') : '<p>plain</p>');
    };
    const app = await serve(new PageCache({ ttlMs: 10_000 }), deflating);
    await app.get('/p', { 'accept-encoding': 'deflate' });
    const plain = await app.get('/p', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('<p>plain</p>');
    expect(negotiatedEncoding('br, deflate')).toBe('deflate');
    expect(negotiatedEncoding('gzip;q=0, deflate')).toBe('deflate');
    expect(negotiatedEncoding('')).toBe('identity');
  });

  it('names the encoding the compression middleware sends, for every kind of Accept-Encoding', async () => {
    const compression = (await import('compression')).default;
    const squeeze = compression();
    const server = createServer((req, res) =>
      squeeze(req as never, res as never, () => {
        res.setHeader('content-type', 'text/html');
        res.end('<p>a page</p>'.repeat(500));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const { get } = await import('node:http');
    const sent = (acceptEncoding: string) =>
      new Promise<string>((resolve, reject) =>
        get({ port, path: '/', headers: { 'accept-encoding': acceptEncoding } }, (res) => {
          res.resume();
          resolve(res.headers['content-encoding'] ?? 'identity');
        }).on('error', reject),
      );
    try {
      for (const header of [
        'gzip, deflate, br',
        'br, deflate',
        'deflate, gzip;q=0.9',
        'gzip;q=0, deflate',
        'gzip;q=0.5, identity',
        'identity;q=0.5, deflate;q=0.4',
        '*',
        '*;q=0',
        'br',
        'GZIP',
        '',
      ])
        expect([header, negotiatedEncoding(header)]).toEqual([header, await sent(header)]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('stores a render when it is complete, so a slow reader holds no one up', async () => {
    const big = 'x'.repeat(8 * 1024 * 1024);
    const app = await serve(new PageCache({ ttlMs: 10_000, maxEntryBytes: 16 * 1024 * 1024 }), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(big);
    });
    // A client that asks and never reads the answer.
    const { request } = await import('node:http');
    const url = new URL((await app.get('/none')).url);
    const stalled = request({
      host: url.hostname,
      port: url.port,
      path: '/slow',
      headers: { 'accept-encoding': 'identity' },
    });
    stalled.on('response', (r) => r.pause());
    stalled.end();
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const second = await app.get('/slow', { 'accept-encoding': 'identity' });
    expect(second.headers.get('x-whipcount-cache')).toBe('hit');
    expect((await second.text()).length).toBe(big.length);
    expect(Date.now() - started).toBeLessThan(1500);
    stalled.destroy();
  });

  it('honours a private or no-store answer the app chose, though not Next.js’s default for every dynamic page', async () => {
    let control = 'private, no-store';
    const app = await serve(new PageCache({ ttlMs: 10_000 }), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'cache-control': control });
      res.end('<p>x</p>');
    });
    await app.get('/private');
    await app.get('/private');
    expect(app.renders()).toBe(2);
    control = 'private, no-cache, no-store, max-age=0, must-revalidate';
    await app.get('/dynamic');
    await app.get('/dynamic');
    expect(app.renders()).toBe(3);
  });
});
