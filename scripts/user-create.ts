// `npm run user:create -- --email jo@example.org --role editor [--name "Jo Bloggs"]`
// Adds an account from the command line. The password comes from USER_PASSWORD, or is generated
// and printed once. Runs against DATABASE_URL, or the embedded database of `npm start` (which must
// not be running at the same time unless DATABASE_URL is set).
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { withDatabase } from './lib/cli-database';

const { values } = parseArgs({
  options: { email: { type: 'string' }, role: { type: 'string', default: 'editor' }, name: { type: 'string' } },
});
if (!values.email) {
  console.error('usage: npm run user:create -- --email ADDRESS [--role viewer|editor|admin] [--name NAME]');
  process.exit(2);
}

try {
  await withDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    await createFromArguments();
    await (await import('../lib/db')).db().$disconnect();
  });
} catch (error) {
  console.error(`could not create the user: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

async function createFromArguments() {
  const { ensureAuthSecret } = await import('../lib/setup');
  process.env.BETTER_AUTH_SECRET = await ensureAuthSecret();
  // No request is served from here; the app's own origin keeps better-auth from warning.
  process.env.BETTER_AUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  const { newUserSchema } = await import('../lib/users');
  const { auth } = await import('../lib/auth/auth');
  const generated = process.env.USER_PASSWORD ? undefined : randomBytes(15).toString('base64url');
  const parsed = newUserSchema.safeParse({
    name: values.name ?? values.email,
    email: values.email,
    role: values.role,
    password: process.env.USER_PASSWORD ?? generated,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; '));
  await auth().api.createUser({ body: { ...parsed.data, role: parsed.data.role } });
  console.log(`created ${parsed.data.email} (${parsed.data.role})${generated ? `; password: ${generated}` : ''}`);
}
