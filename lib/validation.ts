// Small checks shared by pages and route handlers.

/**
 * The slug rule, written once: lower-case letters and digits in words joined by single hyphens.
 * The forms (lib/admin/fields.ts), the parsers and the database's CHECKs (migrations) all say this.
 */
export const SLUG_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 120;

/** A well-formed slug: anything else (path tricks, odd characters) is not worth a query. */
export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX && SLUG_RE.test(value);
}

const SITE = 'http://whipcount.invalid';

/**
 * Where to send someone after signing in: a path of this site only. The text is parsed as a URL
 * against this site's origin, as a browser would; anything that leaves the origin, carries a
 * backslash or a control character (which browsers read as "//"), or is not a path goes to /admin.
 */
export function safeNextPath(value: unknown, fallback = '/admin'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, SITE);
    if (url.origin !== SITE || url.pathname.startsWith('//')) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** A page number that exists: whole, at least 1, at most the last page of `total` rows (any input). */
export function clampPage(requested: unknown, total: number, pageSize: number): number {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const n = typeof requested === 'number' && Number.isFinite(requested) ? Math.floor(requested) : 1;
  return Math.min(Math.max(1, n), last);
}

/** A stage's number in a URL ("2"), or null: 1 to 999, no leading zeros or signs. */
export function stagePosition(text: string | null | undefined): number | null {
  return text && /^[1-9]\d{0,2}$/.test(text) ? Number(text) : null;
}
