// Signing in and out, with failures counted per account and per client address in PostgreSQL.
import 'server-only';
import { db } from '../db';
import { AppError } from '../errors';
import { auth } from './auth';
import type { RequestContext } from './session';

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
const GENERIC = 'The e-mail address or password is not right.';

/** The client's address as the nearest proxy (or Next.js itself) recorded it. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get('x-real-ip') ?? 'unknown';
}

function keysFor(email: string, headers: Headers) {
  return [`email:${email.trim().toLowerCase()}`, `ip:${clientAddress(headers)}`];
}

async function isThrottled(keys: string[]): Promise<boolean> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "LoginThrottle"
    WHERE key = ANY(${keys}::text[]) AND failures >= ${MAX_FAILURES}
      AND "windowStart" > now() - make_interval(mins => ${WINDOW_MINUTES})`;
  return (rows[0]?.n ?? 0) > 0;
}

async function recordFailure(keys: string[]): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "LoginThrottle" (key, failures, "windowStart", "updatedAt")
    SELECT k, 1, now(), now() FROM unnest(${keys}::text[]) AS k
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStart" <= now() - make_interval(mins => ${WINDOW_MINUTES}) THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= now() - make_interval(mins => ${WINDOW_MINUTES}) THEN now() ELSE "LoginThrottle"."windowStart" END,
      "updatedAt" = now()`;
}

/**
 * Signs in with e-mail and password. Failures give one generic message; after five in fifteen
 * minutes for the account or the address, sign-in is refused until the window passes.
 * Returns the response headers (the session cookie) for callers outside Next.js.
 */
export async function signIn(email: string, password: string, ctx: Required<RequestContext>): Promise<Headers> {
  const keys = keysFor(email, ctx.headers);
  if (await isThrottled(keys)) {
    throw new AppError('RATE_LIMITED', `Too many failed sign-ins. Wait ${WINDOW_MINUTES} minutes and try again.`);
  }
  try {
    const { headers } = await auth().api.signInEmail({ body: { email, password, rememberMe: true }, headers: ctx.headers, returnHeaders: true });
    await db().loginThrottle.deleteMany({ where: { key: keys[0] } });
    return headers;
  } catch (error) {
    const status = (error as { statusCode?: number; status?: number | string })?.statusCode;
    if (status && status >= 500) throw error;
    await recordFailure(keys);
    throw new AppError('UNAUTHENTICATED', GENERIC);
  }
}

/** Ends the session on the server (the row is deleted), not only in the browser. */
export async function signOut(ctx: Required<RequestContext>): Promise<void> {
  await auth().api.signOut({ headers: ctx.headers });
}
