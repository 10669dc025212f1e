// What a database error says about the rule it broke, read from the error's structure rather than
// guessed from its message text: Prisma's known-request error carries the driver adapter's error
// (`meta.driverAdapterError.cause`), which names the constraint for unique, foreign-key and
// RESTRICT violations and gives PostgreSQL's SQLSTATE for the rest. Pure: no database.

export type ViolationKind = 'unique' | 'foreign-key' | 'restrict' | 'check' | 'exclusion' | 'not-null';

export interface Violation {
  kind: ViolationKind;
  /** The constraint's name ("Campaign_slug_key"), when the error gives it. */
  constraint: string | null;
}

interface AdapterCause {
  kind?: string;
  originalCode?: string;
  code?: string;
  originalMessage?: string;
  constraint?: { index?: string; fields?: string[] };
}

const BY_KIND: Record<string, ViolationKind> = {
  UniqueConstraintViolation: 'unique',
  ForeignKeyConstraintViolation: 'foreign-key',
  RestrictViolation: 'restrict',
  NullConstraintViolation: 'not-null',
};

// PostgreSQL's SQLSTATEs (appendix A of its manual).
const BY_SQLSTATE: Record<string, ViolationKind> = {
  '23505': 'unique',
  '23503': 'foreign-key',
  '23001': 'restrict',
  '23514': 'check',
  '23P01': 'exclusion',
  '23502': 'not-null',
};

/** The driver adapter's cause inside a Prisma error (or one it wraps), if any. */
function adapterCause(error: unknown): AdapterCause | null {
  for (
    let e = error as Record<string, unknown> | undefined, depth = 0;
    e && typeof e === 'object' && depth < 5;
    depth++
  ) {
    const meta = e.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined;
    if (meta?.driverAdapterError?.cause) return meta.driverAdapterError.cause;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return null;
}

/**
 * The constraint a write broke, or null when the error is not a constraint violation. CHECK and
 * exclusion constraints come with no structured name, so theirs is read from PostgreSQL's own
 * wording (`violates check constraint "name"`), once the SQLSTATE has said what it is.
 */
export function violationOf(error: unknown): Violation | null {
  const cause = adapterCause(error);
  if (!cause) return null;
  const sqlstate = cause.originalCode ?? cause.code ?? '';
  const kind = (cause.kind && BY_KIND[cause.kind]) || BY_SQLSTATE[sqlstate];
  if (!kind) return null;
  const named = cause.constraint?.index ?? /constraint "([^"]+)"/.exec(cause.originalMessage ?? '')?.[1] ?? null;
  return { kind, constraint: named };
}
