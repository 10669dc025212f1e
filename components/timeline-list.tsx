import Link from 'next/link';
import { SourceLink } from '@/components/source-link';
import { formatDay } from '@/lib/format';
import type { EventView } from '@/lib/timeline';

export function TimelineList({ events }: { events: EventView[] }) {
  if (events.length === 0) return <p className="text-sm text-muted">No events recorded.</p>;
  return (
    <ol className="flex flex-col gap-3 border-l-2 border-rule pl-4">
      {events.map((e) => (
        <li key={e.id} data-testid="event">
          <p className="text-xs font-semibold uppercase tracking-wide text-muted">
            <time dateTime={e.occurredOn.toISOString().slice(0, 10)}>
              {e.onOrBefore ? 'By ' : ''}
              {formatDay(e.occurredOn, e.datePrecision)}
            </time>
          </p>
          <p className="font-medium">{e.title}</p>
          {e.description && <p className="text-sm text-muted">{e.description}</p>}
          <p className="text-sm">
            {e.campaign && (
              <>
                <Link href={`/campaigns/${e.campaign.slug}`}>{e.campaign.title}</Link>
                {e.people.length ? ' · ' : ''}
              </>
            )}
            {e.people.map((p, i) => (
              <span key={p.slug}>
                {i > 0 ? ', ' : ''}
                <Link href={`/people/${p.slug}`}>{p.name}</Link>
              </span>
            ))}
          </p>
          <SourceLink source={e.source} />
        </li>
      ))}
    </ol>
  );
}
