// The order of every sortable member table (whip counts, divisions): by the chosen key, in the
// chosen direction, people with the same key by surname. Sorting by name itself, the direction
// applies to the surname.

/**
 * Sorts `rows` in place and returns them: by `key` (null: by name alone) in direction `dir`, ties
 * always by `byName` ascending, so that a list's order never depends on how the database read it.
 */
export function orderRows<T>(
  rows: T[],
  key: ((row: T) => string | number) | null,
  dir: 'asc' | 'desc' | undefined,
  byName: (a: T, b: T) => number,
): T[] {
  const sign = dir === 'desc' ? -1 : 1;
  if (!key) return rows.sort((a, b) => byName(a, b) * sign);
  return rows.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || byName(a, b);
  });
}
