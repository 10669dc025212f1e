// Signing in and out, with failures counted per account and per client address in PostgreSQL.
import 'server-only';
import { db } from '../db';
import { AppError } from '../errors';
import { auth } from './auth';
import { addressKey, clientAddress } from './client-address';
import type { RequestContext } from './session';

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
/** The longest an account waits between attempts, however many have failed. */
export const MAX_DELAY_SECONDS = 60;
const GENERIC = 'The e-mail address or password is not right.';

function keysFor(email: string, headers: Headers) {
  return { account: `email:${email.trim().toLowerCase()}`, address: `ip:${addressKey(clientAddress(headers))}` };
}

/** How long an account waits after its nth failure in the window: nothing up to five, then 1, 2, 4 … seconds, at most a minute. */
export const delayAfter = (failures: number) =>
  failures < MAX_FAILURES ? 0 : Math.min(2 ** (failures - MAX_FAILURES), MAX_DELAY_SECONDS);

/**
 * Reserves a sign-in attempt before the password is verified, counting it as a failure up front,
 * under row locks: parallel guesses cannot all pass the check before the first failure is written.
 * An address is refused after five failures in the window (every account); an account is never
 * locked, but waits an increasing delay between attempts after five failures, so its owner can
 * still sign in while a stranger's guesses slow to one a minute.
 */
async function reserve(keys: { account: string; address: string }): Promise<string | null> {
  return db().$transaction(async (tx) => {
    const list = [keys.account, keys.address];
    await tx.$executeRaw`
      INSERT INTO "LoginThrottle" (key, failures, "windowStart", "updatedAt")
      SELECT k, 0, now(), now() FROM unnest(${list}::text[]) AS k ON CONFLICT (key) DO NOTHING`;
    const rows = await tx.$queryRaw<{ key: string; failures: number; since_last: number }[]>`
      SELECT key, CASE WHEN "windowStart" <= now() - make_interval(mins => ${WINDOW_MINUTES}) THEN 0 ELSE failures END AS failures,
             extract(epoch FROM now() - "updatedAt")::float8 AS since_last
      FROM "LoginThrottle" WHERE key = ANY(${list}::text[]) ORDER BY key FOR UPDATE`;
    const row = (key: string) => rows.find((r) => r.key === key)!;
    if (row(keys.address).failures >= MAX_FAILURES)
      return `Too many failed sign-ins from this address. Wait ${WINDOW_MINUTES} minutes and try again.`;
    const account = row(keys.account);
    const delay = delayAfter(account.failures);
    const wait = delay - account.since_last;
    if (delay > 0 && wait > 0)
      return `Too many failed sign-ins for this account. Try again in ${Math.ceil(wait)} second${Math.ceil(wait) === 1 ? '' : 's'}.`;
    await tx.$executeRaw`
      UPDATE "LoginThrottle" SET
        failures = CASE WHEN "windowStart" <= now() - make_interval(mins => ${WINDOW_MINUTES}) THEN 1 ELSE failures + 1 END,
        "windowStart" = CASE WHEN "windowStart" <= now() - make_interval(mins => ${WINDOW_MINUTES}) THEN now() ELSE "windowStart" END,
        "updatedAt" = now()
      WHERE key = ANY(${list}::text[])`;
    return null;
  });
}

/** The attempt succeeded (or could not be judged): it was not a failure after all. */
async function release(keys: { account: string; address: string }, { success }: { success: boolean }): Promise<void> {
  if (success) await db().loginThrottle.deleteMany({ where: { key: keys.account } });
  await db()
    .$executeRaw`UPDATE "LoginThrottle" SET failures = greatest(failures - 1, 0) WHERE key = ANY(${success ? [keys.address] : [keys.account, keys.address]}::text[])`;
}

/**
 * Signs in with e-mail and password. Failures give one generic message; see `reserve` for how
 * attempts are limited. Returns the response headers (the session cookie) for callers outside Next.js.
 */
export async function signIn(email: string, password: string, ctx: Required<RequestContext>): Promise<Headers> {
  const keys = keysFor(email, ctx.headers);
  const refused = await reserve(keys);
  if (refused) throw new AppError('RATE_LIMITED', refused);
  let headers: Headers;
  try {
    ({ headers } = await auth().api.signInEmail({
      body: { email, password, rememberMe: true },
      headers: ctx.headers,
      returnHeaders: true,
    }));
  } catch (error) {
    const status = (error as { statusCode?: number; status?: number | string })?.statusCode;
    if (status && status >= 500) {
      await release(keys, { success: false });
      throw error;
    }
    throw new AppError('UNAUTHENTICATED', GENERIC);
  }
  await release(keys, { success: true });
  return headers;
}

/** Ends the session on the server (the row is deleted), not only in the browser. */
export async function signOut(ctx: Required<RequestContext>): Promise<void> {
  await auth().api.signOut({ headers: ctx.headers });
}
