// What each kind of import reads, how it checks each row, and how it writes the valid ones.
// Writes are set-based and idempotent (natural keys, ON CONFLICT): the same file twice changes
// nothing. Each runs under a transaction-level advisory lock, so two imports of one kind at once
// cannot both insert the same new rows.
import 'server-only';
import { isDay } from '../validation';
import { z } from 'zod';
import { houseOf, knownTerms, loadRoster, type NewTerm, overlaps, type RosterRow, stintOf, termLabel } from '../roster';
import { normalizeName, unsortName } from '../names';
import { Confidence, type House, Stand, Vote } from '../generated/prisma/enums';
import { db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { matchAmongVoters, matchNames } from '../matching';
import { stageVoters } from '../whip-count';
import { houseVoters } from '../divisions';
import { lobbyShortfall, namedInLobbies } from '../division-outcome';
import { AppError } from '../errors';
import type { NewSource } from '../admin/new-source';

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
  columns: { required: string[]; optional: string[] };
  /** What the upload form asks besides the file. */
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

const optionalDay = (label: string) =>
  z
    .string()
    .refine((v) => v === '' || isDay(v), `${label} must be a date as YYYY-MM-DD.`)
    .transform((v) => (v ? v : null));
const optionalNumber = (label: string, min: number, max: number) =>
  z
    .string()
    .refine(
      (v) => v === '' || (/^-?\d+(\.\d+)?$/.test(v) && Number(v) >= min && Number(v) <= max),
      `${label} must be a number from ${min} to ${max}.`,
    )
    .transform((v) => (v === '' ? null : Number(v)));
const text = (label: string, max: number, required = false) =>
  (required ? z.string().min(1, `${label} is empty.`) : z.string())
    .refine((v) => v.length <= max, `${label} is longer than ${max} characters.`)
    .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v), `${label} contains control characters.`);

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

const rosterRow = z.object({
  // Identifiers are identifiers: letters, digits and a few separators, never a formula or markup.
  id: text('id', 200, true).refine(
    (v) => /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/.test(v),
    'id must be letters, digits, and . _ : / - only.',
  ),
  name: text('name', 200, true),
  sort_name: text('sort_name', 200).default(''),
  group: text('group', 200).default(''),
  area: text('area', 200).default(''),
  chamber: text('chamber', 100).default(''),
  term: text('term', 50).default(''),
  start_date: optionalDay('start_date').transform((v) => v ?? ''),
  end_date: optionalDay('end_date').transform((v) => v ?? ''),
  wikidata: text('wikidata', 50)
    .default('')
    .refine((v) => v === '' || /^Q[1-9]\d*$/.test(v), 'wikidata must be a Wikidata item id such as Q42, or empty.'),
});

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
  columns: {
    required: ['id', 'name'],
    optional: [
      'sort_name',
      'email',
      'twitter',
      'facebook',
      'group',
      'group_id',
      'area_id',
      'area',
      'chamber',
      'term',
      'start_date',
      'end_date',
      'image',
      'gender',
      'wikidata',
      'wikidata_group',
      'wikidata_area',
    ],
  },
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

const signatureRow = z.object({
  campaign: z.string().default(''),
  name: text('name', 200, true),
  signed_on: optionalDay('signed_on'),
  role_at_signing: text('role_at_signing', 200).default(''),
  confidence: z
    .string()
    .default('')
    .transform((v) => v.toUpperCase() || 'REPORTED')
    .pipe(z.enum(Confidence, { message: 'confidence must be confirmed, reported or claimed.' })),
  note: text('note', 2000).default(''),
});

const signatures: ImportKind = {
  label: 'Signatures (names matched to people), for one campaign or with a campaign column',
  columns: { required: ['name'], optional: ['campaign', 'signed_on', 'role_at_signing', 'confidence', 'note'] },
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

const pollRow = z
  .object({
    pollster: text('pollster', 200, true),
    subject: text('subject', 200, true),
    subject_role: text('subject_role', 200, true),
    fieldwork_start: optionalDay('fieldwork_start'),
    fieldwork_end: optionalDay('fieldwork_end'),
    satisfied: optionalNumber('satisfied', 0, 100),
    dissatisfied: optionalNumber('dissatisfied', 0, 100),
    dont_know: optionalNumber('dont_know', 0, 100),
    net: optionalNumber('net', -100, 100).refine((v) => v !== null, 'net is empty.'),
    sample_size: optionalNumber('sample_size', 1, 10_000_000),
    note: text('note', 2000).default(''),
  })
  .refine((r) => !r.fieldwork_start || !r.fieldwork_end || r.fieldwork_end >= r.fieldwork_start, {
    message: 'fieldwork_end is before fieldwork_start.',
    path: ['fieldwork_end'],
  });

const polls: ImportKind = {
  label: 'Satisfaction polls',
  columns: {
    required: ['pollster', 'subject', 'subject_role', 'net'],
    optional: ['fieldwork_start', 'fieldwork_end', 'satisfied', 'dissatisfied', 'dont_know', 'sample_size', 'note'],
  },
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

const positionRow = z.object({
  name: text('name', 200, true),
  constituency: text('constituency', 200).default(''),
  position: z
    .string()
    .transform((v) =>
      v
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_'),
    )
    .pipe(
      z.enum(Stand, {
        message: 'position must be for, leaning for, undecided, leaning against, against or will not vote.',
      }),
    ),
  stated_on: optionalDay('stated_on').refine(
    (v) => v !== null,
    'stated_on is empty: a position needs the day it was stated.',
  ),
  confidence: z
    .string()
    .default('')
    .transform((v) => v.toUpperCase() || 'REPORTED')
    .pipe(z.enum(Confidence, { message: 'confidence must be confirmed, reported or claimed.' })),
  quote: text('quote', 5000).default(''),
  note: text('note', 2000).default(''),
});

const positions: ImportKind = {
  label: 'Positions on a vote (whip count), names matched to its members',
  columns: { required: ['name', 'position', 'stated_on'], optional: ['constituency', 'confidence', 'quote', 'note'] },
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

const ballotRow = z.object({
  name: text('name', 200, true),
  constituency: text('constituency', 200).default(''),
  vote: z
    .string()
    .transform(
      (v) =>
        ({
          aye: 'AYE',
          ayes: 'AYE',
          yes: 'AYE',
          content: 'AYE',
          no: 'NO',
          noes: 'NO',
          'not content': 'NO',
          abstain: 'ABSTAIN',
          abstention: 'ABSTAIN',
        })[v.trim().toLowerCase()] ?? v,
    )
    .pipe(z.enum(Vote, { message: 'vote must be aye, no or abstain.' })),
  teller: z
    .string()
    .default('')
    .transform((v) => v.trim().toLowerCase())
    .refine((v) => ['', 'true', 'false', 'yes', 'no', '1', '0'].includes(v), 'teller must be true or false.')
    .transform((v) => ['true', 'yes', '1'].includes(v)),
});

const ballots: ImportKind = {
  label: 'Ballots of a division, names matched to the members who may vote',
  columns: { required: ['name', 'vote'], optional: ['constituency', 'teller'] },
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
