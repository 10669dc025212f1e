// What each kind of import reads, how it checks each row, and how it writes the valid ones.
// Writes are set-based and idempotent (natural keys, ON CONFLICT): the same file twice changes
// nothing. Each runs under a transaction-level advisory lock, so two imports of one kind at once
// cannot both insert the same new rows.
import 'server-only';
import { z } from 'zod';
import { houseOf, knownTerms, loadRoster, type NewTerm, overlaps, type RosterRow, stintOf, termLabel } from '../roster';
import { normalizeName, unsortName } from '../names';
import { Confidence, type House, Stand, Vote } from '../generated/prisma/enums';
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { matchAmongVoters, matchNames } from '../matching';
import { stageVoters } from '../placements';
import { houseVoters } from '../divisions';
import { lobbyShortfall, namedInLobbies } from '../division-outcome';
import { AppError } from '../errors';
import type { NewSource } from '../admin/new-source';
import { line, RECORDS, textSchema } from '../records';
import { type Columns, day, ignored, number, oneOf, type Read, rowOf, text, yesNo } from './columns';

export interface RowError {
  row: number;
  column: string;
  reason: string;
}

export interface Analysis {
  valid: { line: number; data: Record<string, unknown> }[];
  errors: RowError[];
  /** The first rows with what the import made of them. */
  preview: { line: number; values: Record<string, string>; outcome: string }[];
  /** What running it would do, in totals ("12 new people, …"), for the preview. */
  summary?: string;
}

type Tx = Prisma.TransactionClient;

/**
 * The rows a run imports, as checked: by SQL for a set-based insert (`json`, an expression whose
 * value is them as one JSON array: the job's stored `checked` column when the preview's check
 * holds, so they never come back to the app), or in JavaScript (`load`).
 */
export interface CheckedRows {
  count: number;
  json: Prisma.Sql;
  load(): Promise<Record<string, unknown>[]>;
}

export interface ImportKind {
  label: string;
  /** Its columns: what each holds and how a cell is checked (docs/csv.md prints them). */
  columns: Columns;
  /** What the upload form asks besides the file; `campaign` may be given by a column instead. */
  needs: ('campaign' | 'source' | 'term' | 'stage' | 'division')[];
  /** Columns the import does not use are ignored with a notice instead of refusing the file. */
  ignoresUnknownColumns?: boolean;
  analyze(rows: { line: number; values: Record<string, string> }[], options: ImportOptions): Promise<Analysis>;
  commit(tx: Tx, rows: CheckedRows, options: ImportOptions, progress: (done: number) => Promise<void>): Promise<string>;
}

export interface ImportOptions {
  campaignId?: number;
  sourceId?: number;
  fileName: string;
  /** Our column name → the file's, for other layouts. */
  mapping?: Record<string, string>;
  /**
   * The dates of a term the roster names and the database does not know yet; their source may be
   * the file's own ('file'), resolved when the import runs (after a new source is created).
   */
  term?: Omit<NewTerm, 'sourceId'> & { sourceId: number | 'file' };
  stageId?: number;
  divisionId?: number;
  /** A source named on the upload form, created when the import runs (its id then in `sourceId`). */
  newSource?: NewSource;
}

const PREVIEW_ROWS = 20;

/** Checks each row with a zod schema, naming the column and reason of each problem. */
function checkRows<T>(
  rows: { line: number; values: Record<string, string> }[],
  schema: z.ZodType<T>,
  key: (data: T) => string,
) {
  const valid: { line: number; data: T }[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of rows) {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ row: line, column: String(issue.path[0] ?? ''), reason: issue.message });
      continue;
    }
    const k = key(parsed.data);
    const first = seen.get(k);
    if (first !== undefined) {
      errors.push({ row: line, column: '', reason: `Duplicate of row ${first}.` });
      continue;
    }
    seen.set(k, line);
    valid.push({ line, data: parsed.data });
  }
  return { valid, errors };
}

