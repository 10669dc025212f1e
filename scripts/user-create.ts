// `npm run user:create -- --email jo@example.org --role editor [--name "Jo Bloggs"]`
// Adds an account from the command line. The password comes from USER_PASSWORD, or is generated
// and printed once. Runs against DATABASE_URL, or the embedded database of `npm start` (which must
// not be running at the same time unless DATABASE_URL is set).
import { parseArgs } from 'node:util';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from './lib/embedded-postgres';
import { ROOT } from './lib/run';

const { values } = parseArgs({ options: { email: { type: 'string' }, role: { type: 'string', default: 'editor' }, name: { type: 'string' } } });
if (!values.email) {
  console.error('usage: npm run user:create -- --email ADDRESS [--role viewer|editor|admin] [--name NAME]');
  process.exit(2);
}

let stop = async () => {};
if (!process.env.DATABASE_URL) {
  const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(ROOT, process.env.WHIPCOUNT_DATA_DIR ?? '.data'), port: Number(process.env.WHIPCOUNT_DB_PORT ?? 54329) });
  process.env.DATABASE_URL = embedded.urlFor('whipcount');
  stop = embedded.stop;
}
try {
  const { ensureAuthSecret } = await import('../lib/setup');
  process.env.BETTER_AUTH_SECRET = await ensureAuthSecret();
  const { newUserSchema } = await import('../lib/users');
  const { auth } = await import('../lib/auth/auth');
  const generated = process.env.USER_PASSWORD ? undefined : randomBytes(15).toString('base64url');
  const parsed = newUserSchema.safeParse({ name: values.name ?? values.email, email: values.email, role: values.role, password: process.env.USER_PASSWORD ?? generated });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('\n'));
    process.exitCode = 1;
  } else {
    await auth().api.createUser({ body: { ...parsed.data, role: parsed.data.role as 'admin' } });
    console.log(`created ${parsed.data.email} (${parsed.data.role})${generated ? `; password: ${generated}` : ''}`);
  }
} catch (error) {
  console.error(`could not create the user: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await stop();
}
