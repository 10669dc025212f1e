// A micro-cache for public pages, in front of Next.js's request handler: the answer to an
// anonymous GET of a dashboard page or of the JSON API is kept for a few seconds and served to
// everyone who asks meanwhile, so a burst of readers (a story breaking) costs one render per page
// per few seconds instead of one per reader. See docs/decisions/011-public-page-micro-cache.md.
//
// Only what is the same for every anonymous reader is kept: GET, no signed session cookie, no client
// router (RSC) request, a 200 answer of HTML, JSON, an Atom feed or a share image without Set-Cookie. Signed-in users always
// get a fresh render; a save through this process clears the cache at once (lib/cache.ts), and
// other processes' copies are retired when the data version they were rendered at changes (read
// by serve.ts at most every 200 ms), and in any case within the TTL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CACHE_RULES, type UrlKind } from '../../lib/cache-rules';
import { kindOf, negotiatedEncoding } from './http-caching';

export interface CachedAnswer {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  storedAt: number;
  /** The data version it was rendered at (decision 015), when known: a newer version retires it. */
  version?: string | null;
}

export interface PageCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  maxBytes?: number;
  maxEntryBytes?: number;
}

/**
 * The query parameters public pages and the JSON API read (their zod schemas and route handlers;
 * tests/page-cache.test.ts checks the schemas against this list). Only these are part of the key,
 * in this order: `?x=random` cannot evict real pages or force a render, and `?b=1&a=2` is `?a=2&b=1`.
 */
export const QUERY_PARAMS = [
  'campaign',
  'confidence',
  'dir',
  'house',
  'page',
  'party',
  'per_page',
  'person',
  'q',
  'signed',
  'sort',
  'stand',
  'status',
  'theme',
] as const;

/**
 * The cache key of a request, or null when its answer must not be shared. `kind`: the request's
 * kind, when the caller has it already (the app server: a signed cookie is then checked once).
 */
export function cacheKey(req: IncomingMessage, kind: UrlKind = kindOf(req)): string | null {
  // Only what the table of cache rules lets it keep (lib/cache-rules.ts), and never a server action.
  if (req.method !== 'GET' || !CACHE_RULES[kind].pageCache || req.headers['next-action']) return null;
  const url = new URL(req.url ?? '/', 'http://cache.invalid');
  const query = QUERY_PARAMS.flatMap((name) =>
    url.searchParams.getAll(name).map((v) => `${name}=${encodeURIComponent(v)}`),
  ).join('&');
  return `${negotiatedEncoding(String(req.headers['accept-encoding'] ?? ''))} ${url.pathname}${query ? `?${query}` : ''}`;
}

/** The Cache-Control Next.js gives every dynamically rendered page. */
const NEXT_DYNAMIC_DEFAULT = 'private, no-cache, no-store, max-age=0, must-revalidate';

/** How long a request waits for another's render of the same page before it renders for itself. */
const WAIT_FOR_OTHERS_MS = 2000;

