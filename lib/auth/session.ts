// Who is asking. Every data-access function that writes, or reads what is not public, calls
// requireRole itself: the page, the proxy and the action are never the only check.
import 'server-only';
import { cache } from 'react';
import { AppError } from '../errors';
import { auth } from './auth';
import { hasRole, isRole, type Role } from './roles';

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Optional request context: tests and route handlers pass headers; actions and pages use the request's own. */
export interface RequestContext {
  headers?: Headers;
}

async function requestHeaders(ctx?: RequestContext): Promise<Headers> {
  if (ctx?.headers) return ctx.headers;
  try {
    const { headers } = await import('next/headers');
    return new Headers(await headers());
  } catch {
    // Outside a request (a script, a test without headers): nobody is signed in. Fail closed.
    return new Headers();
  }
}

/** The token of the session making this request, or null (to end every other session of a user). */
export async function currentSessionToken(ctx?: RequestContext): Promise<string | null> {
  return (await auth().api.getSession({ headers: await requestHeaders(ctx) }))?.session.token ?? null;
}

/** The signed-in user, or null. A banned user or an unknown role counts as signed out. */
export async function currentActor(ctx?: RequestContext): Promise<Actor | null> {
  return ctx?.headers ? actorFor(ctx.headers) : actorOfThisRequest();
}

// While rendering, every data-access call on a page asks who is signing in; one session lookup
// per request serves them all (React's cache is per request, and inactive outside rendering).
const actorOfThisRequest = cache(async () => actorFor(await requestHeaders()));

async function actorFor(headers: Headers): Promise<Actor | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  if ((user as { banned?: boolean | null }).banned) return null;
  const role = (user as { role?: string | null }).role;
  if (!isRole(role)) return null;
  return { id: user.id, email: user.email, name: user.name, role };
}

export async function requireRole(needed: Role, ctx?: RequestContext): Promise<Actor> {
  const actor = await currentActor(ctx);
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Please sign in first.');
  if (!hasRole(actor.role, needed)) {
    throw new AppError('FORBIDDEN', `Your account (${actor.role}) may not do this; it needs the ${needed} role.`);
  }
  return actor;
}
