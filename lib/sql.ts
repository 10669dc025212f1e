// SQL fragments the data-access modules share, so that "who counts" means one thing everywhere.
// They assume the aliases c (Campaign), p (Person), sig (Signature) and src (its Source).
import { Prisma } from './generated/prisma/client';

// Each rule is written once as text (the CSV exports inline it into COPY, which takes no
// parameters) and wrapped for Prisma's tagged queries below.

/** The person `p` may sign campaign `campaign` by house and party. */
export const ELIGIBLE_SQL = (campaign = 'c') =>
  `(p.house = ANY(${campaign}."eligibleHouses") AND (cardinality(coalesce(${campaign}."eligibleParties", '{}')) = 0 OR p.party = ANY(${campaign}."eligibleParties")))`;

/** The day we know a signature by: when it was signed, else when its source published it, else
 * when it was recorded here. */
export const KNOWN_ON_SQL = `coalesce(sig."signedOn", (src."publishedAt" AT TIME ZONE 'UTC')::date, (sig."createdAt" AT TIME ZONE 'UTC')::date)`;

/** The signer's house and party may sign this campaign. */
export const eligibleSigner = Prisma.raw(ELIGIBLE_SQL());
export const eligibleFor = (campaign: string) => Prisma.raw(ELIGIBLE_SQL(campaign));

/** A signature that stands: not withdrawn. */
export const standing = Prisma.sql`sig."withdrawnOn" IS NULL`;

export const knownOn = Prisma.raw(KNOWN_ON_SQL);

/** Columns of a source, for SourceRef. */
export const sourceColumns = (alias: string) =>
  Prisma.raw(
    `${alias}.id AS source_id, ${alias}.publisher AS source_publisher, ${alias}.title AS source_title, ${alias}."publishedAt" AS source_published_at, ${alias}.url AS source_url`,
  );

export interface SourceRow {
  source_id: number;
  source_publisher: string;
  source_title: string;
  source_published_at: Date | null;
  source_url: string | null;
}

export interface SourceRef {
  id: number;
  publisher: string;
  title: string;
  publishedAt: Date | null;
  url: string | null;
}

export const sourceOf = (row: SourceRow): SourceRef => ({
  id: row.source_id,
  publisher: row.source_publisher,
  title: row.source_title,
  publishedAt: row.source_published_at,
  url: row.source_url,
});

/** A LIKE pattern for "contains", with the user's own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
