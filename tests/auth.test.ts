// Sign-in, sessions, password hashing and account management, with real better-auth.
import pg from 'pg';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { currentActor } from '../lib/auth/session';
import { auth } from '../lib/auth/auth';
import { addressKey, clientAddress, trustedProxies } from '../lib/auth/client-address';
import { delayAfter, MAX_FAILURES, signIn, signOut } from '../lib/auth/login';
import {
  createUser as adminCreateUser,
  changeOwnPassword,
  DEFAULT_ADMIN_EMAIL,
  ensureFirstAdmin,
  listUsers,
  removeUser,
  resetUserPassword,
  setUserRole,
} from '../lib/users';
import { createUser, sessionFor, signedInAs } from './support/auth';
import { bin, run } from '../scripts/lib/run';
import { hasSignedSession } from '../scripts/lib/session-cookie';
import { useDatabase } from './support/database';

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: await useDatabase({ seeded: true }) });
  await client.connect();
  return () => client.end();
});

const attempt = (email: string, password: string, ip: string) =>
  signIn(email, password, { headers: new Headers({ 'x-forwarded-for': ip }) });

describe('the first admin', () => {
  it('is created once, from the environment or with a random password', async () => {
    const made = await ensureFirstAdmin({});
    expect(made?.email).toBe(DEFAULT_ADMIN_EMAIL);
    expect(made?.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await ensureFirstAdmin({ email: 'other@example.org', password: 'another-password' })).toBeNull();
    const headers = await sessionFor(DEFAULT_ADMIN_EMAIL, made!.password!);
    expect(await currentActor({ headers })).toMatchObject({ email: DEFAULT_ADMIN_EMAIL, role: 'admin' });
  });
});

