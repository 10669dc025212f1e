// Small checks shared by pages and route handlers.

/** A well-formed slug: anything else (path tricks, odd characters) is not worth a query. */
export function isSlug(value: string): boolean {
  return value.length <= 120 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}
