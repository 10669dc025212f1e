import Link from 'next/link';
import { queryHref } from './query-href';

/**
 * A column header that sorts the table by its key, through the page's URL: the natural direction
 * first (names A–Z, counts largest first), then the other way; an arrow on the sorted column. The
 * page's other filters are kept.
 */
export function SortHeader({
  query,
  sortKey,
  label,
  natural = 'asc',
  fragment = '',
}: {
  query: Record<string, string | number | undefined> & { sort: string; dir?: 'asc' | 'desc' };
  sortKey: string;
  label: string;
  natural?: 'asc' | 'desc';
  /** Where on the page the link lands ("#members"). */
  fragment?: string;
}) {
  const sorted = query.sort === sortKey;
  const current = query.dir ?? natural;
  const dir = sorted ? (current === 'asc' ? 'desc' : 'asc') : natural;
  return (
    // A new sort starts again from the first page.
    <Link
      href={queryHref(query, { sort: sortKey, dir, page: 1 }, fragment)}
      aria-label={`Sort by ${label.toLowerCase()}`}
    >
      {label}
      {sorted ? (current === 'desc' ? ' ↓' : ' ↑') : ''}
    </Link>
  );
}
