'use client';

// Table rows of plain text (and a link in the first cell), drawn from plain data: a client
// component so that a page's RSC payload carries a long list's rows as data, not as a second tree
// of elements beside the same rows' HTML. The server still renders them into the HTML, readable
// without JavaScript; the browser only hydrates them. Issue 16, decision 021.

export interface TextRow {
  key: string | number;
  /** The row's cells in column order; numbers are set in tabular figures. */
  cells: (string | number)[];
  /** Where the first cell links to. */
  href?: string;
}

export function TextRows({ rows, rowHeaders = false }: { rows: TextRow[]; rowHeaders?: boolean }) {
  return rows.map(({ key, cells: [first, ...rest], href }) => (
    <tr key={key}>
      {rowHeaders ? (
        <th scope="row" className="font-normal">
          {href ? <a href={href}>{first}</a> : first}
        </th>
      ) : (
        <td>{href ? <a href={href}>{first}</a> : first}</td>
      )}
      {rest.map((cell, i) => (
        <td key={i} className={typeof cell === 'number' ? 'tabular-nums' : undefined}>
          {cell}
        </td>
      ))}
    </tr>
  ));
}
