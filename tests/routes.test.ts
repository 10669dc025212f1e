// Every route handler, enumerated from the code: they only read. Writes go through server actions,
// whose access checks the resilience suite enumerates from the build. A new handler that writes
// (POST, PUT, PATCH, DELETE) fails here until it checks the session and role itself and is tested.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = path.join(import.meta.dirname, '..', 'app');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

describe('route handlers', () => {
  it('answer GET only', () => {
    const files = routeFiles(APP);
    expect(files.length).toBeGreaterThanOrEqual(7);
    const methods = Object.fromEntries(
      files.map((file) => {
        const source = readFileSync(file, 'utf8');
        const exported = [
          ...source.matchAll(
            /export\s+(?:async\s+)?(?:function|const|let)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g,
          ),
        ].map((m) => m[1]);
        const reexported = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
          m[1]!.split(',').map((s) =>
            s
              .trim()
              .split(/\s+as\s+/)
              .at(-1)!,
          ),
        );
        return [
          path.relative(APP, file),
          [...exported, ...reexported.filter((n) => /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(n))],
        ];
      }),
    );
    for (const [file, list] of Object.entries(methods)) expect(list, file).toEqual(['GET']);
  });
});
