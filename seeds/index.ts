// The first-run data: the terms, the 2017–19 Commons roster and the facts of the first source article.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { db } from '../lib/db';
import { loadDataset } from './dataset';
import { skyWilliamson } from './datasets/sky-2019-06-28-williamson';
import { loadRoster, parseRoster } from '../lib/roster';
import { SEEDED_KEY } from '../lib/setup';
import { loadTerms } from './terms';

export const ROSTER_FILE = path.join(import.meta.dirname, 'data', 'uk-commons-2017.csv');

export async function seed(): Promise<void> {
  await loadTerms();
  await loadRoster(parseRoster(readFileSync(ROSTER_FILE, 'utf8')), {
    key: 'everypolitician-uk-commons-term-57',
    publisher: 'EveryPolitician',
    title: 'UK House of Commons, term 57 (2017–2019) (CC0)',
    url: 'https://github.com/everypolitician/everypolitician-data/blob/00cc47f42bcc0025e64223f4a12b9ce59fa18e04/data/UK/Commons/term-57.csv',
  });
  await loadDataset(skyWilliamson);
  await db().appMeta.upsert({
    where: { key: SEEDED_KEY },
    create: { key: SEEDED_KEY, value: new Date().toISOString() },
    update: {},
  });
}

/** True once a first-run seed has completed: later starts never seed over users' data. */
export async function hasBeenSeeded(): Promise<boolean> {
  return (await db().appMeta.findUnique({ where: { key: SEEDED_KEY } })) !== null;
}
