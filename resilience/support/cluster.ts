// The system under test: one embedded PostgreSQL (a data directory and port of its own) and two
// `next start` servers on it, prepared exactly as `npm start` prepares the app. The database can
// be stopped and started again, and each app server killed and restarted, while the suite runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ensureBuild } from '../../scripts/lib/build';
import { isPortTaken, startEmbeddedPostgres, type EmbeddedDatabase } from '../../scripts/lib/embedded-postgres';
import { ensureDatabase, prepareDatabase } from '../../scripts/lib/prepare';
import { ROOT, serveCommand } from '../../scripts/lib/run';

export const DATA_DIR = path.join(ROOT, '.data', 'resilience');
export const DB_PORT = 54369;
export const APP_PORTS = [3210, 3211] as const;

const say = (line: string) => console.log(`[resilience] ${line}`);

// However the suite ends (an uncaught error included), no app server outlives it.
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

export class AppServer {
  process: ChildProcess | null = null;
  readonly url: string;
  readonly name: string;

  constructor(
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.url = `http://localhost:${port}`;
    this.name = `app :${port}`;
  }

  async start(): Promise<void> {
    const [command, args] = serveCommand(this.port);
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...this.env, BETTER_AUTH_URL: this.url, NEXT_TELEMETRY_DISABLED: '1' },
    });
    // The app's error log, kept for the report: unexpected errors must be logged with detail.
    child.stderr.on('data', (chunk: Buffer) => {
      if (process.env.RESILIENCE_VERBOSE) process.stderr.write(`[${this.name}] ${chunk}`);
    });
    this.process = child;
    children.add(child);
    child.once('exit', () => children.delete(child));
    await waitFor(
      `${this.name} to answer`,
      async () => (await fetch(`${this.url}/api/health`).catch(() => null))?.ok === true,
      60_000,
    );
  }

  /** SIGKILL: no shutdown hooks, no chance to finish what it was doing. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.process = null;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    this.process = null;
  }
}

export interface Cluster {
  databaseUrl: string;
  servers: [AppServer, AppServer];
  admin: { email: string; password: string };
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  stop(): Promise<void>;
}

export async function waitFor(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
}

/** Where and how: the resilience suite's defaults, or the deployment test's own. */
export interface ClusterOptions {
  dataDir?: string;
  dbPort?: number;
  appPorts?: readonly [number, number];
  env?: Record<string, string>;
}

export async function startCluster({
  dataDir = DATA_DIR,
  dbPort = DB_PORT,
  appPorts = APP_PORTS,
  env: extra = {},
}: ClusterOptions = {}): Promise<Cluster> {
  for (const port of appPorts) {
    if (await isPortTaken(port, '0.0.0.0')) throw new Error(`Port ${port} is in use (another run?). Stop it first.`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  let database: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir, port: dbPort });
  await ensureDatabase(database.serverUrl, 'whipcount');
  const databaseUrl = database.urlFor('whipcount');
  const admin = { email: 'admin@example.org', password: randomBytes(18).toString('base64url') };
  process.env.ADMIN_EMAIL = admin.email;
  process.env.ADMIN_PASSWORD = admin.password;
  await prepareDatabase(databaseUrl, { say, port: appPorts[0] });
  if (await ensureBuild(say)) say('build: done');
  const env = { ...process.env, ...extra, DATABASE_URL: databaseUrl };
  const servers: [AppServer, AppServer] = [new AppServer(appPorts[0], env), new AppServer(appPorts[1], env)];
  await Promise.all(servers.map((s) => s.start()));
  say(`two app servers on ${servers.map((s) => s.url).join(' and ')}, one database on 127.0.0.1:${dbPort}`);
  return {
    databaseUrl,
    servers,
    admin,
    async stopDatabase() {
      await database.stop();
    },
    async startDatabase() {
      database = await startEmbeddedPostgres({ dataDir, port: dbPort });
    },
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await database.stop().catch(() => {});
    },
  };
}
