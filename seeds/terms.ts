// Terms the seed rosters belong to, each with the source of its dates. Loaded before the rosters,
// so that a roster's undated stints take their term's dates (docs/decisions/013-terms-and-stints.md).
import type { House } from '../lib/generated/prisma/enums';
import { db } from '../lib/db';

export interface TermSeed {
  house: House;
  name: string;
  label: string;
  startDate: string;
  endDate: string | null;
  source: { key: string; publisher: string; title: string; excerpt: string };
}

export const TERMS: TermSeed[] = [
  {
    house: 'COMMONS',
    name: '57',
    label: '57th Parliament (2017–2019)',
    startDate: '2017-06-08',
    endDate: '2019-11-06',
    // The same source the migration writes for databases seeded before terms existed.
    source: {
      key: 'uk-parliament-term-57',
      publisher: 'UK Parliament',
      title: '57th Parliament of the United Kingdom (2017–2019)',
      excerpt:
        'Elected at the general election of 8 June 2017; dissolved on 6 November 2019 for the general election of 12 December 2019.',
    },
  },
];

export async function loadTerms(terms: TermSeed[] = TERMS): Promise<void> {
  for (const term of terms) {
    const source = await db().source.upsert({
      where: { key: term.source.key },
      create: term.source,
      update: {},
      select: { id: true },
    });
    await db().term.upsert({
      where: { house_name: { house: term.house, name: term.name } },
      create: {
        house: term.house,
        name: term.name,
        label: term.label,
        startDate: new Date(`${term.startDate}T00:00:00Z`),
        endDate: term.endDate ? new Date(`${term.endDate}T00:00:00Z`) : null,
        sourceId: source.id,
      },
      update: {},
    });
  }
}