export class PageCache {
  private entries = new Map<string, CachedAnswer>();
  private inFlight = new Map<string, Promise<void>>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly options: PageCacheOptions) {}

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private fresh(key: string, version: string | null): CachedAnswer | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    // Older than the TTL, or rendered before the data changed (on any app server: the version is
    // the database's), it is no longer served.
    if (
      Date.now() - entry.storedAt > this.options.ttlMs ||
      (version !== null && entry.version != null && entry.version !== version)
    ) {
      this.delete(key);
      return null;
    }
    return entry;
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (entry) this.bytes -= entry.body.length;
    this.entries.delete(key);
  }

  private store(key: string, answer: CachedAnswer) {
    const { maxEntries = 1000, maxBytes = 64 * 1024 * 1024, maxEntryBytes = 4 * 1024 * 1024 } = this.options;
    if (answer.body.length > maxEntryBytes) return;
    this.delete(key);
    this.entries.set(key, answer);
    this.bytes += answer.body.length;
    // Oldest first out (a Map keeps insertion order).
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= maxEntries && this.bytes <= maxBytes) break;
      this.delete(oldest);
    }
  }

  /**
   * Answers from the cache, or lets `render` answer and keeps a copy when it may be shared.
   * Concurrent misses for one key wait for the first render instead of each rendering.
   */
  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    render: () => Promise<void>,
    /** The data version now (null when unknown: the TTL alone decides). */
    version: string | null = null,
    kind?: UrlKind,
  ): Promise<void> {
    const key = this.options.ttlMs > 0 ? cacheKey(req, kind) : null;
    if (key === null) return render();
    let entry = this.fresh(key, version);
    if (!entry && this.inFlight.has(key)) {
      // The render is stored as soon as it is complete, whoever downloads it how slowly; a render
      // that takes too long is not waited for.
      await Promise.race([this.inFlight.get(key), new Promise((r) => setTimeout(r, WAIT_FOR_OTHERS_MS).unref())]);
      entry = this.fresh(key, version);
    }
    if (entry) {
      this.hits++;
      res.writeHead(entry.status, {
        ...entry.headers,
        age: String(Math.floor((Date.now() - entry.storedAt) / 1000)),
        'x-whipcount-cache': 'hit',
      });
      res.end(entry.body);
      return;
    }
    this.misses++;
    const done = this.capture(res, key, version);
    // Only the first render of a key is waited for; a request that gave up waiting renders alone.
    const first = !this.inFlight.has(key);
    if (first) this.inFlight.set(key, done);
    try {
      res.setHeader('x-whipcount-cache', 'miss');
      await render();
      await done;
    } finally {
      if (first) this.inFlight.delete(key);
    }
  }

  /** Records what goes out on `res` (after the app server's compression) and stores it if shareable. */
  private capture(res: ServerResponse, key: string, version: string | null): Promise<void> {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : typeof chunk === 'string'
            ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding)
            : Buffer.from(chunk as Uint8Array),
      );
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    let settle: () => void = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      // Everything Next.js will send is in hand: store it now, not when a slow reader has
      // downloaded it, so no one waits on another client's connection.
      this.keepIfShareable(res, key, chunks, version);
      settle();
      return end(chunk, ...rest);
    }) as typeof res.end;
    res.once('close', () => settle());
    return settled;
  }

  private keepIfShareable(res: ServerResponse, key: string, chunks: Buffer[], version: string | null) {
    const type = String(res.getHeader('content-type') ?? '');
    // A compressed body only under the key of its encoding (a client that asked for no compression
    // must never get a compressed copy); an uncompressed one suits anyone. The app must not have
    // called it private.
    const encoding = String(res.getHeader('content-encoding') ?? 'identity');
    // Next.js marks every dynamic page this way whatever it holds; anything else private or
    // no-store was said by the app on purpose and is honoured.
    const cacheControl = String(res.getHeader('cache-control') ?? '');
    const saidPrivate = cacheControl !== NEXT_DYNAMIC_DEFAULT && /\b(private|no-store)\b/.test(cacheControl);
    const shareable =
      res.statusCode === 200 &&
      !res.hasHeader('set-cookie') &&
      /^(text\/html|application\/json|application\/atom\+xml|image\/png)/.test(type) &&
      (encoding === 'identity' || key.startsWith(`${encoding} `)) &&
      !saidPrivate;
    if (!shareable) return;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (
        value !== undefined &&
        name !== 'x-whipcount-cache' &&
        name !== 'date' &&
        name !== 'connection' &&
        name !== 'keep-alive' &&
        name !== 'transfer-encoding'
      ) {
        headers[name] = Array.isArray(value) ? value : String(value);
      }
    }
    const body = Buffer.concat(chunks);
    headers['content-length'] = String(body.length);
    this.store(key, { status: 200, headers, body, storedAt: Date.now(), version });
  }
}
