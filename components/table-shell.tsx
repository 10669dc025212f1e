import Link from 'next/link';

/**
 * A data table's cell padding and row rules, set once on the table rather than on every row and
 * cell: long tables are sent twice (HTML and RSC payload), so per-cell classes cost twice per cell.
 */
export const TABLE_CELLS = '[&_td]:px-3 [&_td]:py-2 [&>tbody>tr]:border-t [&>tbody>tr]:border-rule';

/** The frame every data table shares: a horizontal scroller, a header row, the body rows. */
export function TableShell({
  columns,
  children,
  testId,
  label,
  minWidth = 'min-w-[560px]',
  maxHeight,
  scrollLabel,
  columnClasses = [],
  tableClass = '',
}: {
  columns: React.ReactNode[];
  /** Classes of each column's header cell: `hidden sm:table-cell` for a column that gives way on a phone. */
  columnClasses?: (string | undefined)[];
  /** More classes of the table (e.g. columns that give way on a phone, written out whole). */
  tableClass?: string;
  children: React.ReactNode;
  testId?: string;
  label?: string;
  minWidth?: string;
  /** Scroll vertically past this height (a Tailwind max-h class), keeping the header in view. */
  maxHeight?: string;
  /** For a table that may scroll sideways on a phone: the scroller is a named region keyboards can reach. */
  scrollLabel?: string;
}) {
  return (
    <div
      className={`${maxHeight ? `${maxHeight} overflow-auto` : 'overflow-x-auto'} rounded border border-rule bg-white`}
      {...(scrollLabel ? { role: 'region', 'aria-label': scrollLabel, tabIndex: 0 } : {})}
    >
      <table
        className={`w-full ${minWidth} text-left text-sm ${TABLE_CELLS} ${tableClass}`}
        data-testid={testId}
        aria-label={label}
      >
        <thead className={`${maxHeight ? 'sticky top-0 ' : ''}bg-paper text-xs uppercase tracking-wide text-muted`}>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={`px-3 py-2 ${columnClasses[i] ?? ''}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Previous / next links between pages of a list; nothing when there is one page. */
export function Pager({
  page,
  pages,
  href,
  label = 'Pages',
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="no-print flex items-center gap-4 text-sm">
      {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : <span className="text-muted">← Previous</span>}
      <span className="text-muted">
        Page {page} of {pages}
      </span>
      {page < pages ? <Link href={href(page + 1)}>Next →</Link> : <span className="text-muted">Next →</span>}
    </nav>
  );
}
