import Link from 'next/link';
import { StanceBadge } from '@/components/badges';
import { SourceLink } from '@/components/source-link';
import { formatDay } from '@/lib/format';
import type { SourceRef } from '@/lib/sql';

export interface StatementItem {
  id: number;
  stance: string;
  subject: string;
  quote: string | null;
  summary: string | null;
  saidOn: Date | null;
  speakerLabel?: string | null;
  person?: { slug: string; name: string } | null;
  source: SourceRef;
}

/** Stated positions with stance, quote, date and source; the speaker shown unless `showSpeaker` is false. */
export function StatementList({
  statements,
  empty,
  showSpeaker = true,
}: {
  statements: StatementItem[];
  empty: string;
  showSpeaker?: boolean;
}) {
  if (statements.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {statements.map((s) => (
        <li key={s.id} className="text-sm" data-testid="statement">
          <p className="flex flex-wrap items-center gap-2">
            {showSpeaker && (
              <strong>
                {s.person ? <Link href={`/people/${s.person.slug}`}>{s.person.name}</Link> : s.speakerLabel}
              </strong>
            )}
            <StanceBadge value={s.stance} />
            <span className="text-muted">on {s.subject}</span>
            <span className="text-muted">· {s.saidOn ? formatDay(s.saidOn) : 'date not given'}</span>
          </p>
          {s.quote && <blockquote className="mt-1 border-l-4 border-rule pl-3 font-serif">“{s.quote}”</blockquote>}
          {s.summary && <p className="mt-1 text-muted">{s.summary}</p>}
          <SourceLink source={s.source} />
        </li>
      ))}
    </ul>
  );
}
