// The numbers behind a chart as a plain table of text. Its rows are drawn from data by a client
// component (TextRows), so a long series is sent once as HTML and once as data, not twice as
// elements. Issue 16; docs/decisions/021-render-at-the-speed-of-the-data.md.
import { type TextRow, TextRows } from '@/components/text-rows';

export function NumbersTable({
  head,
  rows,
  rowHeaders = false,
}: {
  head: string[];
  /** Each row's cells, in the order of `head`; the first is the row's header when `rowHeaders`. */
  rows: TextRow[];
  rowHeaders?: boolean;
}) {
  return (
    <table className="text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
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
        <TextRows rows={rows} rowHeaders={rowHeaders} />
      </tbody>
    </table>
  );
}
