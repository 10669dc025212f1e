import Link from 'next/link';
import type { SourceRef } from '@/lib/sql';
import { formatDay } from '@/lib/format';

/** A figure's citation: publisher and date, linking to the source's page (and from there to the original). */
export function SourceLink({ source, className = '' }: { source: SourceRef; className?: string }) {
  const label = `${source.publisher}, ${formatDay(source.publishedAt)}`;
  const title = `Source: ${source.publisher}, “${source.title}”`;
  return (
    <cite className={`not-italic text-xs text-muted ${className}`} title={title}>
      Source: <Link href={`/sources/${source.id}`}>{label}</Link>
      <span className="sr-only">, “{source.title}”</span>
    </cite>
  );
}
