// Lint: Next.js's rules (React, hooks, Next itself, accessibility), type-aware TypeScript rules,
// and the architecture as rules (README "Architecture"; docs/decisions/019-code-health.md).
// Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import jsxA11y from 'eslint-plugin-jsx-a11y';

/** The data-access layer's server-only modules (each starts with `import 'server-only'`; lib/db is DATABASE). */
export const SERVER_ONLY = [
  'admin/add-signatures',
  'admin/hooks',
  'admin/new-source',
  'admin/store',
  'archive',
  'audit',
  'auth/auth',
  'auth/login',
  'auth/session',
  'cache',
  'campaigns',
  'data-version',
  'divisions',
  'export',
  'feed',
  'health',
  'import/jobs',
  'import/kinds',
  'matching',
  'official-divisions',
  'official-members',
  'people',
  'polls',
  'placements',
  'positions',
  'roster',
  'search',
  'setup',
  'share-image',
  'signatures',
  'sources',
  'stages',
  'timeline',
  'users',
  'whip-count',
];
/**
 * Pure modules: arithmetic, names, formats, parsing, the shapes of files and answers. They import
 * nothing server-only, so that tests, components and scripts can use them anywhere.
 */
export const PURE = [
  'action-request',
  'admin/entities',
  'admin/fields',
  'admin/next-steps',
  'api',
  'atom',
  'auth/client-address',
  'auth/roles',
  'cache-rules',
  'chart-ticks',
  'csp',
  'csv-out',
  'db-errors',
  'decision-rule',
  'division-outcome',
  'format',
  'hansard',
  'import/columns',
  'import/limits',
  'import/parse',
  'members-api',
  'metadata',
  'names',
  'pg-tables',
  'placement',
  'projection',
  'records',
  'site-url',
  'sort',
  'tally',
  'validation',
  'votes-api',
  'whip-count-csv',
];
/**
 * The plumbing under the data-access layer: the connections (db, outage), SQL fragments (sql) and
 * how errors become answers (errors, http). Server code only, like SERVER_ONLY, though they do not
 * say so (the proxy and scripts use them too). Every module of lib/ is in one of the three lists
 * (tests/lint.test.ts).
 */
export const PLUMBING = ['connections', 'db', 'errors', 'http', 'outage', 'sql'];
/** A module of lib/ as every import may name it: by alias, by path, or relative from lib/ and its folders. */
const named = (m) => [`@/lib/${m}`, `**/lib/${m}`, `../${m}`, `./${m}`];
const serverOnly = [...SERVER_ONLY, ...PLUMBING.filter((m) => m !== 'db')].flatMap(named);
const DATABASE = ['@prisma/client', '@prisma/adapter-pg', 'pg', ...named('db')];
const GENERATED_CLIENT = ['@/lib/generated/prisma/client', '**/generated/prisma/client'];

const restrict = (patterns, message) => ({ group: patterns, message, allowTypeImports: true });

export default defineConfig([
  globalIgnores([
    '.next/**',
    '.data/**',
    '.scratch/**',
    'lib/generated/**',
    'node_modules/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
    'public/**',
  ]),
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Our form controls (components/ui/controls.tsx) are controls to a label too.
      'jsx-a11y/label-has-associated-control': [
        'error',
        { controlComponents: ['Input', 'Select', 'Textarea'], depth: 3 },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Type-aware: promises awaited or handled, no awaiting non-promises, no casts that do nothing.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
      // `let [rows, total] = …` where only rows is reassigned later stays one statement.
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  // --- the architecture -------------------------------------------------------------------------
  // Pages, layouts, route handlers, server actions, the proxy and components never reach the
  // database themselves: they call the data-access layer in lib/.
  {
    files: ['app/**', 'components/**', 'proxy.ts', 'instrumentation.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              DATABASE,
              'Only the data-access layer (lib/) and scripts talk to the database: call a function of lib/ instead.',
            ),
            restrict(
              GENERATED_CLIENT,
              'The Prisma client is the data-access layer’s: call a function of lib/ (types may be imported with `import type`).',
            ),
          ],
        },
      ],
    },
  },
  // Components are rendered on either side: server-only modules may lend them types, never code.
  {
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(DATABASE, 'Only the data-access layer (lib/) and scripts talk to the database.'),
            restrict(
              GENERATED_CLIENT,
              'The Prisma client is the data-access layer’s (types may be imported with `import type`).',
            ),
            restrict(
              serverOnly,
              'Components never import server-only data-access modules: a page passes them the data (types may be imported with `import type`).',
            ),
          ],
        },
      ],
    },
  },
  // Pure modules: arithmetic, names, formats, parsing. They import nothing server-only, so that
  // tests, components and scripts can use them anywhere.
  {
    files: PURE.map((m) => `lib/${m}.{ts,tsx}`),
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(['server-only'], 'A pure module is not server-only.'),
            restrict(DATABASE, 'A pure module does not talk to the database.'),
            restrict(
              GENERATED_CLIENT,
              'A pure module does not use the Prisma client (types may be imported with `import type`).',
            ),
            restrict(
              serverOnly,
              'A pure module imports nothing server-only (types may be imported with `import type`).',
            ),
          ],
        },
      ],
    },
  },
  prettier,
]);
