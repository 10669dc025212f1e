import type { SourceRef } from '@/lib/campaigns';
import { formatDay } from '@/lib/format';

/** A figure's citation: publisher and date, linking to the source when it has a URL. */
export function SourceLink({ source, className = '' }: { source: SourceRef; className?: string }) {
  const label = `${source.publisher}, ${formatDay(source.publishedAt)}`;
  const title = `Source: ${source.publisher}, “${source.title}”`;
  return (
    <cite className={`not-italic text-xs text-muted ${className}`} title={title}>
      Source:{' '}
      {source.url ? (
        <a href={source.url} rel="noreferrer">
          {label}
        </a>
      ) : (
        <span>{label}</span>
      )}
      <span className="sr-only">, “{source.title}”</span>
    </cite>
  );
}
