// A source named where it is cited: every form that cites a source (records, added names, the
// whip count's forms, CSV uploads) offers "+ A new source", read and created here, in the
// transaction of the records that cite it, so a refused save leaves no source behind.
import 'server-only';
import { z } from 'zod';
import { recordAudit } from '../audit';
import type { Actor } from '../auth/session';
import type { Prisma } from '../generated/prisma/client';
import { MAX_INT } from '../records';
import { type FieldErrors, fieldErrorsOf, NEW_SOURCE, NEW_SOURCE_FIELDS, newSourceField, schemaFor } from './fields';

export { NEW_SOURCE, newSourceField } from './fields';

/** A form's choice of source: a recorded one's id, or NEW_SOURCE. */
export const sourceChoice = (message = 'Choose the source.') =>
  z.union([z.literal(NEW_SOURCE), z.coerce.number({ message }).int(message).positive(message).max(MAX_INT, message)], {
    message,
  });

export type NewSource = { publisher: string; title: string; publishedAt?: Date | null; url?: string | null };

/**
 * The new source's fields read from a form's values (keys "newSource.publisher" …), checked by
 * the rules of the source record itself; errors are keyed as the form's fields are.
 */
export function parseNewSource(values: Record<string, unknown>): { data: NewSource } | { errors: FieldErrors } {
  const raw = Object.fromEntries(NEW_SOURCE_FIELDS.map((f) => [f.name, values[newSourceField(f.name)] ?? '']));
  const parsed = schemaFor(NEW_SOURCE_FIELDS).safeParse(raw);
  if (!parsed.success)
    return {
      errors: Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => [newSourceField(k), v])),
    };
  return { data: parsed.data as NewSource };
}

/** Creates the new source, with its audit event, in the caller's transaction; its id. */
export async function createSource(tx: Prisma.TransactionClient, actor: Actor, source: NewSource): Promise<number> {
  const created = await tx.source.create({ data: source });
  await recordAudit(tx, actor, 'create', 'source', created.id, null, created);
  return created.id;
}
