// Writing the whip count: one member moved in one step, a pasted list placed at once, and a
// division list as Hansard prints it recorded as ballots. Each checks the session and role, that
// every member may vote at that stage on the day, and writes its records with their audit events
// in one transaction (docs/decisions/014-whip-count.md).
import 'server-only';
import { z } from 'zod';
import { Confidence, Stand } from './generated/prisma/enums';
import { recordAudit } from './audit';
import { type Actor, requireRole, type RequestContext } from './auth/session';
import type { Prisma } from './generated/prisma/client';
import { createSource, NEW_SOURCE, type NewSource, parseNewSource, sourceChoice } from './admin/new-source';
import { db } from './db';
import { violationOf } from './db-errors';
import { namedInLobbies } from './division-outcome';
import { isDay, SLUG_RE } from './validation';
import { MAX_INT, RECORDS, textSchema } from './records';
import { AppError } from './errors';
import { parseDivisionList } from './hansard';
import { matchAmongVoters } from './matching';
import { stageVoters } from './placements';
import { splitNames } from './admin/add-signatures';

export const MAX_PASTE_LINES = 1000;

export interface WriteResult {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string>;
  /** Lines left for the editor, each with why ("ambiguous: …", "not a member on the day"). */
  leftOver?: { line: number; text: string; reason: string }[];
  /** What to keep in the text box: the lines not saved. */
  remaining?: string;
}

const common = z.object({
  stageId: z.coerce.number().int().positive('Choose the vote.').max(MAX_INT),
  stand: z.enum(Stand, { message: 'Choose where they stand.' }),
  statedOn: z.string().refine(isDay, 'Give the day it was stated, as YYYY-MM-DD.'),
  sourceId: sourceChoice(),
  confidence: z.enum(Confidence).default('REPORTED'),
  quote: textSchema(RECORDS.position.quote, 'The quote').optional(),
  note: textSchema(RECORDS.position.note, 'The note').optional(),
});

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? '_form')] ??= issue.message;
  return out;
}

/**
 * The source a write cites: a recorded one that still exists, or a new one named on the form
 * (created in the write's transaction by `sourceIdIn`); or why not, as a refusal.
 */
async function citedSource(
  sourceId: number | typeof NEW_SOURCE,
  input: Record<string, unknown>,
): Promise<{ source: number | NewSource; refusal?: undefined } | { refusal: WriteResult }> {
  if (sourceId === NEW_SOURCE) {
    const parsed = parseNewSource(input);
    if ('errors' in parsed)
      return {
        refusal: {
          ok: false,
          message: 'The new source needs at least a publisher and a title. Nothing was saved.',
          fieldErrors: parsed.errors,
        },
      };
    return { source: parsed.data };
  }
  if (!(await db().source.findUnique({ where: { id: sourceId }, select: { id: true } })))
    return {
      refusal: { ok: false, message: 'That source no longer exists.', fieldErrors: { sourceId: 'Choose the source.' } },
    };
  return { source: sourceId };
}

/** The cited source's id, the new one created (with its audit event) in this transaction. */
const sourceIdIn = (tx: Prisma.TransactionClient, actor: Actor, source: number | NewSource) =>
  typeof source === 'number' ? source : createSource(tx, actor, source);

/** The source this editor cited last for a position, to prefill the next one. */
export async function lastSourceUsed(ctx?: RequestContext): Promise<number | null> {
  const actor = await requireRole('editor', ctx);
  const [row] = await db().$queryRaw<{ source_id: string | null }[]>`
    SELECT "after"->>'sourceId' AS source_id FROM "AuditEvent" WHERE "actorId" = ${actor.id} AND entity IN ('position', 'ballot-list') ORDER BY id DESC LIMIT 1`;
  return row?.source_id ? Number(row.source_id) : null;
}

/** Moves one member to a new position from a day on: a new record, the old ones kept. */
export async function movePosition(input: Record<string, unknown>, ctx?: RequestContext): Promise<WriteResult> {
  const actor = await requireRole('editor', ctx);
  const parsed = common.extend({ person: z.string().regex(SLUG_RE, 'Choose a member.') }).safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      message: 'Please correct the fields marked below. Nothing was saved.',
      fieldErrors: fieldErrors(parsed.error),
    };
  const d = parsed.data;
  const cited = await citedSource(d.sourceId, input);
  if (cited.refusal) return cited.refusal;
  const person = await db().person.findUnique({ where: { slug: d.person }, select: { id: true, name: true } });
  const voters = await stageVoters(d.stageId);
  if (!voters)
    return { ok: false, message: 'That vote no longer exists.', fieldErrors: { stageId: 'Choose the vote.' } };
  if (!person || !voters.ids.has(person.id)) {
    return {
      ok: false,
      message: `${person?.name ?? 'That person'} may not vote on this: not a member of the body on ${voters.day.toISOString().slice(0, 10)}. Nothing was saved.`,
      fieldErrors: { person: 'Not a member who may vote.' },
    };
  }
  try {
    await db().$transaction(async (tx) => {
      const sourceId = await sourceIdIn(tx, actor, cited.source);
      const row = await tx.position.create({
        data: {
          stageId: d.stageId,
          personId: person.id,
          stand: d.stand,
          statedOn: new Date(`${d.statedOn}T00:00:00Z`),
          confidence: d.confidence,
          quote: d.quote || null,
          note: d.note || null,
          sourceId,
        },
      });
      await recordAudit(tx, actor, 'create', 'position', row.id, null, row);
    });
  } catch (error) {
    if (violationOf(error)?.kind === 'unique')
      return {
        ok: false,
        message: `${person.name} already has this position on this vote on that day. Nothing was saved.`,
        fieldErrors: { stand: 'Already recorded for that day.' },
      };
    throw error;
  }
  return { ok: true, message: `${person.name}: ${d.stand.toLowerCase().replace('_', ' ')} from ${d.statedOn}.` };
}

