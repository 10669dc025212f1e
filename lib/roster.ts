import 'server-only';
// Loads a roster (EveryPolitician's CSV layout, or any file mapped onto it) as People, one per
// roster id, with their stints (Membership) in their term, their ids and the name forms sources
// use (PersonAlias). A stint is keyed by roster id, house, term and start day, so stints of
// different terms never merge, and a stint with no dates of its own takes its term's
// (docs/decisions/013-terms-and-stints.md).
import { parse } from 'csv-parse/sync';
import { db } from './db';
import { displayHonorific, normalizeName, parseName, slugify, unsortName } from './names';
import { Prisma } from './generated/prisma/client';
import type { House } from './generated/prisma/enums';

export interface RosterRow {
  id: string;
  name: string;
  sort_name: string;
  group: string;
  area: string;
  chamber: string;
  /** The term's number or name ("57"); empty for a roster without terms. */
  term?: string;
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

/** Dates of a term the database does not know yet, given with the import. */
export interface NewTerm {
  startDate: string;
  endDate: string | null;
  sourceId: number;
  label?: string;
}

export function parseRoster(csv: string): RosterRow[] {
  return parse<RosterRow>(csv, { columns: true, skip_empty_lines: true, bom: true });
}

export function houseOf(chamber: string): House {
  if (/commons/i.test(chamber)) return 'COMMONS';
  if (/lords/i.test(chamber)) return 'LORDS';
  return 'NONE';
}

const HOUSE_NAMES: Record<House, string> = {
  COMMONS: 'House of Commons',
  LORDS: 'House of Lords',
  NONE: 'other bodies',
};
export const termLabel = (house: House, name: string) => `term ${name} of the ${HOUSE_NAMES[house]}`;

type Tx = Prisma.TransactionClient;
export interface KnownTerm {
  id: number;
  house: House;
  name: string;
  startDate: string;
  endDate: string | null;
}
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The terms the database knows, by "HOUSE|name". */
export async function knownTerms(client: Tx | ReturnType<typeof db> = db()): Promise<Map<string, KnownTerm>> {
  const terms = await client.term.findMany({
    select: { id: true, house: true, name: true, startDate: true, endDate: true },
  });
  return new Map(
    terms.map((t) => [`${t.house}|${t.name}`, { ...t, startDate: day(t.startDate)!, endDate: day(t.endDate) }]),
  );
}

/** A roster row read as a stint: its house, term and the dates it covers (its term's where it gives none). */
export interface Stint {
  rosterId: string;
  house: House;
  term: string | null;
  termKey: string | null;
  party: string | null;
  constituency: string | null;
  startDate: string | null;
  endDate: string | null;
  /** The stint's natural key: roster id, house, term and start day. */
  externalId: string;
}

export function stintOf(row: RosterRow, terms: Map<string, Pick<KnownTerm, 'startDate' | 'endDate'>>): Stint {
  const house = houseOf(row.chamber);
  const term = row.term?.trim() || null;
  const termKey = term ? `${house}|${term}` : null;
  const known = termKey ? terms.get(termKey) : undefined;
  const startDate = row.start_date || known?.startDate || null;
  const endDate = row.end_date || known?.endDate || null;
  return {
    rosterId: row.id,
    house,
    term,
    termKey,
    party: row.group || null,
    constituency: row.area || null,
    startDate,
    endDate,
    externalId: `everypolitician:${row.id}:${house}:${term ?? ''}:${startDate ?? ''}`,
  };
}

/** A roster row's names as a person carries them. */
const namesOf = (row: RosterRow) => ({
  name: row.name,
  sortName: row.sort_name || row.name,
  honorific: displayHonorific(parseName(unsortName(row.sort_name || row.name)).honorific),
});

/** The row of the latest stint: the latest start (its term's where it gives none), then the latest end. */
function latestRow(rows: RosterRow[], terms: Map<string, Pick<KnownTerm, 'startDate' | 'endDate'>>): RosterRow {
  const keyed = rows.map((row) => ({ row, stint: stintOf(row, terms) }));
  keyed.sort(
    (a, b) =>
      (a.stint.startDate ?? '').localeCompare(b.stint.startDate ?? '') ||
      (a.stint.endDate ?? '9999').localeCompare(b.stint.endDate ?? '9999'),
  );
  return keyed.at(-1)!.row;
}

/** Two stints' date spans share a day (an open end runs for ever). */
export const overlaps = (a: Pick<Stint, 'startDate' | 'endDate'>, b: Pick<Stint, 'startDate' | 'endDate'>) =>
  (a.startDate ?? '0000') <= (b.endDate ?? '9999') && (b.startDate ?? '0000') <= (a.endDate ?? '9999');

/** Loads the roster; returns how many people, stints and changed stints. Running it again changes nothing. */
/** People are created in batches, so that a long import shows progress. */
const PEOPLE_BATCH = 2000;

export async function loadRoster(
  rows: RosterRow[],
  /** The source every row comes from: a recorded source's id, or one found or made by its key. */
  sourceInfo: RosterSource | number,
  within?: Tx,
  /** Told how many rows are done as the work goes (creating people is most of it). */
  progress: (done: number) => Promise<void> = async () => {},
  newTerm?: NewTerm,
): Promise<{ people: number; memberships: number; changed: number }> {
  if (!within)
    return db().$transaction((tx) => loadRoster(rows, sourceInfo, tx, progress, newTerm), { timeout: 120_000 });
  const tx = within;
  const source =
    typeof sourceInfo === 'number'
      ? { id: sourceInfo }
      : await tx.source.upsert({
          where: { key: sourceInfo.key },
          create: { ...sourceInfo },
          update: {},
          select: { id: true },
        });

  // Terms the file names that the database does not know are created from the dates given.
  const terms = await knownTerms(tx);
  for (const row of rows) {
    const house = houseOf(row.chamber);
    const name = row.term?.trim();
    if (!name || terms.has(`${house}|${name}`)) continue;
    if (!newTerm) throw new Error(`The roster names ${termLabel(house, name)}, which is not known: give its dates.`);
    const created = await tx.term.create({
      data: {
        house,
        name,
        label: newTerm.label || null,
        startDate: new Date(`${newTerm.startDate}T00:00:00Z`),
        endDate: newTerm.endDate ? new Date(`${newTerm.endDate}T00:00:00Z`) : null,
        sourceId: newTerm.sourceId,
      },
    });
    terms.set(`${house}|${name}`, { ...created, startDate: newTerm.startDate, endDate: newTerm.endDate });
  }

  const byId = new Map<string, RosterRow[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  // A person's name is the one given with their latest stint (by its dates, its term's where it
  // gives none), whichever file brought it and in whatever order files were loaded (issue 22).
  const latest = (stints: RosterRow[]) => latestRow(stints, terms);

  const known = new Map(
    (
      await tx.personIdentifier.findMany({
        where: { scheme: 'everypolitician' },
        select: { value: true, personId: true },
      })
    ).map((i) => [i.value, i.personId]),
  );
  const takenSlugs = new Set((await tx.person.findMany({ select: { slug: true } })).map((p) => p.slug));

  const toCreate = [...byId.entries()].filter(([id]) => !known.has(id));
  const newPeople = toCreate.map(([id, stints]) => {
    const row = latest(stints);
    let slug = slugify(row.name);
    if (takenSlugs.has(slug)) slug = slugify(`${row.name} ${row.area}`);
    for (let n = 2; takenSlugs.has(slug); n++) slug = `${slugify(row.name)}-${n}`;
    takenSlugs.add(slug);
    return {
      id,
      data: {
        slug,
        ...namesOf(row),
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

  // Stints, written set-based: new keys inserted, known keys updated where the file now says
  // something else (a party, a seat or an end date).
  const stints = rows.map((row) => ({ ...stintOf(row, terms), personId: known.get(row.id)! }));
  const col = <T>(pick: (s: (typeof stints)[number]) => T) => stints.map(pick);
  const [written] = await tx.$queryRaw<{ inserted: number; changed: number }[]>`
    WITH incoming AS (
      SELECT * FROM unnest(${col((s) => s.personId)}::int[], ${col((s) => s.house)}::text[], ${col((s) => (s.termKey ? terms.get(s.termKey)!.id : null))}::int[],
                           ${col((s) => s.party)}::text[], ${col((s) => s.constituency)}::text[], ${col((s) => s.startDate)}::date[], ${col((s) => s.endDate)}::date[],
                           ${col((s) => s.externalId)}::text[])
             AS t(person_id, house, term_id, party, constituency, start_date, end_date, external_id)
    ), changed AS (
      UPDATE "Membership" m SET party = i.party, constituency = i.constituency, "endDate" = i.end_date, version = m.version + 1, "updatedAt" = now()
      FROM incoming i
      WHERE m."externalId" = i.external_id AND (m.party, m.constituency, m."endDate") IS DISTINCT FROM (i.party, i.constituency, i.end_date)
      RETURNING m.id
    ), inserted AS (
      INSERT INTO "Membership" ("personId", house, "termId", party, constituency, "startDate", "endDate", "externalId", "sourceId", "updatedAt")
      SELECT i.person_id, i.house::"House", i.term_id, i.party, i.constituency, i.start_date, i.end_date, i.external_id, ${source.id}, now()
      FROM incoming i
      ON CONFLICT ("externalId") DO NOTHING
      RETURNING id
    )
    SELECT (SELECT count(*)::int FROM inserted) AS inserted, (SELECT count(*)::int FROM changed) AS changed`;

  await refreshCurrentMembership(tx, [...new Set(stints.map((s) => s.personId))]);

  // People already recorded take the name of this file's row for their latest stint, when that
  // stint is their latest of all (a file of an older term renames no one).
  const createdNow = new Set(newPeople.map((p) => p.id));
  const renames = [...byId.entries()]
    .filter(([id]) => !createdNow.has(id))
    .map(([id, rowsOfId]) => {
      const row = latest(rowsOfId);
      return { personId: known.get(id)!, externalId: stintOf(row, terms).externalId, ...namesOf(row) };
    });
  if (renames.length) {
    const col = <T>(pick: (r: (typeof renames)[number]) => T) => renames.map(pick);
    await tx.$executeRaw`
      UPDATE "Person" p SET name = r.name, "sortName" = r.sort_name, honorific = r.honorific, version = p.version + 1
      FROM unnest(${col((r) => r.personId)}::int[], ${col((r) => r.externalId)}::text[], ${col((r) => r.name)}::text[],
                  ${col((r) => r.sortName)}::text[], ${col((r) => r.honorific)}::text[])
           AS r(person_id, external_id, name, sort_name, honorific)
      WHERE p.id = r.person_id
        AND (p.name, p."sortName", p.honorific) IS DISTINCT FROM (r.name, r.sort_name, r.honorific)
        AND r.external_id = (
          SELECT m."externalId" FROM "Membership" m WHERE m."personId" = p.id
          ORDER BY m."startDate" DESC NULLS LAST, m."endDate" DESC NULLS FIRST, m.id DESC LIMIT 1
        )`;
  }

  // The name as recorded and the name built from the sort name ("Ashworth, Jonathan" gives
  // "Jonathan Ashworth" where the roster's name is "Jon Ashworth").
  await tx.personAlias.createMany({
    data: [...byId.entries()].flatMap(([id, stints]) => {
      const forms = new Set(stints.flatMap((r) => [r.name, unsortName(r.sort_name || r.name)]));
      return [...forms].map((alias) => ({
        personId: known.get(id)!,
        alias,
        normalized: normalizeName(alias),
        sourceId: source.id,
      }));
    }),
    skipDuplicates: true,
  });

  await progress(rows.length);
  return { people: created.length, memberships: written?.inserted ?? 0, changed: written?.changed ?? 0 };
}

/**
 * A person's house, party and seat are those of their current stint: the one in force today, else
 * the latest. Called after stints change, for the people whose stints changed; loading an older
 * term therefore changes no one's current party.
 */
export async function refreshCurrentMembership(tx: Tx, personIds: number[]): Promise<void> {
  if (!personIds.length) return;
  await tx.$executeRaw`
    UPDATE "Person" p SET house = m.house, party = m.party, constituency = m.constituency, version = p.version + 1
    FROM (
      SELECT DISTINCT ON ("personId") "personId", house, party, constituency FROM "Membership"
      WHERE "personId" = ANY(${personIds}::int[])
      ORDER BY "personId", (coalesce("startDate", '-infinity') <= current_date AND coalesce("endDate", 'infinity') >= current_date) DESC,
               "startDate" DESC NULLS LAST, id DESC
    ) m
    WHERE p.id = m."personId" AND (p.house, p.party, p.constituency) IS DISTINCT FROM (m.house, m.party, m.constituency)`;
}
