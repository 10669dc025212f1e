// Read by the Prisma CLI from the project root. Prisma 7 loads no .env by itself.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The CLI cannot download its native schema engine on these machines; ours serves the same
// protocol from the WebAssembly engine on npm (docs/decisions/001-offline-prisma-engine.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve('scripts/prisma-schema-engine.mjs');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // `prisma generate` needs no database; every other command is run with DATABASE_URL set.
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unset',
  },
});
