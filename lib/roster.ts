import 'server-only';
// Loads a roster in EveryPolitician's CSV layout as People, one per roster id, with their
// stints (Membership), their ids and the name forms sources use (PersonAlias).
import { parse } from 'csv-parse/sync';
import { db } from './db';
import { displayHonorific, normalizeName, parseName, slugify, unsortName } from './names';
import type { Prisma } from './generated/prisma/client';
import type { House } from './generated/prisma/enums';

export interface RosterRow {
  id: string;
  name: string;
  sort_name: string;
  group: string;
  area: string;
  chamber: string;
  start_date: string;
  end_date: string;
  wikidata: string;
}

export interface RosterSource {
  key: string;
  publisher: string;
  title: string;
  url?: string;
  excerpt?: string;
}

export function parseRoster(csv: string): RosterRow[] {
  return parse(csv, { columns: true, skip_empty_lines: true, bom: true }) as RosterRow[];
}

function houseOf(chamber: string): House {
  if (/commons/i.test(chamber)) return 'COMMONS';
  if (/lords/i.test(chamber)) return 'LORDS';
  return 'NONE';
}

const date = (text: string) => (text ? new Date(`${text}T00:00:00Z`) : null);

/** Loads the roster; returns how many people and memberships were added. Running it again adds nothing. */
/** People are created in batches, so that a long import shows progress. */
const PEOPLE_BATCH = 2000;

export async function loadRoster(
  rows: RosterRow[],
  sourceInfo: RosterSource,
  within?: Prisma.TransactionClient,
  /** Told how many rows are done as the work goes (creating people is most of it). */
  progress: (done: number) => Promise<void> = async () => {},
): Promise<{ people: number; memberships: number }> {
  if (!within) return db().$transaction((tx) => loadRoster(rows, sourceInfo, tx, progress));
  const tx = within;
  {
    const source = await tx.source.upsert({
      where: { key: sourceInfo.key },
      create: { ...sourceInfo },
      update: {},
      select: { id: true },
    });

    // One person per roster id; their current party and seat come from their latest stint
    // (a stint with no end date, else the one that ended last).
    const byId = new Map<string, RosterRow[]>();
    for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
    const latest = (stints: RosterRow[]) =>
      [...stints].sort((a, b) => (a.end_date || '9999').localeCompare(b.end_date || '9999')).at(-1)!;

    const known = new Map(
      (await tx.personIdentifier.findMany({ where: { scheme: 'everypolitician' }, select: { value: true, personId: true } })).map((i) => [
        i.value,
        i.personId,
      ]),
    );
    const takenSlugs = new Set((await tx.person.findMany({ select: { slug: true } })).map((p) => p.slug));

    const toCreate = [...byId.entries()].filter(([id]) => !known.has(id));
    const newPeople = toCreate.map(([id, stints]) => {
      const row = latest(stints);
      let slug = slugify(row.name);
      if (takenSlugs.has(slug)) slug = slugify(`${row.name} ${row.area}`);
      for (let n = 2; takenSlugs.has(slug); n++) slug = `${slugify(row.name)}-${n}`;
      takenSlugs.add(slug);
      const honorific = displayHonorific(parseName(unsortName(row.sort_name)).honorific);
      return {
        id,
        data: {
          slug,
          name: row.name,
          honorific,
          sortName: row.sort_name,
          house: houseOf(row.chamber),
          party: row.group || null,
          constituency: row.area || null,
          sourceId: source.id,
        },
      };
    });
    const created: { id: number; slug: string }[] = [];
    for (let i = 0; i < newPeople.length; i += PEOPLE_BATCH) {
      const batch = newPeople.slice(i, i + PEOPLE_BATCH).map((p) => p.data);
      created.push(...(await tx.person.createManyAndReturn({ data: batch, select: { id: true, slug: true } })));
      await progress(Math.floor((rows.length * 0.7 * created.length) / newPeople.length));
    }
    const idBySlug = new Map(created.map((p) => [p.slug, p.id]));
    for (const p of newPeople) known.set(p.id, idBySlug.get(p.data.slug)!);

    await tx.personIdentifier.createMany({
      data: newPeople.flatMap((p) => {
        const personId = known.get(p.id)!;
        const wikidata = byId.get(p.id)!.find((r) => r.wikidata)?.wikidata;
        return [
          { personId, scheme: 'everypolitician', value: p.id },
          ...(wikidata ? [{ personId, scheme: 'wikidata', value: wikidata }] : []),
        ];
      }),
      skipDuplicates: true,
    });

    const memberships = await tx.membership.createMany({
      data: rows.map((row) => ({
        personId: known.get(row.id)!,
        house: houseOf(row.chamber),
        party: row.group || null,
        constituency: row.area || null,
        startDate: date(row.start_date),
        endDate: date(row.end_date),
        externalId: `everypolitician:${row.id}:${row.start_date || 'term-start'}`,
        sourceId: source.id,
      })),
      skipDuplicates: true,
    });

    // The name as recorded and the name built from the sort name ("Ashworth, Jonathan" gives
    // "Jonathan Ashworth" where the roster's name is "Jon Ashworth").
    await tx.personAlias.createMany({
      data: [...byId.entries()].flatMap(([id, stints]) => {
        const forms = new Set(stints.flatMap((r) => [r.name, unsortName(r.sort_name)]));
        return [...forms].map((alias) => ({ personId: known.get(id)!, alias, normalized: normalizeName(alias), sourceId: source.id }));
      }),
      skipDuplicates: true,
    });

    await progress(rows.length);
    return { people: created.length, memberships: memberships.count };
  }
}
