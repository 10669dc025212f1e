// `npm run db:seed`: load the seed data into DATABASE_URL (idempotent: existing rows are kept).
import { db } from '../lib/db';
import { seed } from './index';

await seed();
await db().$disconnect();
console.log('seed: done');
