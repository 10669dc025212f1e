// Accounts: listed and managed by admins; the first admin is made at start-up.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from './audit';
import { auth } from './auth/auth';
import { ROLES, type Role } from './auth/roles';
import { requireRole, type RequestContext } from './auth/session';
import { db } from './db';
import { AppError } from './errors';
import { fieldErrorsOf, type FieldErrors } from './admin/fields';

export const newUserSchema = z.object({
  name: z.string().trim().min(1, 'Give a name.').max(200),
  email: z.email('Enter an e-mail address.').max(320).transform((e) => e.toLowerCase()),
  role: z.enum(ROLES, { message: 'Choose a role.' }),
  // Never truncated: 8 to 128 characters, taken as typed.
  password: z.string().min(8, 'At least 8 characters.').max(128, 'At most 128 characters.'),
});

export async function listUsers(ctx?: RequestContext) {
  await requireRole('admin', ctx);
  return db().user.findMany({ orderBy: { email: 'asc' }, select: { id: true, name: true, email: true, role: true, banned: true, createdAt: true } });
}

/** Creates an account (admins only). better-auth hashes the password (argon2id). */
export async function createUser(input: Record<string, unknown>, ctx?: RequestContext): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  const actor = await requireRole('admin', ctx);
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  if (await db().user.findUnique({ where: { email: parsed.data.email }, select: { id: true } })) {
    return { ok: false, fieldErrors: { email: 'An account with this e-mail address already exists.' } };
  }
  const { user } = await auth().api.createUser({ body: { ...parsed.data, role: parsed.data.role as 'admin' } });
  await db().$transaction((tx) => recordAudit(tx, actor, 'create', 'user', user.id, null, { email: user.email, name: user.name, role: parsed.data.role }));
  return { ok: true };
}

export async function setUserRole(userId: string, role: Role, ctx?: RequestContext): Promise<void> {
  const actor = await requireRole('admin', ctx);
  if (!ROLES.includes(role)) throw new AppError('INVALID', 'Unknown role.');
  if (userId === actor.id && role !== 'admin') throw new AppError('INVALID', 'You cannot remove your own admin role; ask another admin.');
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
export async function ensureFirstAdmin(env: { email?: string; password?: string }): Promise<{ email: string; password?: string } | null> {
  if ((await db().user.count()) > 0) return null;
  const email = env.email?.trim() || DEFAULT_ADMIN_EMAIL;
  const generated = env.password ? undefined : randomBytes(15).toString('base64url');
  const password = env.password ?? generated!;
  const parsed = newUserSchema.safeParse({ name: 'Administrator', email, role: 'admin', password });
  if (!parsed.success) throw new Error(`ADMIN_EMAIL / ADMIN_PASSWORD: ${Object.values(fieldErrorsOf(parsed.error)).join(' ')}`);
  await auth().api.createUser({ body: { ...parsed.data, role: 'admin' } });
  return { email: parsed.data.email, password: generated };
}
