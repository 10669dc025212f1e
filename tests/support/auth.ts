// Real accounts and real sessions for tests: users made through better-auth, signed in through
// the app's own sign-in (so the session cookie is the one a browser would hold).
import { randomBytes } from 'node:crypto';
import { auth } from '../../lib/auth/auth';
import { signIn } from '../../lib/auth/login';
import type { Role } from '../../lib/auth/roles';

export interface TestUser {
  email: string;
  password: string;
  headers: Headers;
}

let counter = 0;

export async function createUser(
  role: Role,
  password = randomBytes(12).toString('base64url'),
): Promise<{ email: string; password: string }> {
  const email = `${role}-${Date.now()}-${counter++}@example.org`;
  await auth().api.createUser({ body: { email, password, name: `Test ${role}`, role: role } });
  return { email, password };
}

/** Request headers carrying a session cookie, as a browser would send them. */
export async function sessionFor(email: string, password: string, ip = '203.0.113.7'): Promise<Headers> {
  const response = await signIn(email, password, { headers: new Headers({ 'x-forwarded-for': ip }) });
  const cookies = response
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return new Headers({ cookie: cookies, 'x-forwarded-for': ip });
}

export async function signedInAs(role: Role): Promise<TestUser> {
  const user = await createUser(role);
  return { ...user, headers: await sessionFor(user.email, user.password) };
}
