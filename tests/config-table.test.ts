// The configuration tables in the README name every environment variable the code reads, and
// nothing the code no longer reads.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CODE = ['app', 'components', 'lib', 'scripts', 'seeds', 'bench', 'deploy', 'resilience', 'e2e'];
const FILES = ['proxy.ts', 'instrumentation.ts', 'next.config.js', 'prisma.config.ts', 'playwright.config.ts'];
/** Set by Next.js itself (NODE_ENV: production, or development under `npm run dev`), not by anyone running Whipcount. */
const NOT_OURS = new Set(['NEXT_RUNTIME', 'NODE_ENV']);

function codeFiles(): string[] {
  const files = CODE.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !f.startsWith('generated'))
      .map((f) => path.join(dir, f)),
  );
  return [...files, ...FILES];
}

describe('the README configuration tables', () => {
  it('name every environment variable the code reads', () => {
    const read = new Set<string>();
    for (const file of codeFiles()) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /process\.env(?:\.([A-Z_][A-Z0-9_]*)|\[['"]([A-Z_][A-Z0-9_]*)['"]\])/g,
      )) {
        const name = m[1] ?? m[2]!;
        if (!NOT_OURS.has(name)) read.add(name);
      }
    }
    const readme = readFileSync('README.md', 'utf8');
    const tables = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
    );
    const documented = new Set(
      tables
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z_][A-Z0-9_]*)`/g)].map((m) => m[1]!)),
    );
    expect([...read].filter((v) => !documented.has(v)).sort(), 'read by the code, not in the README').toEqual([]);
    expect([...documented].filter((v) => !read.has(v)).sort(), 'in the README, read by nothing').toEqual([]);
  });
});
