// Campaigns and their counts. Counting happens in SQL; these functions return plain objects.
import 'server-only';
import { db } from './db';
import type { TallyQualifier, ThresholdPurpose } from './generated/prisma/enums';

export interface SourceRef {
  id: number;
  publisher: string;
  title: string;
  publishedAt: Date | null;
  url: string | null;
}

export interface ThresholdView {
  id: number;
  label: string;
  purpose: ThresholdPurpose;
  /** The number to reach, or null when it is a share of a body whose size is unknown. */
  value: number | null;
  absoluteValue: number | null;
  sharePercent: number | null;
  bodyName: string | null;
  bodySize: number | null;
  /** Eligible named signatories have reached it. */
  reached: boolean;
  source: SourceRef;
}

export interface CampaignSummary {
  id: number;
  slug: string;
  title: string;
  kind: string;
  status: string;
  eligibleHouses: string[];
  /** Signatures we can name and that are not withdrawn. */
  named: number;
  /** Of those, the ones whose house may sign: what thresholds count. */
  namedEligible: number;
  body: { name: string; size: number | null; sizeAsOf: Date | null } | null;
  latestTally: { count: number; qualifier: TallyQualifier; scope: string | null; asOf: Date; source: SourceRef } | null;
  thresholds: ThresholdView[];
  source: SourceRef;
}

type SummaryRow = {
  id: number;
  slug: string;
  title: string;
  kind: string;
  status: string;
  eligible_houses: string[];
  named: number;
  named_eligible: number;
  body_name: string | null;
  body_size: number | null;
  body_size_as_of: Date | null;
  tally_count: number | null;
  tally_qualifier: TallyQualifier | null;
  tally_scope: string | null;
  tally_as_of: Date | null;
  tally_source_id: number | null;
  tally_source_publisher: string | null;
  tally_source_title: string | null;
  tally_source_published_at: Date | null;
  tally_source_url: string | null;
  source_id: number;
  source_publisher: string;
  source_title: string;
  source_published_at: Date | null;
  source_url: string | null;
};

type ThresholdRow = {
  id: number;
  campaign_id: number;
  label: string;
  purpose: ThresholdPurpose;
  absolute_value: number | null;
  share_percent: number | null;
  body_name: string | null;
  body_size: number | null;
  source_id: number;
  source_publisher: string;
  source_title: string;
  source_published_at: Date | null;
  source_url: string | null;
};

const sourceOf = (row: {
  source_id: number;
  source_publisher: string;
  source_title: string;
  source_published_at: Date | null;
  source_url: string | null;
}): SourceRef => ({
  id: row.source_id,
  publisher: row.source_publisher,
  title: row.source_title,
  publishedAt: row.source_published_at,
  url: row.source_url,
});

/** Every campaign with its named count, latest reported tally and thresholds, newest first. */
export async function listCampaignSummaries(): Promise<CampaignSummary[]> {
  const prisma = db();
  const [rows, thresholds] = await Promise.all([
    prisma.$queryRaw<SummaryRow[]>`
      SELECT c.id, c.slug, c.title, c.kind::text AS kind, c.status::text AS status,
             c."eligibleHouses"::text[] AS eligible_houses,
             coalesce(n.named, 0)::int AS named, coalesce(n.named_eligible, 0)::int AS named_eligible,
             b.name AS body_name, bs.size AS body_size, bs."asOf" AS body_size_as_of,
             t.count AS tally_count, t.qualifier::text AS tally_qualifier, t.scope AS tally_scope, t."asOf" AS tally_as_of,
             ts.id AS tally_source_id, ts.publisher AS tally_source_publisher, ts.title AS tally_source_title,
             ts."publishedAt" AS tally_source_published_at, ts.url AS tally_source_url,
             s.id AS source_id, s.publisher AS source_publisher, s.title AS source_title,
             s."publishedAt" AS source_published_at, s.url AS source_url
      FROM "Campaign" c
      JOIN "Source" s ON s.id = c."sourceId"
      LEFT JOIN "Body" b ON b.id = c."bodyId"
      LEFT JOIN LATERAL (
        SELECT size, "asOf" FROM "BodySize" WHERE "bodyId" = c."bodyId" ORDER BY "asOf" DESC LIMIT 1
      ) bs ON true
      LEFT JOIN LATERAL (
        SELECT count(*) AS named, count(*) FILTER (WHERE p.house = ANY(c."eligibleHouses")) AS named_eligible
        FROM "Signature" sig JOIN "Person" p ON p.id = sig."personId"
        WHERE sig."campaignId" = c.id AND sig."withdrawnOn" IS NULL
      ) n ON true
      LEFT JOIN LATERAL (
        SELECT * FROM "Tally" WHERE "campaignId" = c.id ORDER BY "asOf" DESC, id DESC LIMIT 1
      ) t ON true
      LEFT JOIN "Source" ts ON ts.id = t."sourceId"
      ORDER BY coalesce(c."openedOn", c."createdAt"::date) DESC, c.id`,
    prisma.$queryRaw<ThresholdRow[]>`
      SELECT th.id, th."campaignId" AS campaign_id, th.label, th.purpose::text AS purpose, th."absoluteValue" AS absolute_value,
             th."sharePercent"::float8 AS share_percent, b.name AS body_name, bs.size AS body_size,
             s.id AS source_id, s.publisher AS source_publisher, s.title AS source_title,
             s."publishedAt" AS source_published_at, s.url AS source_url
      FROM "Threshold" th
      JOIN "Source" s ON s.id = th."sourceId"
      LEFT JOIN "Body" b ON b.id = th."bodyId"
      LEFT JOIN LATERAL (
        SELECT size FROM "BodySize" WHERE "bodyId" = th."bodyId" ORDER BY "asOf" DESC LIMIT 1
      ) bs ON true
      ORDER BY th."campaignId", coalesce(th."absoluteValue", 0), th.id`,
  ]);

  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    status: row.status,
    eligibleHouses: row.eligible_houses,
    named: row.named,
    namedEligible: row.named_eligible,
    body: row.body_name ? { name: row.body_name, size: row.body_size, sizeAsOf: row.body_size_as_of } : null,
    latestTally:
      row.tally_count === null
        ? null
        : {
            count: row.tally_count,
            qualifier: row.tally_qualifier!,
            scope: row.tally_scope,
            asOf: row.tally_as_of!,
            source: {
              id: row.tally_source_id!,
              publisher: row.tally_source_publisher!,
              title: row.tally_source_title!,
              publishedAt: row.tally_source_published_at,
              url: row.tally_source_url,
            },
          },
    thresholds: thresholds
      .filter((t) => t.campaign_id === row.id)
      .map((t) => {
        const value =
          t.absolute_value ?? (t.share_percent !== null && t.body_size !== null ? Math.ceil((t.share_percent * t.body_size) / 100) : null);
        return {
          id: t.id,
          label: t.label,
          purpose: t.purpose,
          value,
          absoluteValue: t.absolute_value,
          sharePercent: t.share_percent,
          bodyName: t.body_name,
          bodySize: t.body_size,
          reached: value !== null && row.named_eligible >= value,
          source: sourceOf(t),
        };
      }),
    source: sourceOf(row),
  }));
}
