// The architecture is enforced by lint (eslint.config.mjs), not only described: a deliberately
// wrong import, linted as if it were in the file named, is an error; the same name as a type is not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('architecture rules', () => {
  it('a component may not import the database or a server-only data-access module', async () => {
    const file = 'components/section.tsx';
    expect(await importErrors(file, `import { db } from '@/lib/db';\nexport const x = db;\n`)).toEqual([
      expect.stringContaining('Only the data-access layer'),
    ]);
    expect(
      await importErrors(file, `import { getCampaign } from '@/lib/campaigns';\nexport const x = getCampaign;\n`),
    ).toEqual([expect.stringContaining('Components never import server-only')]);
    expect(await importErrors(file, `import pg from 'pg';\nexport const x = pg;\n`)).toHaveLength(1);
  }, 60_000);

  it('a component may import a server-only module’s types', async () => {
    expect(
      await importErrors(
        'components/section.tsx',
        `import type { CampaignDetail } from '@/lib/campaigns';\nexport type X = CampaignDetail;\n`,
      ),
    ).toEqual([]);
  });

  it('pages and route handlers never import Prisma', async () => {
    expect(
      await importErrors(
        'app/(site)/page.tsx',
        `import { PrismaClient } from '@/lib/generated/prisma/client';\nexport const x = PrismaClient;\n`,
      ),
    ).toEqual([expect.stringContaining('The Prisma client is the data-access layer’s')]);
    expect(
      await importErrors('app/feed.xml/route.ts', `import { db } from '@/lib/db';\nexport const x = db;\n`),
    ).toHaveLength(1);
  });

  it('pure modules import nothing server-only', async () => {
    expect(await importErrors('lib/format.ts', `import 'server-only';\nexport const x = 1;\n`)).toEqual([
      expect.stringContaining('not server-only'),
    ]);
    expect(
      await importErrors(
        'lib/decision-rule.ts',
        `import { dataVersion } from './data-version';\nexport const x = dataVersion;\n`,
      ),
    ).toEqual([expect.stringContaining('imports nothing server-only')]);
  });

  it('a pure module may not reach the database by any path, relative ones too (issue 25)', async () => {
    for (const [file, from] of [
      ['lib/format.ts', './db'],
      ['lib/admin/fields.ts', '../db'],
      ['lib/tally.ts', '@/lib/db'],
      ['lib/names.ts', './outage'],
      ['lib/sort.ts', './sql'],
    ] as const)
      expect(
        await importErrors(file, `import { x } from '${from}';\nexport const y = x;\n`),
        `${file} importing ${from}`,
      ).toHaveLength(1);
  });

  it('puts every module of lib/ in exactly one layer: pure, plumbing or server-only data access', async () => {
    const config = (await import(path.join(process.cwd(), 'eslint.config.mjs'))) as Record<
      'SERVER_ONLY' | 'PURE' | 'PLUMBING',
      string[]
    >;
    const modules = readdirSync('lib', { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith('generated'))
      .map((file) => file.replace(/\.tsx?$/, ''))
      .sort();
    expect([...config.PURE, ...config.PLUMBING, ...config.SERVER_ONLY].sort()).toEqual(modules);
  });

  it('knows every server-only module (a new one cannot slip past the component rule)', async () => {
    const config = (await import(path.join(process.cwd(), 'eslint.config.mjs'))) as { SERVER_ONLY: string[] };
    const marked = readdirSync('lib', { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith('generated'))
      .filter((file) => /^import 'server-only';$/m.test(readFileSync(path.join('lib', file), 'utf8')))
      .map((file) => file.replace(/\.tsx?$/, ''))
      .sort();
    expect([...config.SERVER_ONLY].sort()).toEqual(marked);
  });

  it('the data-access layer may use the database', async () => {
    expect(await importErrors('lib/campaigns.ts', `import { db } from './db';\nexport const x = db;\n`)).toEqual([]);
  });
});