function previewOf(rows: { line: number; values: Record<string, string> }[], outcome: (line: number) => string) {
  return rows.slice(0, PREVIEW_ROWS).map(({ line, values }) => ({ line, values, outcome: outcome(line) }));
}
const outcomeFrom = (errors: RowError[], ok: (line: number) => string) => (line: number) => {
  const mine = errors.filter((e) => e.row === line);
  return mine.length
    ? `Invalid: ${mine.map((e) => (e.column ? `${e.column}: ${e.reason}` : e.reason)).join('; ')}`
    : ok(line);
};

const lock = (tx: Tx, name: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`whipcount:import:${name}`}))`;

// ---------------------------------------------------------------------------------------------

/** A roster's identifiers: letters, digits and a few separators, never a formula or markup. */
const rosterId: Read<string> = {
  required: true,
  holds:
    'the stint\u2019s person\u2019s identifier in the roster: letters, digits and . _ : / -, at most 200 characters',
  cell: (name) =>
    textSchema(line(200), name, true).refine(
      (v) => /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/.test(v),
      `${name} must be letters, digits, and . _ : / - only.`,
    ),
};
const wikidataId: Read<string> = {
  holds: 'a Wikidata item id such as Q42, or empty',
  cell: (name) =>
    textSchema(line(50), name).refine(
      (v) => v === '' || /^Q[1-9]\d*$/.test(v),
      `${name} must be a Wikidata item id such as Q42, or empty.`,
    ),
};
const rosterColumns = {
  id: rosterId,
  name: text(RECORDS.person.name, true, 'their name'),
  sort_name: text(RECORDS.person.sortName, false, 'their name as an index sorts it (“Hodge, Margaret”)'),
  email: ignored(),
  twitter: ignored(),
  facebook: ignored(),
  group: text(RECORDS.membership.party, false, 'the party they sat for in this stint'),
  group_id: ignored(),
  area_id: ignored(),
  area: text(RECORDS.membership.constituency, false, 'their seat'),
  chamber: text(line(100), false, 'the house: a name holding “Commons” or “Lords”'),
  term: text(RECORDS.term.name, false, 'the term’s name (a new one asks for its days)'),
  start_date: day(),
  end_date: day(),
  image: ignored(),
  gender: ignored(),
  wikidata: wikidataId,
  wikidata_group: ignored(),
  wikidata_area: ignored(),
} satisfies Columns;
const rosterRow = rowOf(rosterColumns).transform((r) => ({
  ...r,
  start_date: r.start_date ?? '',
  end_date: r.end_date ?? '',
}));

type ExistingStint = {
  person_id: number;
  roster_id: string;
  external_id: string | null;
  house: string;
  party: string | null;
  constituency: string | null;
  start: string | null;
  end: string | null;
  names: string[];
  person_name: string;
};

const span = (s: { startDate: string | null; endDate: string | null }) => `${s.startDate ?? '…'} – ${s.endDate ?? '…'}`;

const roster: ImportKind = {
  label: 'People roster, one stint a row (EveryPolitician layout, or any mapped onto it)',
  columns: rosterColumns,
  needs: ['source', 'term'],
  ignoresUnknownColumns: true,
  async analyze(rows, options) {
    const checked = checkRows(rows, rosterRow, (r) => `${r.id}|${houseOf(r.chamber)}|${r.term}|${r.start_date}`);
    const errors = [...checked.errors];
    const terms = await knownTerms();
    // A term the database does not know: the dates given with the upload are for it (one a file).
    const unknownTerms = [
      ...new Set(
        checked.valid
          .filter((v) => v.data.term && !terms.has(`${houseOf(v.data.chamber)}|${v.data.term}`))
          .map((v) => `${houseOf(v.data.chamber)}|${v.data.term}`),
      ),
    ];
    // Asked once for the file, not once a row: a roster of a term this database does not know
    // needs that term's dates (and their source) before anything in it can be checked.
    const given = options.term;
    const termName = (key: string) => termLabel(key.split('|')[0] as House, key.split('|')[1]!);
    if (unknownTerms.length > 1)
      throw new AppError(
        'INVALID',
        `The file names ${unknownTerms.length} terms this database does not know (${unknownTerms.map(termName).join('; ')}): a file may bring one new term. Import each in a file of its own.`,
      );
    if (unknownTerms[0] && !given) {
      const rowsOfIt = checked.valid.filter(
        (v) => `${houseOf(v.data.chamber)}|${v.data.term}` === unknownTerms[0],
      ).length;
      throw new AppError(
        'INVALID',
        `The file names ${termName(unknownTerms[0])} (${rowsOfIt} row${rowsOfIt === 1 ? '' : 's'}), which this database does not know: give that term’s first and last day and their source under “The file names a term”, then check the file again.`,
      );
    }
    if (given && unknownTerms[0])
      terms.set(unknownTerms[0], {
        id: 0,
        house: unknownTerms[0].split('|')[0] as House,
        name: unknownTerms[0].split('|')[1]!,
        startDate: given.startDate,
        endDate: given.endDate,
      });

    const ids = [...new Set(checked.valid.map((v) => v.data.id))];
    const existing = await db().$queryRaw<ExistingStint[]>`
      SELECT pi."personId" AS person_id, pi.value AS roster_id, m."externalId" AS external_id, m.house::text AS house, m.party, m.constituency,
             to_char(m."startDate", 'YYYY-MM-DD') AS start, to_char(m."endDate", 'YYYY-MM-DD') AS end,
             (SELECT array_agg(a.normalized) FROM "PersonAlias" a WHERE a."personId" = pi."personId") AS names, p.name AS person_name
      FROM "PersonIdentifier" pi JOIN "Person" p ON p.id = pi."personId" LEFT JOIN "Membership" m ON m."personId" = pi."personId"
      WHERE pi.scheme = 'everypolitician' AND pi.value = ANY(${ids}::text[])`;
    const byRosterId = new Map<string, ExistingStint[]>();
    for (const e of existing) byRosterId.set(e.roster_id, [...(byRosterId.get(e.roster_id) ?? []), e]);

    // One id, one person: the same id on rows with two names is a slip that would merge two people
    // (issue 22: Alan Keen's id on Seema Malhotra's row made her a second Seema and lost him).
    const namesOf = (row: { name: string; sort_name: string }) =>
      new Set([normalizeName(row.name), normalizeName(unsortName(row.sort_name || row.name))]);
    const firstWithId = new Map<string, { line: number; name: string; names: Set<string> }>();

    // First what each row says on its own (term, dates, whose id it is), then how the rows that
    // pass fit together and with the stints already recorded.
    const own = checked.valid.flatMap(({ line, data: row }) => {
      const stint = stintOf(row, terms);
      const fail = (column: string, reason: string) => (errors.push({ row: line, column, reason }), []);

      if (stint.startDate && stint.endDate && stint.endDate < stint.startDate)
        return fail('end_date', `The stint ends (${stint.endDate}) before it starts (${stint.startDate}).`);
      const theirs = byRosterId.get(stint.rosterId);
      const names = theirs?.[0]!.names ?? [];
      if (
        theirs &&
        !names.includes(normalizeName(row.name)) &&
        !names.includes(normalizeName(unsortName(row.sort_name || row.name)))
      ) {
        return fail('id', `The id ${stint.rosterId} belongs to ${theirs[0]!.person_name}, not ${row.name}.`);
      }
      const first = firstWithId.get(row.id);
      if (!first) firstWithId.set(row.id, { line, name: row.name, names: namesOf(row) });
      else if (![...namesOf(row)].some((n) => first.names.has(n)))
        return fail('id', `The id ${row.id} is also on line ${first.line}, for ${first.name}: one id is one person.`);
      return [{ line, row, stint, theirs }];
    });
    const fileKeys = new Set(own.map((f) => f.stint.externalId));
    const valid: Analysis['valid'] = [];
    const outcomes = new Map<number, string>();
    const totals = { people: new Set<string>(), stints: 0, changed: 0, same: 0 };
    const acceptedBy = new Map<string, typeof own>();
    for (const entry of own) {
      const { line, row, stint, theirs } = entry;
      // Only the same person's stints in the same house can clash: looked up by that key, not by
      // scanning every row accepted so far (70,000 rows took most of a minute).
      const clashKey = `${stint.rosterId}|${stint.house}`;
      const clash = acceptedBy.get(clashKey)?.find((o) => overlaps(o.stint, stint));
      if (clash) {
        const seat =
          clash.stint.constituency !== stint.constituency
            ? ` (${clash.stint.constituency ?? 'no seat'} there, ${stint.constituency ?? 'no seat'} here)`
            : '';
        errors.push({
          row: line,
          column: 'start_date',
          reason: `Overlaps the stint on line ${clash.line} (${span(clash.stint)}) of the same person${seat}.`,
        });
        continue;
      }
      if (theirs) {
        const same = theirs.find((e) => e.external_id === stint.externalId);
        const other = theirs.find(
          (e) =>
            e.external_id &&
            e.external_id !== stint.externalId &&
            !fileKeys.has(e.external_id) &&
            e.house === stint.house &&
            overlaps({ startDate: e.start, endDate: e.end }, stint),
        );
        if (other) {
          errors.push({
            row: line,
            column: 'start_date',
            reason: `Overlaps the stint already recorded for ${theirs[0]!.person_name} (${other.party ?? 'no party'}, ${span({ startDate: other.start, endDate: other.end })}).`,
          });
          continue;
        }
        if (same) {
          const changes = (
            [
              ['party', same.party, stint.party],
              ['seat', same.constituency, stint.constituency],
              ['end', same.end, stint.endDate],
            ] as const
          ).filter(([, a, b]) => a !== b);
          totals[changes.length ? 'changed' : 'same'] += 1;
          outcomes.set(
            line,
            changes.length
              ? `Stint changed: ${changes.map(([what, a, b]) => `${what} ${a ?? '—'} → ${b ?? '—'}`).join('; ')}`
              : 'Stint already there',
          );
        } else {
          totals.stints += 1;
          outcomes.set(line, `New stint for ${theirs[0]!.person_name}: ${stint.party ?? 'no party'}, ${span(stint)}`);
        }
      } else {
        totals.people.add(stint.rosterId);
        totals.stints += 1;
        outcomes.set(line, `New person, with a stint: ${stint.party ?? 'no party'}, ${span(stint)}`);
      }
      acceptedBy.set(clashKey, [...(acceptedBy.get(clashKey) ?? []), entry]);
      valid.push({ line, data: row });
    }
    errors.sort((a, b) => a.row - b.row);
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    return {
      valid,
      errors,
      preview: previewOf(
        rows,
        outcomeFrom(errors, (line) => outcomes.get(line) ?? ''),
      ),
      summary: `The valid rows would add ${plural(totals.people.size, 'new person', 'new people')} and ${plural(totals.stints, 'new stint', 'new stints')}, change ${plural(totals.changed, 'stint', 'stints')} and leave ${plural(totals.same, 'stint', 'stints')} as recorded.`,
    };
  },
  async commit(tx, checked, options, progress) {
    const rows = await checked.load();
    await lock(tx, 'roster');
    const result = await loadRoster(
      rows as unknown as RosterRow[],
      options.sourceId!,
      tx,
      progress,
      options.term && {
        ...options.term,
        sourceId: options.term.sourceId === 'file' ? options.sourceId! : options.term.sourceId,
      },
    );
    return `${result.people} new people, ${result.memberships} new stints and ${result.changed} changed stints from ${rows.length} rows.`;
  },
};

// ---------------------------------------------------------------------------------------------

const confidence = oneOf(Confidence, { fallback: 'REPORTED' });
const signatureColumns = {
  name: text(RECORDS.person.name, true, 'the signatory, as the source writes them'),
  campaign: {
    holds: 'a campaign\u2019s slug, for this row instead of the campaign chosen on the form; or empty',
    cell: () => z.string().trim(),
  },
  signed_on: day(),
  role_at_signing: text(RECORDS.signature.roleAtSigning),
  confidence,
  note: text(RECORDS.signature.note),
} satisfies Columns;
const signatureRow = rowOf(signatureColumns);

const signatures: ImportKind = {
  label: 'Signatures (names matched to people), for one campaign or with a campaign column',
  columns: signatureColumns,
  needs: ['campaign', 'source'],
  async analyze(rows, options) {
    const checked = checkRows(rows, signatureRow, (r) => `${r.campaign}|${r.name.toLowerCase()}`);
    // A campaign column (slugs) overrides the campaign chosen on the form, row by row.
    const slugs = [...new Set(checked.valid.map((v) => v.data.campaign).filter(Boolean))];
    const campaigns = new Map(
      (await db().campaign.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((c) => [
        c.slug,
        c.id,
      ]),
    );
    const matches = await matchNames(checked.valid.map((v) => v.data.name));
    const valid: Analysis['valid'] = [];
    const errors = [...checked.errors];
    const matchedBy = new Map<number, string>();
    const pairSeen = new Map<string, number>();
    checked.valid.forEach((v, i) => {
      const campaignId = v.data.campaign ? campaigns.get(v.data.campaign) : options.campaignId;
      if (campaignId === undefined) {
        errors.push({
          row: v.line,
          column: 'campaign',
          reason: v.data.campaign
            ? `No campaign with the slug ${v.data.campaign}.`
            : 'No campaign: choose one on the form or add a campaign column.',
        });
        return;
      }
      const match = matches[i]!;
      if (!match.person) {
        const options = match.candidates
          .slice(0, 4)
          .map((c) => c.person.name)
          .join(', ');
        errors.push({
          row: v.line,
          column: 'name',
          reason:
            match.status === 'unmatched'
              ? 'No person with this name.'
              : `${match.status === 'guess' ? 'Only a guess' : 'Ambiguous'}: ${options}. Use the full name as the roster has it, or add an alias.`,
        });
        return;
      }
      const pair = `${campaignId}|${match.person.id}`;
      const dup = pairSeen.get(pair);
      if (dup !== undefined) {
        errors.push({ row: v.line, column: 'name', reason: `Same person as row ${dup} (${match.person.name}).` });
        return;
      }
      pairSeen.set(pair, v.line);
      matchedBy.set(v.line, `${match.person.name} (${match.status})`);
      // Only what the commit reads: the checked rows are stored with the job until it runs.
      const { signed_on, role_at_signing, confidence, note } = v.data;
      valid.push({
        line: v.line,
        data: { campaignId, personId: match.person.id, signed_on, role_at_signing, confidence, note },
      });
    });
    return {
      valid,
      errors,
      preview: previewOf(
        rows,
        outcomeFrom(errors, (line) => `Signature of ${matchedBy.get(line)}`),
      ),
    };
  },
  async commit(tx, checked, options, progress) {
    await lock(tx, 'signatures');
    // One statement over the rows as checked (issue 26), usually as the preview stored them: the
    // database inserts them at about the pace of COPY into the table.
    const inserted = await tx.$executeRaw`
      INSERT INTO "Signature" ("campaignId", "personId", "signedOn", "roleAtSigning", confidence, note, "sourceId", "updatedAt")
      SELECT t."campaignId", t."personId", t.signed_on::date, nullif(t.role_at_signing, ''), t.confidence::"Confidence", nullif(t.note, ''), ${options.sourceId}, now()
      FROM json_to_recordset(${checked.json}) AS t("campaignId" int, "personId" int, signed_on text, role_at_signing text, confidence text, note text)
      ON CONFLICT ("campaignId", "personId") DO NOTHING`;
    await progress(checked.count);
    return `${inserted} signatures added; ${checked.count - inserted} were already recorded.`;
  },
};

// ---------------------------------------------------------------------------------------------

const pollColumns = {
  pollster: text(RECORDS.poll.pollster, true),
  subject: text(RECORDS.person.name, true, 'the person rated: their slug, or their name as sources write it'),
  subject_role: text(RECORDS.poll.subjectRole, true),
  fieldwork_start: day(),
  fieldwork_end: day(),
  satisfied: number(RECORDS.poll.satisfied),
  dissatisfied: number(RECORDS.poll.dissatisfied),
  dont_know: number(RECORDS.poll.dontKnow),
  net: number(RECORDS.poll.net, true),
  sample_size: number(RECORDS.poll.sampleSize),
  note: text(RECORDS.poll.note),
} satisfies Columns;
const pollRow = rowOf(pollColumns).refine(
  (r) => !r.fieldwork_start || !r.fieldwork_end || r.fieldwork_end >= r.fieldwork_start,
  { message: 'fieldwork_end is before fieldwork_start.', path: ['fieldwork_end'] },
);

const polls: ImportKind = {
  label: 'Satisfaction polls',
  columns: pollColumns,
  needs: ['source'],
  async analyze(rows) {
    const checked = checkRows(rows, pollRow, (r) =>
      [r.pollster, r.subject, r.subject_role, r.fieldwork_end, r.net].join('|').toLowerCase(),
    );
    const bySlug = new Map(
      (
        await db().person.findMany({
          where: { slug: { in: checked.valid.map((v) => v.data.subject) } },
          select: { id: true, slug: true },
        })
      ).map((p) => [p.slug, p.id]),
    );
    const toMatch = checked.valid.filter((v) => !bySlug.has(v.data.subject));
    const matches = await matchNames(toMatch.map((v) => v.data.subject));
    const byName = new Map(toMatch.map((v, i) => [v.line, matches[i]!]));
    const valid: Analysis['valid'] = [];
    const errors = [...checked.errors];
    for (const v of checked.valid) {
      const personId = bySlug.get(v.data.subject) ?? byName.get(v.line)?.person?.id;
      if (personId === undefined)
        errors.push({ row: v.line, column: 'subject', reason: 'No single person with this name or slug.' });
      else valid.push({ line: v.line, data: { ...v.data, personId } });
    }
    return {
      valid,
      errors,
      preview: previewOf(
        rows,
        outcomeFrom(errors, () => 'Poll'),
      ),
    };
  },
  async commit(tx, checked, options, progress) {
    const rows = await checked.load();
    await lock(tx, 'polls');
    let added = 0;
    for (const r of rows as (z.infer<typeof pollRow> & { personId: number })[]) {
      const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
      const key = {
        pollster: r.pollster,
        subjectPersonId: r.personId,
        subjectRole: r.subject_role,
        fieldworkEnd: day(r.fieldwork_end),
        net: r.net,
      };
      if (await tx.poll.findFirst({ where: key, select: { id: true } })) continue;
      await tx.poll.create({
        data: {
          ...key,
          fieldworkStart: day(r.fieldwork_start),
          satisfied: r.satisfied,
          dissatisfied: r.dissatisfied,
          dontKnow: r.dont_know,
          sampleSize: r.sample_size,
          note: r.note || null,
          sourceId: options.sourceId!,
        },
      });
      added++;
    }
    await progress(rows.length);
    return `${added} polls added; ${rows.length - added} were already recorded.`;
  },
};

// ---------------------------------------------------------------------------------------------
// The whip count: positions on a stage's vote, and ballots of a division. Names are matched among
// the members who may vote on the day only (a name ambiguous in the roster may name one of them).

/**
 * Matches names among those who may vote (a stage's body's members, or a house's for a house's
 * division); rows that name no single voter, or a voter twice, are errors.
 */
async function matchVoters(
  rows: { line: number; name: string; seat?: string }[],
  who: { stageId: number | null; house?: House | null },
  on: Date | null,
  errors: RowError[],
  sameKey: (line: number) => string = () => '',
) {
  const voters = who.house
    ? await houseVoters(who.house, on ?? new Date())
    : who.stageId !== null
      ? (await stageVoters(who.stageId, on))?.ids
      : undefined;
  const { matched, problems } = await matchAmongVoters(rows, voters ?? new Map(), {
    sameKey: (row) => sameKey(row.line),
    twice: (person, first) => `Same member as row ${first.line} (${person.name}).`,
  });
  for (const { entry, reason } of problems) errors.push({ row: entry.line, column: 'name', reason });
  return new Map(matched.map(({ entry, person }) => [entry.line, person.id]));
}

const positionColumns = {
  name: text(RECORDS.person.name, true, 'the member, as the source writes them'),
  constituency: text(RECORDS.membership.constituency, false, 'their seat, to tell apart members of one name'),
  position: oneOf(Stand, { required: true }),
  stated_on: day(true, 'a position needs the day it was stated'),
  confidence,
  quote: text(RECORDS.position.quote),
  note: text(RECORDS.position.note),
} satisfies Columns;
const positionRow = rowOf(positionColumns);

const positions: ImportKind = {
  label: 'Positions on a vote (whip count), names matched to its members',
  columns: positionColumns,
  needs: ['stage', 'source'],
  async analyze(rows, options) {
    const checked = checkRows(
      rows,
      positionRow,
      (r) => `${r.name.toLowerCase()}|${r.constituency.toLowerCase()}|${r.stated_on}|${r.position}`,
    );
    const errors = [...checked.errors];
    const stated = new Map(checked.valid.map((v) => [v.line, `${v.data.stated_on}|${v.data.position}`]));
    const people = await matchVoters(
      checked.valid.map((v) => ({ line: v.line, name: v.data.name, seat: v.data.constituency })),
      { stageId: options.stageId! },
      null,
      errors,
      (line) => stated.get(line)!,
    );
    const valid = checked.valid
      .filter((v) => people.has(v.line))
      .map((v) => ({ line: v.line, data: { ...v.data, personId: people.get(v.line)! } }));
    errors.sort((a, b) => a.row - b.row);
    return {
      valid,
      errors,
      preview: previewOf(
        rows,
        outcomeFrom(
          errors,
          (line) =>
            `Position: ${stated.get(line)?.split('|')[1]?.toLowerCase().replace('_', ' ')} from ${stated.get(line)?.split('|')[0]}`,
        ),
      ),
    };
  },
  async commit(tx, checked, options, progress) {
    const rows = await checked.load();
    await lock(tx, 'positions');
    const r = rows as (z.infer<typeof positionRow> & { personId: number })[];
    const inserted = await tx.$executeRaw`
      INSERT INTO "Position" ("stageId", "personId", stand, "statedOn", confidence, quote, note, "sourceId", "updatedAt")
      SELECT ${options.stageId}, t.person_id, t.stand::"Stand", t.stated_on::date, t.confidence::"Confidence", nullif(t.quote, ''), nullif(t.note, ''), ${options.sourceId}, now()
      FROM unnest(${r.map((x) => x.personId)}::int[], ${r.map((x) => x.position)}::text[], ${r.map((x) => x.stated_on)}::text[], ${r.map((x) => x.confidence)}::text[],
                  ${r.map((x) => x.quote)}::text[], ${r.map((x) => x.note)}::text[]) AS t(person_id, stand, stated_on, confidence, quote, note)
      ON CONFLICT ("stageId", "personId", "statedOn", stand) DO NOTHING`;
    await progress(rows.length);
    return `${inserted} positions added; ${rows.length - inserted} were already recorded.`;
  },
};

const ballotColumns = {
  name: text(RECORDS.person.name, true, 'the member, as the list writes them'),
  constituency: positionColumns.constituency,
  vote: oneOf(Vote, {
    required: true,
    aliases: { ayes: 'AYE', yes: 'AYE', content: 'AYE', noes: 'NO', 'not content': 'NO', abstention: 'ABSTAIN' },
  }),
  teller: yesNo(),
} satisfies Columns;
const ballotRow = rowOf(ballotColumns);

const ballots: ImportKind = {
  label: 'Ballots of a division, names matched to the members who may vote',
  columns: ballotColumns,
  needs: ['division'],
  // A division page's ballots CSV (party, rebel … beside these) imports back as it is.
  ignoresUnknownColumns: true,
  async analyze(rows, options) {
    const checked = checkRows(rows, ballotRow, (r) => `${r.name.toLowerCase()}|${r.constituency.toLowerCase()}`);
    const errors = [...checked.errors];
    const division = await db().division.findUniqueOrThrow({
      where: { id: options.divisionId! },
      select: { stageId: true, house: true, heldOn: true, ayes: true, noes: true },
    });
    const people = await matchVoters(
      checked.valid.map((v) => ({ line: v.line, name: v.data.name, seat: v.data.constituency })),
      division,
      division.heldOn,
      errors,
    );
    const valid = checked.valid
      .filter((v) => people.has(v.line))
      .map((v) => ({ line: v.line, data: { ...v.data, personId: people.get(v.line)! } }));
    const named = namedInLobbies(
      valid,
      (v) => v.data.vote,
      (v) => v.data.teller,
    );
    if (
      (division.ayes !== null && division.ayes !== named.ayes) ||
      (division.noes !== null && division.noes !== named.noes)
    ) {
      errors.push({
        row: 1,
        column: 'vote',
        reason: `The file has ${named.ayes} ayes and ${named.noes} noes (tellers apart); the division records ${division.ayes ?? '?'} ayes and ${division.noes ?? '?'} noes.`,
      });
    }
    errors.sort((a, b) => a.row - b.row);
    const byLine = new Map(valid.map((v) => [v.line, v.data.vote]));
    return {
      valid,
      errors,
      preview: previewOf(
        rows,
        outcomeFrom(errors, (line) => `Ballot: ${byLine.get(line)?.toLowerCase()}`),
      ),
    };
  },
  async commit(tx, checked, options, progress) {
    const rows = await checked.load();
    await lock(tx, 'ballots');
    const r = rows as (z.infer<typeof ballotRow> & { personId: number })[];
    const inserted = await tx.$executeRaw`
      INSERT INTO "Ballot" ("divisionId", "personId", vote, teller)
      SELECT ${options.divisionId}, t.person_id, t.vote::"Vote", t.teller
      FROM unnest(${r.map((x) => x.personId)}::int[], ${r.map((x) => x.vote)}::text[], ${r.map((x) => x.teller)}::boolean[]) AS t(person_id, vote, teller)
      ON CONFLICT ("divisionId", "personId") DO NOTHING`;
    // Skipping invalid rows never skips this: the division's ballots, as they would stand, must add
    // up to its recorded totals, or nothing is imported (issue 22: 637 ballots went in under 202/432).
    const [t] = await tx.$queryRaw<
      { ayes: number | null; noes: number | null; named_ayes: number; named_noes: number }[]
    >`
      SELECT d.ayes, d.noes,
             (SELECT count(*)::int FROM "Ballot" b WHERE b."divisionId" = d.id AND b.vote = 'AYE' AND NOT b.teller) AS named_ayes,
             (SELECT count(*)::int FROM "Ballot" b WHERE b."divisionId" = d.id AND b.vote = 'NO' AND NOT b.teller) AS named_noes
      FROM "Division" d WHERE d.id = ${options.divisionId}`;
    const short = t && lobbyShortfall(t, { ayes: t.named_ayes, noes: t.named_noes });
    if (short)
      throw new AppError(
        'INVALID',
        `the division's ballots would not add up to its recorded totals (${t.ayes ?? '?'} ayes, ${t.noes ?? '?'} noes): ${short}.`,
      );
    await progress(rows.length);
    return `${inserted} ballots added; ${rows.length - inserted} were already recorded.`;
  },
};

export const IMPORT_KINDS: Record<string, ImportKind> = { roster, signatures, polls, positions, ballots };