/**
 * Places every name of a pasted list at one position. Names that match one member who may vote
 * are saved; the rest are left in the box with the reason, for the editor to settle.
 */
export async function pastePositions(input: Record<string, unknown>, ctx?: RequestContext): Promise<WriteResult> {
  const actor = await requireRole('editor', ctx);
  const parsed = common.extend({ names: z.string().max(200_000, 'The list is too long.') }).safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      message: 'Please correct the fields marked below. Nothing was saved.',
      fieldErrors: fieldErrors(parsed.error),
    };
  const d = parsed.data;
  const lines = d.names.split(/\r?\n/);
  const names = lines.map((text, i) => ({ line: i + 1, text: splitNames(text)[0] ?? '' })).filter((l) => l.text);
  if (names.length === 0)
    return {
      ok: false,
      message: 'Paste at least one name, one a line.',
      fieldErrors: { names: 'Paste at least one name.' },
    };
  if (names.length > MAX_PASTE_LINES)
    return {
      ok: false,
      message: `At most ${MAX_PASTE_LINES} names at a time.`,
      fieldErrors: { names: 'Too many lines.' },
    };
  const cited = await citedSource(d.sourceId, input);
  if (cited.refusal) return cited.refusal;
  const voters = await stageVoters(d.stageId);
  if (!voters)
    return { ok: false, message: 'That vote no longer exists.', fieldErrors: { stageId: 'Choose the vote.' } };
  const withSeat = names.map((n) => {
    const seat = /\(([^()]+)\)\s*$/.exec(n.text);
    return { ...n, name: seat ? n.text.slice(0, seat.index).trim() : n.text, seat: seat?.[1]?.trim() ?? null };
  });
  const { matched, problems } = await matchAmongVoters(withSeat, voters.ids);
  const leftOver = problems.map(({ entry, reason }) => ({ line: entry.line, text: entry.text, reason }));
  const statedOn = new Date(`${d.statedOn}T00:00:00Z`);
  const saved = await db().$transaction(async (tx) => {
    let added = 0;
    // A new source is created with the first position that cites it, and not at all if none does.
    let sourceId: number | null = null;
    for (const { person } of matched) {
      const exists = await tx.position.findUnique({
        where: {
          stageId_personId_statedOn_stand: { stageId: d.stageId, personId: person.id, statedOn, stand: d.stand },
        },
        select: { id: true },
      });
      if (exists) continue;
      sourceId ??= await sourceIdIn(tx, actor, cited.source);
      const row = await tx.position.create({
        data: {
          stageId: d.stageId,
          personId: person.id,
          stand: d.stand,
          statedOn,
          confidence: d.confidence,
          note: d.note || null,
          sourceId,
        },
      });
      await recordAudit(tx, actor, 'create', 'position', row.id, null, row);
      added++;
    }
    return added;
  });
  const already = matched.length - saved;
  const message = [
    `${saved} member${saved === 1 ? '' : 's'} placed`,
    already ? `${already} already had it` : '',
    leftOver.length ? `${leftOver.length} line${leftOver.length === 1 ? '' : 's'} left for you below` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { ok: true, message: `${message}.`, leftOver, remaining: leftOver.map((l) => l.text).join('\n') };
}

const divisionSchema = z.object({
  stageId: z.coerce.number().int().positive('Choose the vote.').max(MAX_INT),
  divisionId: z.preprocess(
    (v) => (v === '' || v === 'new' ? null : v),
    z.coerce.number().int().positive().max(MAX_INT).nullable(),
  ),
  question: textSchema(RECORDS.division.question, 'The question').optional(),
  heldOn: z.preprocess(
    (v) => (v === '' ? null : v),
    z.string().refine(isDay, 'Give the day of the vote, as YYYY-MM-DD.').nullable(),
  ),
  sourceId: sourceChoice(),
  list: z.string().max(500_000, 'The list is too long.'),
});

