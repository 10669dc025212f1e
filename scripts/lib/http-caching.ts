// What the app server tells HTTP caches (browsers, a reverse proxy, a CDN) — decision 017: each
// request's kind and its rule come from the one table, lib/cache-rules.ts; here are the request
// side (its facts, its validator, If-None-Match) and the data version reader. Pure, but for that
// reader.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';
import pg from 'pg';
import { connectionBudget } from '../../lib/connections';
import { NO_STORE, type RequestFacts, type UrlKind, urlKind } from '../../lib/cache-rules';
import { hasSignedSession } from './session-cookie';

/** The facts of a request the table of cache rules reads. */
export function requestFacts(req: IncomingMessage): RequestFacts {
  const raw = req.url ?? '/';
  return {
    // As sent, not normalised: "/admin/../x" is private, as before any router reads it.
    path: raw.split('?')[0]!,
    method: req.method ?? 'GET',
    signedIn: hasSignedSession(req.headers.cookie),
    clientRouter:
      !!(req.headers.rsc || req.headers['next-router-state-tree'] || req.headers['next-router-prefetch']) ||
      new URLSearchParams(raw.split('?')[1] ?? '').has('_rsc'),
  };
}

/** The kind of this request's address (lib/cache-rules.ts), whose rule its answer follows. */
export const kindOf = (req: IncomingMessage): UrlKind => urlKind(requestFacts(req));

/**
 * The encoding an answer goes out in: part of each validator (an ETag names its encoding) and of
 * the page cache's key, so it must be the one the app server's `compression` middleware will
 * choose. It is: the same negotiation (negotiator, the version compression 1.7 depends on) over
 * the same encodings, gzip preferred where the client weighs two alike.
 */
export function negotiatedEncoding(acceptEncoding: string): 'gzip' | 'deflate' | 'identity' {
  // negotiator 0.6 takes the preferred encodings second; its published types predate that argument.
  const negotiator: { encoding(available: string[], preferred: string[]): string | undefined } = new Negotiator({
    headers: { 'accept-encoding': acceptEncoding },
  });
  const chosen = negotiator.encoding(['gzip', 'deflate', 'identity'], ['gzip']);
  return chosen === 'gzip' || chosen === 'deflate' ? chosen : 'identity';
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
    headers: { allow: ALLOWED_METHODS.join(', '), 'cache-control': NO_STORE, 'content-length': '0' },
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
