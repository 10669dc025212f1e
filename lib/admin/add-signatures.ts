// The fast path for the common task: a list of names from a news story becomes signatures, each
// line matched to a person (or a new one) by the editor, all saved at once with one source.
import 'server-only';
import { z } from 'zod';
import { recordCreations } from '../audit';
import { type Actor, requireRole, type RequestContext } from '../auth/session';
import { db } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { AppError } from '../errors';
import { normalizeName, personFromWrittenName } from '../names';
import { matchNames, type NameMatch } from '../matching';
import { isDay, SLUG_RE } from '../validation';
import { RECORDS, textSchema } from '../records';
import { Confidence } from '../generated/prisma/enums';
import { type FieldErrors, fieldErrorsOf } from './fields';
import { createSource, NEW_SOURCE, type NewSource, parseNewSource, sourceChoice } from './new-source';

export const MAX_LINES = 500;

export interface PreviewLine extends NameMatch {
  line: number;
  /** People among the candidates who have already signed this campaign. */
  alreadySigned: string[];
}

/** Splits pasted text into names: one a line, bullets, numbering and trailing commas removed. */
export function splitNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) =>
      l
        .replace(/^\s*(?:[-*•·]|\d+[.)])\s*/, '')
        .replace(/[,;]\s*$/, '')
        .trim(),
    )
    .filter(Boolean);
}

export async function previewNames(campaignId: number, text: string, ctx?: RequestContext): Promise<PreviewLine[]> {
  await requireRole('editor', ctx);
  const names = splitNames(text);
  if (names.length === 0) throw new AppError('INVALID', 'Paste at least one name, one per line.');
  if (names.length > MAX_LINES)
    throw new AppError('INVALID', `At most ${MAX_LINES} names at a time (you pasted ${names.length}).`);
  const [matches, signed] = await Promise.all([
    matchNames(names),
    db().signature.findMany({ where: { campaignId }, select: { person: { select: { slug: true } } } }),
  ]);
  const signedSlugs = new Set(signed.map((s) => s.person.slug));
  return matches.map((m, i) => ({
    ...m,
    line: i + 1,
    alreadySigned: m.candidates.map((c) => c.person.slug).filter((slug) => signedSlugs.has(slug)),
  }));
}

const entrySchema = z.object({
  line: z.number().int().positive(),
  name: textSchema(RECORDS.person.name, 'The name', true),
  choice: z.union([z.literal('new'), z.literal('skip'), z.string().regex(SLUG_RE)]),
});

const commonSchema = z.object({
  campaignId: z.coerce.number().int().positive('Choose a campaign.'),
  confidence: z.enum(Confidence, { message: 'Choose a confidence.' }),
  signedOn: z.preprocess(
    (v) => (v === '' ? null : v),
    z.string().refine(isDay, 'Enter a date as YYYY-MM-DD.').nullable(),
  ),
  sourceId: sourceChoice('Choose the source these names come from.'),
});

export interface AddResult {
  ok: boolean;
  message: string;
  fieldErrors?: FieldErrors;
  /** Lines that still need a decision. */
  undecided?: number[];
  added?: number;
  skipped?: number;
}

/**
 * New people for names as written (each with the name as an alias), with free slugs: `-2`, `-3`…
 * after the ones taken in the database or earlier in the batch. Their ids, in the names' order.
 */
async function createPeople(
  tx: Prisma.TransactionClient,
  actor: Actor,
  names: string[],
  sourceId: number,
): Promise<number[]> {
  if (names.length === 0) return [];
  const fields = names.map((written) => personFromWrittenName(written));
  const bases = [...new Set(fields.map((f) => f.slugBase))];
  const taken = new Set(
    (
      await tx.person.findMany({
        where: { OR: bases.map((base) => ({ slug: { startsWith: base } })) },
        select: { slug: true },
      })
    ).map((p) => p.slug),
  );
  const slugs = fields.map((f) => {
    let slug = f.slugBase;
    for (let n = 2; taken.has(slug); n++) slug = `${f.slugBase}-${n}`;
    taken.add(slug);
    return slug;
  });
  const people = await tx.person.createManyAndReturn({
    data: fields.map((f, i) => ({
      slug: slugs[i]!,
      name: f.name,
      honorific: f.honorific,
      sortName: f.sortName,
      house: f.suggestsLords ? ('LORDS' as const) : ('NONE' as const),
      sourceId,
    })),
  });
  const bySlug = new Map(people.map((p) => [p.slug, p]));
  const ordered = slugs.map((slug) => bySlug.get(slug)!);
  await tx.personAlias.createMany({
    data: ordered.map((p, i) => ({ personId: p.id, alias: names[i]!, normalized: normalizeName(names[i]!), sourceId })),
  });
  await recordCreations(tx, actor, 'person', ordered);
  return ordered.map((p) => p.id);
}

