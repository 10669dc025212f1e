// Who may keep an answer, and for how long: the one table of cache rules, by kind of address
// (issue 25 §4; decisions 011, 015 and 017). The app server (scripts/lib/app-server.ts) classifies
// every request with `urlKind` and applies the kind's rule: its Cache-Control on a 200, its
// validator (an ETag from the data version, 304s) and whether the in-process page cache may keep
// it. Route handlers set the same header from here (`cacheHeaders`), so an answer says the same
// served by the app server or not, and errors say `NO_STORE`. nginx (deploy/nginx) honours the
// headers. Pure.

export type UrlKind = 'page' | 'export' | 'private' | 'other';

export interface CacheRule {
  /** Which addresses, in words (the README's table is this). */
  what: string;
  /** Cache-Control of a 200, given the seconds a public page may be shared; null: the handler's own. */
  control: (seconds: number) => string | null;
  /** Answered from the data version: ETag, Last-Modified, 304 for a matching If-None-Match. */
  validator: boolean;
  /** The in-process page cache may keep it (HTML, JSON, Atom and PNG answers only). */
  pageCache: boolean;
}

const revalidate = 'public, max-age=0, must-revalidate';

export const CACHE_RULES: Record<UrlKind, CacheRule> = {
  page: {
    what: 'an anonymous GET of a public page, the JSON API (/api/v1), a feed, a share image or a page’s CSV',
    control: (seconds) =>
      seconds > 0 ? `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=${seconds * 6}` : revalidate,
    validator: true,
    pageCache: true,
  },
  export: {
    what: 'an anonymous GET of a public download under /api/export',
    control: () => revalidate,
    validator: true,
    pageCache: false,
  },
  private: {
    what: 'anything with a signed session cookie; /admin, /login, /api/auth; the audit export',
    control: () => 'private, no-store',
    validator: false,
    pageCache: false,
  },
  other: {
    what: 'Next.js’s own files (/_next), client-router requests, methods other than GET and HEAD, /api/health',
    control: () => null,
    validator: false,
    pageCache: false,
  },
};

/** What every error, refusal and health answer says: never kept by anyone. */
export const NO_STORE = 'no-store';

/** The request facts the kind depends on. */
export interface RequestFacts {
  path: string;
  method: string;
  /** Carries a session cookie the server signed (scripts/lib/session-cookie.ts). */
  signedIn: boolean;
  /** A Next.js client-router request (RSC headers or `_rsc`): its answer is not the page. */
  clientRouter: boolean;
}

/** The kind of an address, for this request. */
export function urlKind({ path, method, signedIn, clientRouter }: RequestFacts): UrlKind {
  if (/^\/(_next\/|favicon|icon)/.test(path)) return 'other';
  if (signedIn || /^\/(admin|login)(\/|$)/.test(path) || /^\/api\/auth\//.test(path)) return 'private';
  if (method !== 'GET' && method !== 'HEAD') return 'other';
  if (clientRouter) return 'other';
  if (/^\/api\/export\/audit\.csv$/.test(path)) return 'private';
  if (/^\/api\/export\//.test(path)) return 'export';
  // /api/health and any other API route than the public /api/v1.
  if (/^\/api\//.test(path) && !/^\/api\/v1\//.test(path)) return 'other';
  return 'page';
}

/** How long a public page may be shared (`WHIPCOUNT_PAGE_CACHE_SECONDS`, 5; 0: never). */
export function pageCacheSeconds(): number {
  const seconds = Number(process.env.WHIPCOUNT_PAGE_CACHE_SECONDS ?? 5);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.floor(seconds) : 5;
}

/** The Cache-Control of a 200 of this kind. */
export function cacheControl(kind: UrlKind, seconds = pageCacheSeconds()): string | null {
  return CACHE_RULES[kind].control(seconds);
}

/** The headers a route handler sets on a 200 of this kind (the app server sets the same). */
export function cacheHeaders(kind: Exclude<UrlKind, 'other'>): { 'Cache-Control': string } {
  return { 'Cache-Control': cacheControl(kind)! };
}

/**
 * The headers a route handler sets on a 200 of its own address, as answered to an anonymous
 * reader: the app server makes the answer private for a signed-in one.
 */
export function cacheHeadersAt(url: string): { 'Cache-Control': string } {
  const kind = urlKind({ path: new URL(url).pathname, method: 'GET', signedIn: false, clientRouter: false });
  return { 'Cache-Control': cacheControl(kind) ?? NO_STORE };
}
