// better-auth, configured for Whipcount: e-mail and password only, no public sign-up (admins
// create accounts), argon2id hashes, sessions in PostgreSQL. See docs/decisions/005.
import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { admin } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access';
import { db } from '../db';

// argon2id with OWASP's current minimum: 19 MiB memory, 2 iterations, 1 lane.
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const ac = createAccessControl({ ...defaultStatements });
const roles = {
  admin: ac.newRole({ ...adminAc.statements }),
  editor: ac.newRole({ user: [], session: [] }),
  viewer: ac.newRole({ user: [], session: [] }),
};

function createAuth() {
  return betterAuth({
    database: prismaAdapter(db(), { provider: 'postgresql' }),
    secret: process.env.BETTER_AUTH_SECRET,
    baseURL: process.env.BETTER_AUTH_URL,
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: {
        hash: (password) => hash(password, ARGON2_OPTIONS),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    plugins: [admin({ ac, roles, defaultRole: 'viewer', adminRoles: ['admin'] }), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { whipcountAuth?: Auth };

/** The auth instance, created on first use (after DATABASE_URL and the secret are set). */
export function auth(): Auth {
  holder.whipcountAuth ??= createAuth();
  return holder.whipcountAuth;
}
