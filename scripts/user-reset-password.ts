// `npm run user:reset-password -- --email jo@example.org`
// Sets an account's password from the command line and ends all its sessions: for an admin who is
// locked out, or a lost first-admin password. The password comes from USER_PASSWORD (nothing is
// printed), or is generated and printed once. Runs against DATABASE_URL, or the embedded database
// of `npm start` (stop it first unless DATABASE_URL is set).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { withDatabase } from './lib/cli-database';

const { values } = parseArgs({ options: { email: { type: 'string' } } });
if (!values.email) {
  console.error(
    'usage: npm run user:reset-password -- --email ADDRESS   (password from USER_PASSWORD, else generated and printed once)',
  );
  process.exit(2);
}

try {
  await withDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    const { ensureAuthSecret } = await import('../lib/setup');
    process.env.BETTER_AUTH_SECRET = await ensureAuthSecret();
    process.env.BETTER_AUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
    const { resetPasswordFromCli } = await import('../lib/users');
    const generated = process.env.USER_PASSWORD ? undefined : randomBytes(15).toString('base64url');
    await resetPasswordFromCli(values.email!, process.env.USER_PASSWORD ?? generated!);
    console.log(
      `password of ${values.email} set; every session of it ended${generated ? `; the new password (shown once): ${generated}` : ''}`,
    );
    await (await import('../lib/db')).db().$disconnect();
  });
} catch (error) {
  console.error(`could not set the password: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