/**
 * Saves the reviewed lines in one transaction: new people first (with the line as an alias),
 * then the signatures, each audited. Lines for people who already signed are reported, not
 * duplicated. Nothing is saved if any line is undecided or any field is wrong.
 */
export async function addSignatures(
  input: {
    common: Record<string, unknown>;
    entries: unknown[];
    /** The form's values, a new source's fields among them as "newSource.publisher" … */
    newSource?: Record<string, unknown>;
  },
  ctx?: RequestContext,
): Promise<AddResult> {
  const actor = await requireRole('editor', ctx);
  const common = commonSchema.safeParse(input.common);
  if (!common.success)
    return {
      ok: false,
      message: 'Please correct the fields marked below. Nothing was saved.',
      fieldErrors: fieldErrorsOf(common.error),
    };
  const entries = z
    .array(z.unknown())
    .max(MAX_LINES)
    .parse(input.entries)
    .map((e) => entrySchema.safeParse(e));
  const undecided = entries.flatMap((e, i) => (e.success ? [] : [i + 1]));
  if (undecided.length)
    return {
      ok: false,
      message: `Decide every line before saving: line ${undecided.join(', ')} still needs a person, “new person” or “skip”.`,
      undecided,
    };
  const lines = entries.map((e) => e.data!);

  let newSource: NewSource | null = null;
  if (common.data.sourceId === NEW_SOURCE) {
    const parsed = parseNewSource(input.newSource ?? {});
    if ('errors' in parsed)
      return {
        ok: false,
        message: 'The new source needs at least a publisher and a title.',
        fieldErrors: parsed.errors,
      };
    newSource = parsed.data;
  }
  const signedOn = common.data.signedOn ? new Date(`${common.data.signedOn}T00:00:00Z`) : null;
  const campaign = await db().campaign.findUnique({
    where: { id: common.data.campaignId },
    select: { id: true, eligibleHouses: true },
  });
  if (!campaign)
    return { ok: false, message: 'That campaign no longer exists.', fieldErrors: { campaignId: 'Choose a campaign.' } };

  return db().$transaction(async (tx) => {
    let sourceId = common.data.sourceId as number;
    if (newSource) sourceId = await createSource(tx, actor, newSource);
    const slugs = lines.filter((l) => l.choice !== 'new' && l.choice !== 'skip').map((l) => l.choice);
    const people = new Map(
      (await tx.person.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((p) => [
        p.slug,
        p.id,
      ]),
    );
    const missing = slugs.filter((s) => !people.has(s));
    if (missing.length)
      throw new AppError('INVALID', `These people no longer exist: ${missing.join(', ')}. Match the names again.`);

    // Look-ups and writes in batches: a few statements whatever the number of lines (500 at most).
    const skipped = lines.filter((l) => l.choice === 'skip').length;
    const fresh = lines.filter((l) => l.choice === 'new');
    const newPeople = await createPeople(
      tx,
      actor,
      fresh.map((l) => l.name),
      sourceId,
    );
    const chosen = lines
      .filter((l) => l.choice !== 'skip')
      .map((l) => ({ name: l.name, personId: l.choice === 'new' ? newPeople.shift()! : people.get(l.choice)! }));
    const signed = new Set(
      (
        await tx.signature.findMany({
          where: { campaignId: campaign.id, personId: { in: chosen.map((c) => c.personId) } },
          select: { personId: true },
        })
      ).map((s) => s.personId),
    );
    const already: string[] = [];
    const toAdd: number[] = [];
    for (const { name, personId } of chosen) {
      if (signed.has(personId)) already.push(name);
      else {
        signed.add(personId); // the same person twice in the list: the second is "already signed"
        toAdd.push(personId);
      }
    }
    const signatures = await tx.signature.createManyAndReturn({
      data: toAdd.map((personId) => ({
        campaignId: campaign.id,
        personId,
        sourceId,
        signedOn,
        confidence: common.data.confidence,
      })),
    });
    await recordCreations(tx, actor, 'signature', signatures);
    const added = signatures.length;
    const notes = [
      `${added} signature${added === 1 ? '' : 's'} added`,
      skipped ? `${skipped} skipped` : '',
      already.length ? `already signed: ${already.join(', ')}` : '',
    ].filter(Boolean);
    return { ok: true, message: `${notes.join('; ')}.`, added, skipped };
  });
}