describe('passwords', () => {
  it('are stored as argon2id with OWASP’s parameters', async () => {
    const { email } = await createUser('viewer');
    const { rows } = await client.query(
      `SELECT a.password FROM "account" a JOIN "user" u ON u.id = a."userId" WHERE u.email = $1`,
      [email],
    );
    expect(rows[0].password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('are 8 to 128 characters and never truncated', async () => {
    const admin = await signedInAs('admin');
    const base = { name: 'P', role: 'viewer' };
    expect(
      await adminCreateUser(
        { ...base, email: 'short@example.org', password: 'x'.repeat(7) },
        { headers: admin.headers },
      ),
    ).toMatchObject({ ok: false, fieldErrors: { password: 'At least 8 characters.' } });
    expect(
      await adminCreateUser(
        { ...base, email: 'long@example.org', password: 'x'.repeat(129) },
        { headers: admin.headers },
      ),
    ).toMatchObject({ ok: false, fieldErrors: { password: 'At most 128 characters.' } });
    const longest = `${'y'.repeat(127)}z`;
    expect(
      await adminCreateUser({ ...base, email: 'max@example.org', password: longest }, { headers: admin.headers }),
    ).toEqual({ ok: true });
    await expect(attempt('max@example.org', `${'y'.repeat(127)}q`, '198.51.100.1')).rejects.toThrow(
      'The e-mail address or password is not right.',
    );
    await expect(attempt('max@example.org', longest, '198.51.100.1')).resolves.toBeInstanceOf(Headers);
  });
});

describe('signing in', () => {
  it('gives one generic message for a wrong password and for an unknown account', async () => {
    const { email } = await createUser('editor');
    await expect(attempt(email, 'wrong-password', '198.51.100.2')).rejects.toThrow(
      'The e-mail address or password is not right.',
    );
    await expect(attempt('nobody@example.org', 'wrong-password', '198.51.100.2')).rejects.toThrow(
      'The e-mail address or password is not right.',
    );
  });

  it(`never locks an account: after ${MAX_FAILURES} failures from anywhere it waits an increasing delay, and its owner still signs in`, async () => {
    const { email, password } = await createUser('editor');
    for (let i = 0; i < MAX_FAILURES; i++)
      await expect(attempt(email, 'wrong-password', `192.0.2.${i}`)).rejects.toThrow('not right');
    // Straight after a stranger's fifth failure, even the right password waits a second…
    await expect(attempt(email, password, '192.0.2.99')).rejects.toThrow(
      'Too many failed sign-ins for this account. Try again in 1 second.',
    );
    const { rows } = await client.query(`SELECT failures FROM "LoginThrottle" WHERE key = $1`, [`email:${email}`]);
    expect(rows[0].failures).toBe(MAX_FAILURES); // the refused attempt was never verified nor counted
    // …then the owner is in.
    await new Promise((r) => setTimeout(r, 1100));
    await expect(attempt(email, password, '192.0.2.99')).resolves.toBeInstanceOf(Headers);
    expect([4, 5, 6, 7, 11, 20].map(delayAfter)).toEqual([0, 1, 2, 4, 60, 60]);
  });

  it('lets at most five of twenty parallel wrong guesses be verified', async () => {
    const { email } = await createUser('editor');
    const verify = vi.spyOn(auth().api, 'signInEmail');
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => attempt(email, `guess-${i}`, `192.0.2.${100 + i}`)),
      );
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
      expect(verify.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES);
    } finally {
      verify.mockRestore();
    }
  });

  it(`locks an address after ${MAX_FAILURES} failures, whatever the account`, async () => {
    const { email, password } = await createUser('editor');
    for (let i = 0; i < MAX_FAILURES; i++)
      await expect(attempt(`guess${i}@example.org`, 'wrong-password', '203.0.113.50')).rejects.toThrow('not right');
    await expect(attempt(email, password, '203.0.113.50')).rejects.toThrow(/Too many failed sign-ins/);
    await expect(attempt(email, password, '203.0.113.51')).resolves.toBeInstanceOf(Headers);
  });

  it('starts counting again once the window has passed', async () => {
    const { email, password } = await createUser('editor');
    for (let i = 0; i < MAX_FAILURES; i++) await expect(attempt(email, 'wrong', `198.18.0.${i}`)).rejects.toThrow();
    await client.query(`UPDATE "LoginThrottle" SET "windowStart" = now() - interval '16 minutes' WHERE key = $1`, [
      `email:${email}`,
    ]);
    await expect(attempt(email, password, '198.18.1.1')).resolves.toBeInstanceOf(Headers);
  });

  it('sets HttpOnly, SameSite=Lax session cookies, Secure (and __Secure-) when the app is served over https', async () => {
    const { email, password } = await createUser('viewer');
    const plain = (await attempt(email, password, '198.18.2.1'))
      .getSetCookie()
      .find((c) => c.includes('session_token'))!;
    expect(plain).toMatch(/HttpOnly/i);
    expect(plain).toMatch(/SameSite=Lax/i);
    expect(plain).not.toMatch(/;\s*Secure/i);
    const holder = globalThis as { whipcountAuth?: unknown };
    const url = process.env.BETTER_AUTH_URL;
    process.env.BETTER_AUTH_URL = 'https://whipcount.example.org';
    delete holder.whipcountAuth;
    try {
      const secure = (await attempt(email, password, '198.18.2.1'))
        .getSetCookie()
        .find((c) => c.includes('session_token'))!;
      expect(secure).toMatch(/^__Secure-better-auth\.session_token=/);
      expect(secure).toMatch(/;\s*Secure/i);
      expect(secure).toMatch(/HttpOnly/i);
      expect(secure).toMatch(/SameSite=Lax/i);
    } finally {
      process.env.BETTER_AUTH_URL = url;
      delete holder.whipcountAuth;
    }
  });

  it('signs session cookies so that the app server can tell a real one from any other (issue 23 §10)', async () => {
    const { email, password } = await createUser('viewer');
    const cookie = (await sessionFor(email, password)).get('cookie')!;
    expect(cookie).toMatch(/better-auth\.session_token=/);
    expect(hasSignedSession(cookie)).toBe(true);
    expect(hasSignedSession(cookie, "not this site's secret")).toBe(false);
    expect(hasSignedSession(cookie.replace(/session_token=[^.;]+/, 'session_token=someone-else'))).toBe(false);
  });

  it('ends the session on the server when signing out', async () => {
    const { email, password } = await createUser('viewer');
    const headers = await sessionFor(email, password);
    expect(await currentActor({ headers })).not.toBeNull();
    const sessions = async () =>
      (
        await client.query(
          `SELECT count(*)::int AS n FROM "session" s JOIN "user" u ON u.id = s."userId" WHERE u.email = $1`,
          [email],
        )
      ).rows[0].n;
    expect(await sessions()).toBe(1);
    await signOut({ headers });
    expect(await sessions()).toBe(0);
    expect(await currentActor({ headers })).toBeNull();
  });
});

