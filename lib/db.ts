// The one Prisma client of the process. Only the data-access modules in lib/ (and the seeds,
// which load data before the app runs) import it; pages and components never do.
import { PrismaPg } from '@prisma/adapter-pg';
import { connectionBudget } from './connections';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: connectionBudget().prisma }),
  });
}

const globalForPrisma = globalThis as unknown as { whipcountPrisma?: PrismaClient };

/** The shared client, created on first use from DATABASE_URL. */
export function db(): PrismaClient {
  if (!globalForPrisma.whipcountPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the app with `npm start`, which sets it.');
    globalForPrisma.whipcountPrisma = createPrismaClient(url);
  }
  return globalForPrisma.whipcountPrisma;
}
