// `npm start`: database, migrations, first-run seed, build, serve — saying what it does.
//   PORT               the app's port (3000)
//   DATABASE_URL       use this PostgreSQL server; without it an embedded one is started
//   WHIPCOUNT_DATA_DIR where the embedded PostgreSQL keeps its data (.data)
//   WHIPCOUNT_DB_PORT  the embedded PostgreSQL's port (54329)
//   ADMIN_EMAIL, ADMIN_PASSWORD  the first admin, created when no account exists
//   BETTER_AUTH_SECRET, BETTER_AUTH_URL  see the README
// `--dev` serves with `next dev` instead of building.
// Run it with Node's `react-server` condition (package.json does): the seeds use the data-access
// layer, whose modules are marked `server-only` and refuse to load without it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from './lib/build';
import { isPortTaken, startEmbeddedPostgres, type EmbeddedDatabase } from './lib/embedded-postgres';
import { ensureDatabase, prepareDatabase } from './lib/prepare';
import { bin, ROOT, serveCommand } from './lib/run';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(ROOT, process.env.WHIPCOUNT_DATA_DIR ?? '.data');
const dbPort = Number(process.env.WHIPCOUNT_DB_PORT ?? 54329);
const say = (line: string) => console.log(`[whipcount] ${line}`);

let embedded: EmbeddedDatabase | null = null;
let app: ChildProcess | null = null;
let stopping = false;

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (app && app.exitCode === null) {
      say('stopping the app');
      const exited = new Promise((r) => app!.once('exit', r));
      app.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    if (embedded) {
      say('stopping the database');
      await embedded.stop().catch(() => {});
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${process.env.PORT}".`);
  if (await isPortTaken(port, '0.0.0.0')) {
    throw new Error(
      `Port ${port} is already in use, perhaps by another Whipcount. Stop it, or start on another port: PORT=3001 npm start`,
    );
  }

  let url = process.env.DATABASE_URL;
  if (url) {
    say(`database: using DATABASE_URL (${new URL(url).host})`);
  } else {
    const t = Date.now();
    embedded = await startEmbeddedPostgres({ dataDir, port: dbPort, log: say });
    await ensureDatabase(embedded.serverUrl, 'whipcount');
    url = embedded.urlFor('whipcount');
    say(
      `database: embedded PostgreSQL on 127.0.0.1:${dbPort}, data in ${path.relative(ROOT, dataDir) || dataDir} (${Date.now() - t} ms)`,
    );
  }
  await prepareDatabase(url, { say, port });

  if (!dev) {
    const t = Date.now();
    if (await ensureBuild(say)) say(`build: done (${Math.round((Date.now() - t) / 1000)} s)`);
    else say('build: current');
  }

  const [command, args] = dev ? [bin('next'), ['dev', '-p', String(port)]] : serveCommand(port);
  app = spawn(command, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: '1' },
  });
  let ready = false; // each worker says it is ready (decision 020); the reader needs it once
  app.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (/Ready in|✓ Ready/.test(text)) {
      if (!ready) say(`ready on http://localhost:${port}`);
      ready = true;
    } else if (process.env.WHIPCOUNT_VERBOSE || dev) process.stdout.write(text);
  });
  app.on('exit', (code) => {
    if (!stopping) {
      say(`the app exited (code ${code})`);
      void stop(code ?? 1);
    }
  });
}

main().catch(async (error: unknown) => {
  console.error(`[whipcount] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
});