describe('npm run user:create', () => {
  it('adds an account from the command line, refusing a bad role', async () => {
    const cli = (args: string[]) =>
      run(bin('tsx'), ['--conditions=react-server', 'scripts/user-create.ts', ...args], {
        quiet: true,
        env: { ...process.env, USER_PASSWORD: 'from-the-command-line' },
      });
    expect(await cli(['--email', 'cli@example.org', '--role', 'editor', '--name', 'Cli'])).toMatch(
      /created cli@example.org \(editor\)/,
    );
    expect(await currentActor({ headers: await sessionFor('cli@example.org', 'from-the-command-line') })).toMatchObject(
      { role: 'editor' },
    );
    await expect(cli(['--email', 'bad@example.org', '--role', 'overlord'])).rejects.toThrow(/role: Choose a role/);
  });
});

describe('managing users', () => {
  it('is for admins only', async () => {
    const editor = await signedInAs('editor');
    await expect(listUsers({ headers: editor.headers })).rejects.toThrow(/needs the admin role/);
    await expect(
      adminCreateUser(
        { name: 'x', email: 'x@example.org', role: 'admin', password: 'long-enough' },
        { headers: editor.headers },
      ),
    ).rejects.toThrow(/needs the admin role/);
    expect(await client.query(`SELECT 1 FROM "user" WHERE email = 'x@example.org'`)).toMatchObject({ rowCount: 0 });
  });

  it('changes roles and removes accounts, with an audit event each', async () => {
    const admin = await signedInAs('admin');
    const target = await signedInAs('viewer');
    const id = (await client.query(`SELECT id FROM "user" WHERE email = $1`, [target.email])).rows[0].id;
    await setUserRole(id, 'editor', { headers: admin.headers });
    expect(await currentActor({ headers: target.headers })).toMatchObject({ role: 'editor' });
    await removeUser(id, { headers: admin.headers });
    expect(await currentActor({ headers: target.headers })).toBeNull();
    const { rows } = await client.query(
      `SELECT action FROM "AuditEvent" WHERE entity = 'user' AND "entityId" = $1 ORDER BY id`,
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(['update', 'delete']);
  });
});

describe('the client address behind reverse proxies', () => {
  const chain = (xff: string) => new Headers({ 'x-forwarded-for': xff });
  it('is the address this server saw unless proxies are trusted, then the first untrusted one', () => {
    // scripts/serve.ts appends the socket address: a client can prepend anything, never the last entry.
    expect(clientAddress(chain('6.6.6.6, 203.0.113.9'), trustedProxies(''))).toBe('203.0.113.9');
    expect(clientAddress(chain('6.6.6.6, 198.51.100.4, 10.0.0.2'), trustedProxies('1'))).toBe('198.51.100.4');
    expect(clientAddress(chain('6.6.6.6, 198.51.100.4, 10.0.0.2'), trustedProxies('10.0.0.0/8, 127.0.0.1'))).toBe(
      '198.51.100.4',
    );
    expect(
      clientAddress(chain('198.51.100.4, 10.0.0.7, ::ffff:127.0.0.1'), trustedProxies('10.0.0.0/8, 127.0.0.1')),
    ).toBe('198.51.100.4');
    expect(() => trustedProxies('not-an-address')).toThrow(/WHIPCOUNT_TRUSTED_PROXIES/);
  });
  it('keys IPv6 clients by their /64', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  });
  it('counts failures from one /64 together, as one subscriber', async () => {
    const { email, password } = await createUser('editor');
    for (let i = 0; i < MAX_FAILURES; i++)
      await expect(attempt(`x${i}@example.org`, 'wrong', `2001:db8:5:6::${i + 1}`)).rejects.toThrow('not right');
    await expect(attempt(email, password, '2001:db8:5:6:ffff::9')).rejects.toThrow(
      'Too many failed sign-ins from this address',
    );
    await expect(attempt(email, password, '2001:db8:5:7::1')).resolves.toBeInstanceOf(Headers);
  });
});

