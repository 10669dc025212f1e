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

/**
 * Characters no text in this app may hold: NUL (PostgreSQL refuses it, and a NUL in a search once
 * answered 500) and UTF-16 surrogates that pair with nothing (they are no character at all).
 */
export const FORBIDDEN_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with an address's path or query, or null: a part that is not UTF-8 once
 * percent-decoded, or text no field may hold. proxy.ts answers 400 for it, for every page, route
 * and API (issue 23).
 */
export function addressProblem(url: string): string | null {
  const { pathname, search } = new URL(url, 'http://x');
  const parts = [
    ...pathname.split('/'),
    ...search
      .slice(1)
      .split('&')
      .flatMap((pair) => pair.split('=').map((part) => part.replace(/\+/g, ' '))),
  ];
  for (const part of parts) {
    let text: string;
    try {
      text = decodeURIComponent(part);
    } catch {
      return 'The address is not valid UTF-8 once decoded.';
    }
    if (FORBIDDEN_TEXT.test(text))
      return 'The address holds a character no text may hold (a NUL, or half a character).';
  }
  return null;
}

/**
 * A calendar day written YYYY-MM-DD that exists ("2019-02-29" and "2019-13-45" do not). The one
 * date rule of every form, import and address (issue 23 §8: "2019-13-45" once threw a RangeError
 * where a field error was due).
 */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/**
 * The calendar day of a date or date-time as Parliament's APIs write them ("2019-06-27",
 * "2019-06-27T00:00:00", with a zone or not), or null: by the one date rule, `isDay`.
 */
export function dayOfDateTime(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  return m && isDay(m[1]!) ? m[1]! : null;
}
