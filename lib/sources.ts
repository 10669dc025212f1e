// Sources: what each one is and what cites it.
import 'server-only';
import { versioned } from './data-version';
import { db } from './db';

export interface SourceDetail {
  id: number;
  publisher: string;
  title: string;
  publishedAt: Date | null;
  url: string | null;
  excerpt: string | null;
  /** How many records of each kind cite it. */
  citedBy: { kind: string; count: number }[];
}

/**
 * A source and how many records of each kind cite it; kept per data version (decision 021): the
 * counts read every table that cites sources (a source cited by a million signatures took 86 ms).
 */
export const getSource = versioned(async function getSource(id: number): Promise<SourceDetail | null> {
  const source = await db().source.findUnique({
    where: { id },
    select: {
      id: true,
      publisher: true,
      title: true,
      publishedAt: true,
      url: true,
      excerpt: true,
      _count: {
        select: {
          campaigns: true,
          signatures: true,
          tallies: true,
          thresholds: true,
          stages: true,
          divisions: true,
          statements: true,
          polls: true,
          timelineEvents: true,
          roles: true,
          people: true,
          memberships: true,
          bodies: true,
          bodySizes: true,
        },
      },
    },
  });
  if (!source) return null;
  const { _count, ...rest } = source;
  return {
    ...rest,
    citedBy: Object.entries(_count)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => ({ kind, count })),
  };
});