describe('passwords change', () => {
  it('a user changes their own, giving the current one; their other sessions end, this one stays', async () => {
    const { email, password } = await createUser('viewer');
    const here = await sessionFor(email, password, '198.18.9.1');
    const elsewhere = await sessionFor(email, password, '198.18.9.2');
    expect(
      await changeOwnPassword({ currentPassword: 'not-it', newPassword: 'a-new-password' }, { headers: here }),
    ).toEqual({ ok: false, fieldErrors: { currentPassword: 'This is not your current password.' } });
    expect(
      await changeOwnPassword({ currentPassword: password, newPassword: 'short' }, { headers: here }),
    ).toMatchObject({ ok: false, fieldErrors: { newPassword: 'At least 8 characters.' } });
    expect(
      await changeOwnPassword(
        { currentPassword: password, newPassword: 'a-new-password', confirmPassword: 'a-new-password' },
        { headers: here },
      ),
    ).toEqual({ ok: true });
    expect(await currentActor({ headers: here })).not.toBeNull();
    expect(await currentActor({ headers: elsewhere })).toBeNull();
    await expect(attempt(email, password, '198.18.9.3')).rejects.toThrow('not right');
    await expect(attempt(email, 'a-new-password', '198.18.9.3')).resolves.toBeInstanceOf(Headers);
    const { rows } = await client.query(
      `SELECT action, after FROM "AuditEvent" WHERE entity = 'user' AND action = 'change-password' ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.stringify(rows[0].after)).not.toMatch(/argon|password"\s*:\s*"/); // no hash in the log
  });

  it('an admin sets another user’s password and ends all their sessions; no one else may', async () => {
    const admin = await signedInAs('admin');
    const editor = await signedInAs('editor');
    const target = await signedInAs('viewer');
    const id = (await client.query(`SELECT id FROM "user" WHERE email = $1`, [target.email])).rows[0].id;
    await expect(resetUserPassword(id, 'set-by-an-editor', { headers: editor.headers })).rejects.toThrow(
      /needs the admin role/,
    );
    expect(await resetUserPassword(id, 'set-by-the-admin', { headers: admin.headers })).toEqual({ ok: true });
    expect(await currentActor({ headers: target.headers })).toBeNull();
    await expect(attempt(target.email, 'set-by-the-admin', '198.18.9.4')).resolves.toBeInstanceOf(Headers);
  });

  it('npm run user:reset-password sets one from the command line and ends every session', async () => {
    const target = await signedInAs('editor');
    const cli = (args: string[], password?: string) =>
      run(bin('tsx'), ['--conditions=react-server', 'scripts/user-reset-password.ts', ...args], {
        quiet: true,
        env: { ...process.env, ...(password ? { USER_PASSWORD: password } : {}) },
      });
    expect(await cli(['--email', target.email], 'from-the-cli-123')).toMatch(
      /password of .* set; every session of it ended$/m,
    );
    expect(await currentActor({ headers: target.headers })).toBeNull();
    await expect(attempt(target.email, 'from-the-cli-123', '198.18.9.5')).resolves.toBeInstanceOf(Headers);
    const printed = await cli(['--email', target.email]);
    const generated = /shown once\): (\S+)/.exec(printed)![1]!;
    await expect(attempt(target.email, generated, '198.18.9.6')).resolves.toBeInstanceOf(Headers);
    await expect(cli(['--email', 'nobody-here@example.org'], 'whatever-long')).rejects.toThrow(
      /no account with the e-mail address/,
    );
  });
});
