/**
 * A link to the same page with some of its URL's filters changed ("?party=Labour&page=2#members"):
 * empty values are left out. For sort headers and pagers of tables whose state lives in the URL.
 */
export function queryHref(
  query: Record<string, string | number | undefined>,
  changes: Record<string, string | number>,
  fragment = '',
): string {
  const params = new URLSearchParams(
    Object.entries({ ...query, ...changes })
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  );
  return `?${params}${fragment}`;
}
