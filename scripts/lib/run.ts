// Runs a project tool (prisma, next) as a child process, its output passed through.
import { spawn, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export function bin(name: string): string {
  return path.join(ROOT, 'node_modules', '.bin', name);
}

export function run(
  command: string,
  args: string[],
  options: SpawnOptions & { quiet?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (!options.quiet) process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}\n${output.trim()}`)),
    );
  });
}

/** Applies the committed migrations to the database at `url` with the real Prisma CLI. */
export function migrateDeploy(url: string): Promise<string> {
  return run(bin('prisma'), ['migrate', 'deploy'], { env: { ...process.env, DATABASE_URL: url }, quiet: true });
}

/**
 * The command that serves the built app on `port` (scripts/serve.ts): one Node process, so that
 * a signal sent to it reaches the server itself.
 */
export function serveCommand(port: number): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts'), '--port', String(port)]];
}
