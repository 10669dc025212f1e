// Dated happenings, filterable by campaign and person.
import 'server-only';
import { db } from './db';
import { versioned } from './data-version';
import type { SourceRef } from './sql';

export interface EventView {
  id: number;
  occurredOn: Date;
  datePrecision: 'DAY' | 'MONTH' | 'YEAR';
  onOrBefore: boolean;
  title: string;
  description: string | null;
  campaign: { slug: string; title: string } | null;
  people: { slug: string; name: string }[];
  source: SourceRef;
}

export const listEvents = versioned(async function listEvents(
  filter: { campaign?: string; person?: string; limit?: number } = {},
): Promise<EventView[]> {
  const events = await db().timelineEvent.findMany({
    where: {
      ...(filter.campaign ? { campaign: { slug: filter.campaign } } : {}),
      ...(filter.person ? { people: { some: { person: { slug: filter.person } } } } : {}),
    },
    orderBy: [{ occurredOn: 'desc' }, { id: 'desc' }],
    take: filter.limit ?? 500,
    select: {
      id: true,
      occurredOn: true,
      datePrecision: true,
      onOrBefore: true,
      title: true,
      description: true,
      campaign: { select: { slug: true, title: true } },
      people: { select: { person: { select: { slug: true, name: true } } }, orderBy: { person: { sortName: 'asc' } } },
      source: { select: { id: true, publisher: true, title: true, publishedAt: true, url: true } },
    },
  });
  return events.map((e) => ({ ...e, people: e.people.map((p) => p.person) }));
});
