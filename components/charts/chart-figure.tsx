import { ChartDownload, type LegendEntry } from './chart-download';

/**
 * Every chart: a caption, the chart itself, PNG/SVG downloads, and a table of the same numbers
 * for screen readers, print and anyone who prefers figures.
 */
export function ChartFigure({
  id,
  title,
  legend,
  caption,
  filename,
  table,
  children,
}: {
  id: string;
  /** What the chart shows, and of what: the heading of its downloaded file. */
  title: string;
  /** The key of a chart that does not draw one itself, for its downloaded file. */
  legend?: LegendEntry[];
  caption: React.ReactNode;
  filename: string;
  table: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <figure className="flex flex-col gap-2" aria-labelledby={`${id}-caption`}>
      <div id={id} className="w-full overflow-hidden" aria-hidden="true">
        {children}
      </div>
      <figcaption id={`${id}-caption`} className="text-sm text-muted">
        {caption}
      </figcaption>
      <div className="no-print flex flex-wrap items-center gap-3 text-xs">
        <ChartDownload targetId={id} filename={filename} title={title} legend={legend} />
      </div>
      <details className="chart-data text-sm">
        <summary className="cursor-pointer text-accent">The numbers behind this chart</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}
