// Accounts: listed and managed by admins; the first admin is made at start-up.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from './audit';
import { auth } from './auth/auth';
import { ROLES, type Role } from './auth/roles';
import { type Actor, currentSessionToken, requireRole, type RequestContext } from './auth/session';
import { db } from './db';
import { AppError } from './errors';
import { fieldErrorsOf, type FieldErrors } from './admin/fields';

export const newUserSchema = z.object({
  name: z.string().trim().min(1, 'Give a name.').max(200),
  email: z
    .email('Enter an e-mail address.')
    .max(320)
    .transform((e) => e.toLowerCase()),
  role: z.enum(ROLES, { message: 'Choose a role.' }),
  // Never truncated: 8 to 128 characters, taken as typed.
  password: z.string().min(8, 'At least 8 characters.').max(128, 'At most 128 characters.'),
});

export async function listUsers(ctx?: RequestContext) {
  await requireRole('admin', ctx);
  return db().user.findMany({
    orderBy: { email: 'asc' },
    select: { id: true, name: true, email: true, role: true, banned: true, createdAt: true },
  });
}

/** Creates an account (admins only). better-auth hashes the password (argon2id). */
export async function createUser(
  input: Record<string, unknown>,
  ctx?: RequestContext,
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  const actor = await requireRole('admin', ctx);
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (await db().user.findUnique({ where: { email: parsed.data.email }, select: { id: true } })) {
    return { ok: false, fieldErrors: { email: 'An account with this e-mail address already exists.' } };
  }
  const { user } = await auth().api.createUser({ body: { ...parsed.data, role: parsed.data.role } });
  await db().$transaction((tx) =>
    recordAudit(tx, actor, 'create', 'user', user.id, null, {
      email: user.email,
      name: user.name,
      role: parsed.data.role,
    }),
  );
  return { ok: true };
}

export async function setUserRole(userId: string, role: Role, ctx?: RequestContext): Promise<void> {
  const actor = await requireRole('admin', ctx);
  if (!ROLES.includes(role)) throw new AppError('INVALID', 'Unknown role.');
  if (userId === actor.id && role !== 'admin')
    throw new AppError('INVALID', 'You cannot remove your own admin role; ask another admin.');
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
    if (!before) throw new AppError('NOT_FOUND', 'No such user.');
    const after = await tx.user.update({ where: { id: userId }, data: { role }, select: { email: true, role: true } });
    await recordAudit(tx, actor, 'update', 'user', userId, before, after);
  });
}

export async function removeUser(userId: string, ctx?: RequestContext): Promise<void> {
  const actor = await requireRole('admin', ctx);
  if (userId === actor.id) throw new AppError('INVALID', 'You cannot remove your own account.');
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
    if (!before) throw new AppError('NOT_FOUND', 'No such user.');
    await tx.user.delete({ where: { id: userId } });
    await recordAudit(tx, actor, 'delete', 'user', userId, before, null);
  });
}

export const DEFAULT_ADMIN_EMAIL = 'admin@whipcount.localhost';

/**
 * At start-up, when no account exists: creates the first admin from ADMIN_EMAIL and
 * ADMIN_PASSWORD, or admin@whipcount.localhost (better-auth refuses a domain without a dot, such as
 * plain "localhost"; ".localhost" is reserved for local use) with a random password, which is returned to be printed once.
 * Runs without a request, so better-auth's permission check does not apply; never call it from
 * anything a user can reach.
 */
export async function ensureFirstAdmin(env: {
  email?: string;
  password?: string;
}): Promise<{ email: string; password?: string } | null> {
  if ((await db().user.count()) > 0) return null;
  const email = env.email?.trim() || DEFAULT_ADMIN_EMAIL;
  const generated = env.password ? undefined : randomBytes(15).toString('base64url');
  const password = env.password ?? generated!;
  const parsed = newUserSchema.safeParse({ name: 'Administrator', email, role: 'admin', password });
  if (!parsed.success)
    throw new Error(`ADMIN_EMAIL / ADMIN_PASSWORD: ${Object.values(fieldErrorsOf(parsed.error)).join(' ')}`);
  await auth().api.createUser({ body: { ...parsed.data, role: 'admin' } });
  return { email: parsed.data.email, password: generated };
}

const passwordSchema = newUserSchema.shape.password;

/** Hashes and checks passwords the way better-auth does (argon2id, lib/auth/auth.ts). */
async function passwords() {
  return (await auth().$context).password;
}

/** Sets a user's password and ends their sessions except `keep`, with an audit event (no hash in it). */
async function setPassword(userId: string, password: string, keep: string | null, actor: Actor, action: string) {
  const hash = await (await passwords()).hash(password);
  await db().$transaction(async (tx) => {
    const { count } = await tx.account.updateMany({
      where: { userId, providerId: 'credential' },
      data: { password: hash, updatedAt: new Date() },
    });
    if (count === 0) throw new AppError('NOT_FOUND', 'This account has no password to change.');
    const ended = await tx.session.deleteMany({ where: { userId, ...(keep ? { NOT: { token: keep } } : {}) } });
    await recordAudit(tx, actor, action, 'user', userId, null, { passwordChanged: true, sessionsEnded: ended.count });
  });
}

/** A signed-in user changes their own password: the current one is required; their other sessions end. */
export async function changeOwnPassword(
  input: Record<string, unknown>,
  ctx?: RequestContext,
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  const actor = await requireRole('viewer', ctx);
  const current = typeof input.currentPassword === 'string' ? input.currentPassword : '';
  const next = passwordSchema.safeParse(input.newPassword);
  if (!next.success) return { ok: false, fieldErrors: { newPassword: next.error.issues[0]!.message } };
  if (input.confirmPassword !== undefined && input.confirmPassword !== input.newPassword)
    return { ok: false, fieldErrors: { confirmPassword: 'The two new passwords differ.' } };
  const account = await db().account.findFirst({
    where: { userId: actor.id, providerId: 'credential' },
    select: { password: true },
  });
  if (!account?.password || !(await (await passwords()).verify({ hash: account.password, password: current }))) {
    return { ok: false, fieldErrors: { currentPassword: 'This is not your current password.' } };
  }
  await setPassword(actor.id, next.data, await currentSessionToken(ctx), actor, 'change-password');
  return { ok: true };
}

/** An admin sets another user's password and ends all their sessions. */
export async function resetUserPassword(
  userId: string,
  password: unknown,
  ctx?: RequestContext,
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  const actor = await requireRole('admin', ctx);
  const next = passwordSchema.safeParse(password);
  if (!next.success) return { ok: false, fieldErrors: { password: next.error.issues[0]!.message } };
  if (!(await db().user.findUnique({ where: { id: userId }, select: { id: true } })))
    throw new AppError('NOT_FOUND', 'No such user.');
  await setPassword(
    userId,
    next.data,
    userId === actor.id ? await currentSessionToken(ctx) : null,
    actor,
    'reset-password',
  );
  return { ok: true };
}

/** From the command line (no request, no session): sets a password by e-mail address and ends every session. */
export async function resetPasswordFromCli(email: string, password: string): Promise<void> {
  const next = passwordSchema.safeParse(password);
  if (!next.success) throw new Error(`password: ${next.error.issues[0]!.message}`);
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw new Error(`no account with the e-mail address ${email}`);
  await setPassword(
    user.id,
    next.data,
    null,
    { id: 'cli', email: 'command line', name: 'command line', role: 'admin' },
    'reset-password',
  );
}
