// What the app tells HTTP caches (browsers, a reverse proxy, a CDN) — decision 017. Anonymous
// answers of public pages, the JSON API and public exports carry a validator built from the data
// version (decision 015), so a matching If-None-Match is answered 304 without rendering, and pages
// and the API may be kept by shared caches for a few seconds. Anything for a signed-in user, under
// /admin or /login, is private and never stored. Pure, but for the data version reader below.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pg from 'pg';
import { connectionBudget } from '../../lib/connections';
import { negotiatedEncoding } from './page-cache';
import { hasSignedSession } from './session-cookie';

export type Publicness = 'page' | 'export' | 'private' | 'other';

/** How public the answer to this request is. */
export function publicness(req: IncomingMessage): Publicness {
  const path = (req.url ?? '/').split('?')[0]!;
  if (/^\/(_next\/|favicon|icon)/.test(path)) return 'other';
  if (hasSignedSession(req.headers.cookie) || /^\/(admin|login)(\/|$)/.test(path) || /^\/api\/auth\//.test(path))
    return 'private';
  if (req.method !== 'GET' && req.method !== 'HEAD') return 'other';
  if (req.headers.rsc || req.headers['next-router-state-tree'] || req.headers['next-router-prefetch']) return 'other';
  if (/^\/api\/export\/audit\.csv$/.test(path)) return 'private';
  if (/^\/api\/export\//.test(path)) return 'export';
  if (/^\/api\/(health)(\/|$)/.test(path)) return 'other';
  return 'page';
}

/** Cache-Control for each kind: pages shared for `seconds` (and served stale while one revalidates), exports always revalidated. */
export function cacheControl(kind: Publicness, seconds: number): string | null {
  if (kind === 'page')
    return seconds > 0
      ? `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=${seconds * 6}`
      : 'public, max-age=0, must-revalidate';
  if (kind === 'export') return 'public, max-age=0, must-revalidate';
  if (kind === 'private') return 'private, no-store';
  return null;
}

/**
 * The validator of an answer: the address it answers (an ETag belongs to its URL: issue 23), the
 * build, the data version, the day (pages say "today"), and the encoding it is sent in.
 */
export function etagFor(buildId: string, version: string, day: string, req: IncomingMessage): string {
  const url = createHash('sha256')
    .update(req.url ?? '/')
    .digest('base64url')
    .slice(0, 12);
  return `W/"${url}.${buildId}.${version}.${day}.${negotiatedEncoding(String(req.headers['accept-encoding'] ?? ''))}"`;
}

/**
 * If-None-Match names this validator. `*` ("any current representation") is not answered here,
 * before routing, where it cannot be known that the address has one: the page is rendered (a 404
 * stays a 404), which is never wrong, only less thrifty for the rare client that sends it.
 */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === etag.replace(/^W\//, ''));
}

/** The methods every address answers; anything else is 405 (OPTIONS: 204), before the app sees it. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** The answer to a request's method when the app should not see it, or null. */
export function methodAnswer(
  method: string | undefined,
): { status: 204 | 405; headers: Record<string, string> } | null {
  if ((ALLOWED_METHODS as readonly string[]).includes(method ?? 'GET')) return null;
  return {
    status: method === 'OPTIONS' ? 204 : 405,
    headers: { allow: ALLOWED_METHODS.join(', '), 'cache-control': 'no-store', 'content-length': '0' },
  };
}

/** Reads the data version, at most every `everyMs`; null when the database does not answer. */
export function dataVersionReader(url: string | undefined, everyMs = 200) {
  const pool = url
    ? new pg.Pool({ connectionString: url, max: connectionBudget().versionReader, connectionTimeoutMillis: 1000 })
    : null;
  pool?.on('error', () => {});
  let last: { at: number; value: { version: string; changedAt: Date } | null } | null = null;
  return {
    async read(): Promise<{ version: string; changedAt: Date } | null> {
      if (!pool) return null;
      if (last && Date.now() - last.at < everyMs) return last.value;
      try {
        // The database's epoch with the number: two databases' versions never look alike.
        const { rows } = await pool.query<{ version: string; changedAt: Date }>(
          `SELECT epoch || '-' || version AS version, "changedAt" AS "changedAt" FROM "DataVersion" WHERE id = 1`,
        );
        last = { at: Date.now(), value: rows[0] ?? null };
      } catch {
        last = { at: Date.now(), value: null };
      }
      return last.value;
    },
    end: () => pool?.end(),
  };
}
