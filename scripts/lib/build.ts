// Builds the app when there is no build, or when anything that goes into it changed since.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, ROOT, run } from './run';

const INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'prisma/schema.prisma',
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
  'proxy.ts',
];
const STAMP = path.join(ROOT, '.next', 'whipcount-build-inputs');

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full).flatMap((name) => files(path.join(entry, name)));
}

export function buildInputsHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

export function buildIsCurrent(): boolean {
  return (
    existsSync(path.join(ROOT, '.next', 'BUILD_ID')) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === buildInputsHash()
  );
}

/** Returns true when it built. */
export async function ensureBuild(log: (line: string) => void): Promise<boolean> {
  if (buildIsCurrent()) return false;
  log('build: the app has no current build; running `next build` (about a minute)');
  const inputs = buildInputsHash();
  await run(bin('next'), ['build'], { quiet: true, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  writeFileSync(STAMP, inputs);
  return true;
}
