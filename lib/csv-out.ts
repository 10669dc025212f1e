// CSV written in JavaScript, for the small files a page builds from what it shows (a division's
// ballots and rebels): RFC 4180 (CRLF, quotes doubled), with the same formula guard as the SQL
// exports' csv_safe (a cell starting with = + - @ tab CR LF or an apostrophe gets an apostrophe in
// front), so a spreadsheet never runs a cell. Pure. docs/csv.md.

const RISKY = new Set(['=', '+', '-', '@', '\t', '\r', '\n', "'"]);

/** One cell: numbers as they are, text guarded and quoted where it must be. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = RISKY.has(value.charAt(0)) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header row, then the rows; CRLF after every record. */
export function csvOf(header: string[], rows: (string | number | boolean | null | undefined)[][], bom = false): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `${bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
