'use client';

// The numbers behind a chart as a plain table of text, drawn from plain data: a client component
// so that the page's RSC payload carries the numbers as data, not as a table of elements beside
// the same table's HTML (the server still renders it into the HTML, readable without JavaScript).
// Issue 16; docs/decisions/021-render-at-the-speed-of-the-data.md.

export interface NumbersTableProps {
  head: string[];
  /** Each row's cells, in the order of `head`; the first is the row's header when `rowHeaders`. */
  rows: { key: string; cells: (string | number)[] }[];
  rowHeaders?: boolean;
  className?: string;
}

export function NumbersTable({ head, rows, rowHeaders = false, className }: NumbersTableProps) {
  return (
    <table className={`text-left text-sm [&_td]:pr-4 [&_th]:pr-4 ${className ?? ''}`}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells: [first, ...rest] }) => (
          <tr key={key}>
            {rowHeaders ? (
              <th scope="row" className="font-normal">
                {first}
              </th>
            ) : (
              <td>{first}</td>
            )}
            {rest.map((cell, i) => (
              <td key={i} className={typeof cell === 'number' ? 'tabular-nums' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