/**
 * Records a division list as ballots: all or nothing. Every name must match one member who may
 * vote on the day, once, in one lobby; otherwise nothing is saved and each problem names its line.
 * A new division is created with the question and day given; an existing one gains the ballots.
 */
export async function recordDivisionList(
  input: Record<string, unknown>,
  ctx?: RequestContext,
): Promise<WriteResult & { divisionId?: number }> {
  const actor = await requireRole('editor', ctx);
  const parsed = divisionSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      message: 'Please correct the fields marked below. Nothing was saved.',
      fieldErrors: fieldErrors(parsed.error),
    };
  const d = parsed.data;
  if (d.divisionId === null && !d.question)
    return {
      ok: false,
      message: 'A new division needs its question.',
      fieldErrors: { question: 'What was the vote on?' },
    };
  const cited = await citedSource(d.sourceId, input);
  if (cited.refusal) return cited.refusal;
  const existing = d.divisionId
    ? await db().division.findUnique({
        where: { id: d.divisionId },
        select: { id: true, stageId: true, heldOn: true, ayes: true, noes: true },
      })
    : null;
  if (d.divisionId && (!existing || existing.stageId !== d.stageId))
    return {
      ok: false,
      message: 'That division is not a vote of this stage.',
      fieldErrors: { divisionId: 'Choose a division of this vote.' },
    };
  const day = existing?.heldOn ?? (d.heldOn ? new Date(`${d.heldOn}T00:00:00Z`) : null);
  const voters = await stageVoters(d.stageId, day);
  if (!voters)
    return { ok: false, message: 'That vote no longer exists.', fieldErrors: { stageId: 'Choose the vote.' } };

  const { entries, problems } = parseDivisionList(d.list);
  if (entries.length === 0)
    return {
      ok: false,
      message: 'No names found: paste the list with its “Ayes” and “Noes” headings.',
      fieldErrors: { list: 'No names found.' },
    };
  const found = await matchAmongVoters(
    entries.map((e) => ({ ...e, seat: e.constituency })),
    voters.ids,
    {
      twice: (person, first, again) =>
        first.lobby === again.lobby
          ? `${person.name} is listed twice (also line ${first.line}).`
          : `${person.name} is in both lobbies (also line ${first.line}, ${first.lobby === 'AYE' ? 'Ayes' : 'Noes'}).`,
    },
  );
  const leftOver = [
    ...problems,
    ...found.problems.map(({ entry, reason }) => ({ line: entry.line, text: entry.raw, reason })),
  ];
  const ballots = found.matched.map(({ entry, person }) => ({
    personId: person.id,
    vote: entry.lobby,
    teller: entry.teller,
  }));
  if (leftOver.length) {
    leftOver.sort((a, b) => a.line - b.line);
    return {
      ok: false,
      message: `${leftOver.length} line${leftOver.length === 1 ? '' : 's'} need${leftOver.length === 1 ? 's' : ''} attention; nothing was saved.`,
      leftOver,
    };
  }
  const counted = namedInLobbies(
    ballots,
    (b) => b.vote,
    (b) => b.teller,
  );
  if (
    existing &&
    ((existing.ayes !== null && existing.ayes !== counted.ayes) ||
      (existing.noes !== null && existing.noes !== counted.noes))
  ) {
    return {
      ok: false,
      message: `The list has ${counted.ayes} ayes and ${counted.noes} noes (tellers apart), but the division records ${existing.ayes ?? '?'} ayes and ${existing.noes ?? '?'} noes. Correct the totals or the list; nothing was saved.`,
      fieldErrors: { list: 'Does not match the recorded totals.' },
    };
  }
  try {
    const divisionId = await db().$transaction(async (tx) => {
      const sourceId = await sourceIdIn(tx, actor, cited.source);
      let id = existing?.id;
      if (!id) {
        const division = await tx.division.create({
          data: {
            stageId: d.stageId,
            question: d.question!,
            heldOn: day,
            ayes: counted.ayes,
            noes: counted.noes,
            sourceId,
          },
        });
        await recordAudit(tx, actor, 'create', 'division', division.id, null, division);
        id = division.id;
      }
      const taken = await tx.ballot.findMany({
        where: { divisionId: id, personId: { in: ballots.map((b) => b.personId) } },
        select: { personId: true },
      });
      if (taken.length)
        throw new AppError(
          'CONFLICT',
          `${taken.length} of these members already have a ballot in this division; nothing was saved.`,
        );
      await tx.ballot.createMany({ data: ballots.map((b) => ({ divisionId: id, ...b })) });
      await recordAudit(tx, actor, 'create', 'ballot-list', id, null, {
        divisionId: id,
        sourceId,
        ballots: ballots.length,
        ayes: counted.ayes,
        noes: counted.noes,
      });
      return id;
    });
    return {
      ok: true,
      message: `${ballots.length} ballots recorded: ${counted.ayes} ayes and ${counted.noes} noes, tellers apart.`,
      divisionId,
    };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
