// Sources: what each one is and what cites it, one at a time and as a list (/sources).
import 'server-only';
import { z } from 'zod';
import { versioned } from './data-version';
import { db } from './db';
import { Prisma } from './generated/prisma/client';
import { containsPattern } from './sql';
import { clampPage } from './validation';

/**
 * Every table whose rows cite a source (a `sourceId` column), with what a reader calls its rows.
 * One list for the source page and the index; tests/sources.test.ts checks it against the schema.
 */
export const CITING_TABLES = {
  Campaign: 'campaigns',
  Signature: 'signatures',
  Tally: 'reported tallies',
  Threshold: 'thresholds',
  Stage: 'procedure stages',
  Division: 'divisions',
  DivisionWhip: 'whips on divisions',
  Position: 'positions on votes',
  PositionRule: 'derived-position rules',
  Statement: 'statements',
  Poll: 'polls',
  TimelineEvent: 'timeline events',
  Person: 'people',
  PersonAlias: 'name aliases',
  Role: 'roles held',
  Term: 'terms',
  Membership: 'stints',
  Body: 'bodies',
  BodyMember: 'named body members',
  BodySize: 'body sizes',
} as const;
type CitingTable = keyof typeof CITING_TABLES;
const TABLES = Object.keys(CITING_TABLES) as CitingTable[];

/** One count per citing table, as columns named after the tables (`s` is the source). */
const COUNTS = Prisma.raw(
  TABLES.map((t) => `(SELECT count(*)::int FROM "${t}" x WHERE x."sourceId" = s.id) AS "${t}"`).join(', '),
);

export interface SourceDetail {
  id: number;
  publisher: string;
  title: string;
  publishedAt: Date | null;
  url: string | null;
  excerpt: string | null;
  /** How many records of each kind cite it (kinds with none left out). */
  citedBy: { kind: string; count: number }[];
}

type SourceRow = Omit<SourceDetail, 'citedBy'> & Record<CitingTable, number>;
const citedBy = (row: Record<CitingTable, number>) =>
  TABLES.filter((t) => row[t] > 0).map((t) => ({ kind: CITING_TABLES[t], count: row[t] }));

/**
 * A source and how many records of each kind cite it; kept per data version (decision 021): the
 * counts read every table that cites sources (a source cited by a million signatures took 86 ms).
 */
export const getSource = versioned(async function getSource(id: number): Promise<SourceDetail | null> {
  const [row] = await db().$queryRaw<SourceRow[]>`
    SELECT s.id, s.publisher, s.title, s."publishedAt" AS "publishedAt", s.url, s.excerpt, ${COUNTS}
    FROM "Source" s WHERE s.id = ${id}`;
  if (!row) return null;
  const { id: sourceId, publisher, title, publishedAt, url, excerpt } = row;
  return { id: sourceId, publisher, title, publishedAt, url, excerpt, citedBy: citedBy(row) };
});

export const sourceQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  sort: z.enum(['records', 'publisher', 'title', 'published']).default('records').catch('records'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type SourceQuery = z.infer<typeof sourceQuerySchema>;

export interface SourceListing {
  sources: (Omit<SourceDetail, 'excerpt'> & { records: number })[];
  total: number;
  page: number;
}

const ORDER: Record<SourceQuery['sort'], { sql: string; dir: 'asc' | 'desc' }> = {
  records: { sql: 'records', dir: 'desc' },
  publisher: { sql: 'lower(publisher)', dir: 'asc' },
  title: { sql: 'lower(title)', dir: 'asc' },
  published: { sql: '"publishedAt"', dir: 'desc' },
};

/** Sources matching `q` (publisher or title), with how many records cite each, a page at a time. */
export const SOURCES_PER_PAGE = 50;

export const listSources = versioned(async function listSources(query: SourceQuery): Promise<SourceListing> {
  const pageSize = SOURCES_PER_PAGE;
  const where = query.q
    ? Prisma.sql`WHERE s.publisher ILIKE ${containsPattern(query.q)} OR s.title ILIKE ${containsPattern(query.q)}`
    : Prisma.empty;
  const [counted] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Source" s ${where}`;
  const n = counted?.n ?? 0;
  const page = clampPage(query.page, n, pageSize);
  const order = ORDER[query.sort];
  const dir = (query.dir ?? order.dir) === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
  const rows = await db().$queryRaw<SourceRow[]>`
    SELECT * FROM (
      SELECT s.id, s.publisher, s.title, s."publishedAt" AS "publishedAt", s.url, s.excerpt, ${COUNTS} FROM "Source" s ${where}
    ) s
    ORDER BY ${Prisma.raw(order.sql === 'records' ? `(${TABLES.map((t) => `"${t}"`).join(' + ')})` : order.sql)} ${Prisma.raw(dir)}, id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return {
    total: n,
    page,
    sources: rows.map((row) => ({
      id: row.id,
      publisher: row.publisher,
      title: row.title,
      publishedAt: row.publishedAt,
      url: row.url,
      citedBy: citedBy(row),
      records: TABLES.reduce((sum, t) => sum + row[t], 0),
    })),
  };
});
