// One app server process: Next.js's request handler behind the public-page micro-cache
// (./page-cache.ts) and the HTTP caching rules (./http-caching.ts). scripts/serve.ts runs one per
// worker (or just one).
//   WHIPCOUNT_PAGE_CACHE_SECONDS     how long an anonymous page may be shared (s-maxage; default 5)
//   WHIPCOUNT_PROCESS_CACHE_SECONDS  this process's own page cache (default the same; 0: none)
//   WHIPCOUNT_HOST                   the address to listen on (default every interface)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import next from 'next';
import { isMarkedDown } from '../../lib/outage';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cacheControl, CACHE_RULES, pageCacheSeconds, type UrlKind } from '../../lib/cache-rules';
import { dataVersionReader, etagFor, kindOf, methodAnswer, notModified } from './http-caching';
import { PageCache } from './page-cache';
import { ROOT } from './run';

/**
 * Answers are compressed here, not by Next.js (`compress: false` in next.config.js; decision 029):
 * the same `compression` middleware Next.js runs, with a level per kind of answer. Pages keep
 * zlib's default; a download takes the fastest level. Compressing the export of a million
 * signatures at the default cost 1.7 s of CPU (138 MB to 11.6 MB) on the cores the database's COPY
 * runs on, and held the download to 77 % of COPY's pace; at level 1 it costs 0.5 s (to 15.8 MB).
 * A route handler cannot compress for itself: Next.js drops the Content-Encoding it sets.
 */
const compressors: Record<'download' | 'other', ReturnType<typeof compression>> = {
  download: compression({ level: zlib.Z_BEST_SPEED }),
  other: compression(),
};
const compressorFor = (kind: UrlKind) => compressors[kind === 'export' ? 'download' : 'other'];

/**
 * Runs `render` with `res` compressed as the client accepts. A client that leaves mid-answer never
 * ends the middleware's zlib stream, which then outlives the answer: it is destroyed on close, as
 * Next.js does for its own (its release-compression-stream.js; the middleware hands the stream
 * back from `res.on('drain')`).
 */
function compressed(kind: UrlKind, req: IncomingMessage, res: ServerResponse, render: () => Promise<void>) {
  let rendered: Promise<void> = Promise.resolve();
  compressorFor(kind)(req as never, res as never, () => {
    rendered = render();
  });
  res.once('close', () => {
    if (res.writableFinished) return;
    const noop = () => {};
    const stream: unknown = res.on('drain', noop);
    res.off('drain', noop);
    if (stream !== res && stream instanceof Duplex) stream.destroy();
  });
  return rendered;
}

/** Serves the built app on `port` until SIGTERM or SIGINT, then stops within five seconds. */
export async function serveApp(port: number): Promise<void> {
  const ttlSeconds = pageCacheSeconds();
  // Behind a caching proxy the proxy does this job; a second cache in each process would only add
  // its seconds to the staleness (decision 017). Defaults to the same seconds.
  const processCacheSeconds = Number(process.env.WHIPCOUNT_PROCESS_CACHE_SECONDS ?? ttlSeconds);
  const cache = new PageCache({ ttlMs: Math.max(0, processCacheSeconds) * 1000 });
  // The data layer clears it after a save (lib/cache.ts); it runs in this process.
  (globalThis as { whipcountPageCache?: PageCache }).whipcountPageCache = cache;

  const versions = dataVersionReader(process.env.DATABASE_URL);
  const buildId = (() => {
    try {
      return readFileSync(path.join(ROOT, '.next', 'BUILD_ID'), 'utf8').trim();
    } catch {
      return 'dev';
    }
  })();

  const app = next({ dev: false, dir: ROOT, hostname: 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => void answer(req, res));

  async function answer(req: IncomingMessage, res: ServerResponse) {
    // TRACE, PUT, DELETE … on any address: 405 with Allow (OPTIONS: 204), not a 500 or a page.
    const refused = methodAnswer(req.method);
    if (refused) {
      res.writeHead(refused.status, refused.headers);
      res.end();
      return;
    }
    // What `next start` records about the client, which sign-in throttling relies on: the address
    // this server saw is appended, so a client cannot choose the last entry.
    const remote = req.socket.remoteAddress ?? 'unknown';
    const forwarded = req.headers['x-forwarded-for'];
    req.headers['x-forwarded-for'] = forwarded ? `${forwarded}, ${remote}` : remote;
    // The host is the one the request was sent to (a proxy in front sets Host); a client's own
    // X-Forwarded-Host is not believed (issue 23 §6).
    req.headers['x-forwarded-host'] = req.headers.host;
    req.headers['x-forwarded-proto'] ??= 'http';
    // A page that failed because the database is down (the data layer or instrumentation.ts has
    // marked it so, lib/outage.ts) answers 503, not 500, from the very first request of an outage.
    // HTTP caching (decision 017): public answers carry a validator from the data version and may be
    // shared for a few seconds; a matching If-None-Match is answered 304 without rendering.
    const kind = kindOf(req);
    let version: Awaited<ReturnType<typeof versions.read>> = null;
    if (CACHE_RULES[kind].validator) {
      version = await versions.read();
      if (version) {
        const etag = etagFor(buildId, version.version, new Date().toISOString().slice(0, 10), req);
        const control = cacheControl(kind, ttlSeconds)!;
        if (notModified(req, etag)) {
          res.writeHead(304, { etag, 'cache-control': control, vary: 'Accept-Encoding' });
          res.end();
          return;
        }
        res.setHeader('etag', etag);
        res.setHeader('last-modified', version.changedAt.toUTCString());
      }
    }
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
    res.writeHead = (status: number, ...rest: unknown[]) => {
      const control = cacheControl(kind, ttlSeconds);
      // Only answers that are the same for everyone are public: not errors, not ones that set a cookie.
      if (control && kind !== 'private' && status === 200 && !res.hasHeader('set-cookie')) {
        res.setHeader('cache-control', control);
        res.setHeader('vary', 'Accept-Encoding');
      } else if (kind === 'private' || (control && res.hasHeader('set-cookie'))) {
        res.setHeader('cache-control', cacheControl('private')!);
      } else if (control) {
        res.removeHeader('etag');
        res.removeHeader('last-modified');
      }
      return writeHead(status === 500 && isMarkedDown() ? 503 : status, ...rest);
    };
    cache
      // A kept page is served only while the data version it was rendered at holds (any server's save).
      .handle(req, res, () => compressed(kind, req, res, () => handle(req, res)), version?.version ?? null, kind)
      .catch((error: unknown) => {
        console.error('[serve] request failed:', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Something went wrong; it has been logged.');
      });
  }
  server.keepAliveTimeout = 65_000;
  // A connection on which nothing moves for a minute (a reader who stopped reading, a client that
  // stopped sending) is closed, so stalled clients cannot hold sockets and buffers for ever.
  server.timeout = 60_000;
  server.headersTimeout = 30_000;
  // Every interface unless WHIPCOUNT_HOST names one (127.0.0.1: this machine only).
  const host = process.env.WHIPCOUNT_HOST || undefined;
  server.listen(port, host, () =>
    console.log(
      `✓ Ready on http://${host ?? 'localhost'}:${port}${host ? '' : ' (every interface)'} (public pages shared for ${ttlSeconds} s, ${processCacheSeconds} s in this process)`,
    ),
  );

  // Stop taking requests, let those under way finish (idle keep-alive connections are closed at
  // once), and exit within five seconds whatever happens.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
