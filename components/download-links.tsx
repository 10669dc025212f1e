/** CSV (and Excel-friendly CSV) links for a report, with the page's filters carried over. */
export function DownloadLinks({
  name,
  path = `/api/export/${name}.csv`,
  params = {},
  label,
}: {
  /** An export of /api/export, or `path`: a file of its own beside a page. */
  name?: string;
  path?: string;
  params?: Record<string, string | undefined>;
  label: string;
}) {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
  const href = (excel: boolean) => {
    const p = new URLSearchParams(search);
    if (excel) p.set('excel', '1');
    const q = p.toString();
    return `${path}${q ? `?${q}` : ''}`;
  };
  return (
    <span className="no-print text-sm">
      <a href={href(false)} download>
        {label} (CSV)
      </a>{' '}
      ·{' '}
      <a href={href(true)} download>
        for Excel
      </a>
    </span>
  );
}
