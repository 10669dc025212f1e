// Campaigns and how their counts stand. Counting happens in SQL; these functions return plain
// objects for pages, route handlers and charts.
import 'server-only';
import { cache } from 'react';
import { versioned } from './data-version';
import { db } from './db';
import { Prisma } from './generated/prisma/client';
import type { TallyQualifier, ThresholdPurpose } from './generated/prisma/enums';
import { cumulative, project, type Projection, type SeriesPoint } from './projection';
import {
  BODY_SIZE_SQL,
  CAMPAIGN_DAY_SQL,
  containsPattern,
  eligibleSigner,
  knownOn,
  onSigningDay,
  sourceColumns,
  sourceOf,
  standing,
  type SourceRef,
  type SourceRow,
} from './sql';
import { guaranteedMinimum } from './tally';

export type { SourceRef } from './sql';

export interface TallyView {
  id: number;
  count: number;
  qualifier: TallyQualifier;
  scope: string | null;
  asOf: Date;
  source: SourceRef;
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

export interface StageSummary {
  position: number;
  name: string;
  status: string;
  scheduledOn: Date | null;
  scheduleNote: string | null;
}

export interface CampaignSummary {
  id: number;
  slug: string;
  title: string;
  kind: string;
  status: string;
  eligibleHouses: string[];
  eligibleParties: string[];
  /** Signatures we can name and that are not withdrawn. */
  named: number;
  /** Of those, the ones whose house and party may sign: what thresholds count. */
  namedEligible: number;
  body: { name: string; size: number | null; sizeAsOf: Date | null } | null;
  latestTally: TallyView | null;
  thresholds: ThresholdView[];
  /** Where the procedure stands: the first stage not yet decided, else the last one. */
  currentStage: StageSummary | null;
  stageCount: number;
  source: SourceRef;
}

type CampaignRow = SourceRow & {
  id: number;
  slug: string;
  title: string;
  kind: string;
  status: string;
  summary: string | null;
  opened_on: Date | null;
  eligible_houses: string[];
  eligible_parties: string[] | null;
  named: number;
  named_eligible: number;
  body_slug: string | null;
  body_name: string | null;
  body_size: number | null;
  body_size_as_of: Date | null;
  lead_name: string | null;
  lead_slug: string | null;
};

type ThresholdRow = SourceRow & {
  id: number;
  campaign_id: number;
  label: string;
  purpose: ThresholdPurpose;
  absolute_value: number | null;
  share_percent: number | null;
  body_name: string | null;
  body_size: number | null;
};

type TallyRow = SourceRow & {
  id: number;
  campaign_id: number;
  count: number;
  qualifier: TallyQualifier;
  scope: string | null;
  as_of: Date;
};
type StageRow = StageSummary & { campaign_id: number };

interface CampaignPage {
  limit: number;
  offset: number;
  /** Words in the title or slug. */
  q?: string;
}

const titleMatches = (q: string | undefined) => (q ? containsPattern(q) : null);

async function queryCampaigns(slug: string | null, page: CampaignPage = { limit: 1, offset: 0 }) {
  const like = titleMatches(page.q);
  // The page of campaigns is chosen first, so the per-campaign counts run for that page only.
  return db().$queryRaw<CampaignRow[]>`
    WITH page AS (
      SELECT * FROM "Campaign" c
      WHERE (${slug}::text IS NULL OR c.slug = ${slug}) AND (${like}::text IS NULL OR c.title ILIKE ${like} OR c.slug ILIKE ${like})
      ORDER BY coalesce(c."openedOn", c."createdAt"::date) DESC, c.id
      LIMIT ${page.limit} OFFSET ${page.offset}
    )
    SELECT c.id, c.slug, c.title, c.kind::text AS kind, c.status::text AS status, c.summary, c."openedOn" AS opened_on,
           c."eligibleHouses"::text[] AS eligible_houses, c."eligibleParties" AS eligible_parties,
           coalesce(n.named, 0)::int AS named, coalesce(n.named_eligible, 0)::int AS named_eligible,
           b.slug AS body_slug, b.name AS body_name, bs.size AS body_size, bs."asOf" AS body_size_as_of,
           lead.name AS lead_name, lead.slug AS lead_slug,
           ${sourceColumns('s')}
    FROM page c
    JOIN "Source" s ON s.id = c."sourceId"
    LEFT JOIN "Person" lead ON lead.id = c."leadSponsorId"
    LEFT JOIN "Body" b ON b.id = c."bodyId"
    LEFT JOIN LATERAL (SELECT ${Prisma.raw(CAMPAIGN_DAY_SQL('c'))} AS day) cd ON true
    LEFT JOIN LATERAL (
      SELECT ${Prisma.raw(BODY_SIZE_SQL('b', 'cd.day'))} AS size, cd.day AS "asOf"
    ) bs ON b.id IS NOT NULL
    LEFT JOIN LATERAL (
      SELECT count(*) AS named, count(*) FILTER (WHERE ${eligibleSigner}) AS named_eligible
      FROM "Signature" sig JOIN "Person" p ON p.id = sig."personId" JOIN "Source" src ON src.id = sig."sourceId" ${onSigningDay}
      WHERE sig."campaignId" = c.id AND ${standing}
    ) n ON true
    ORDER BY coalesce(c."openedOn", c."createdAt"::date) DESC, c.id`;
}

function queryThresholds(campaignIds: number[]) {
  return db().$queryRaw<ThresholdRow[]>`
    SELECT th.id, th."campaignId" AS campaign_id, th.label, th.purpose::text AS purpose, th."absoluteValue" AS absolute_value,
           th."sharePercent"::float8 AS share_percent, b.name AS body_name, bs.size AS body_size,
           ${sourceColumns('s')}
    FROM "Threshold" th
    JOIN "Campaign" c ON c.id = th."campaignId"
    JOIN "Source" s ON s.id = th."sourceId"
    LEFT JOIN "Body" b ON b.id = th."bodyId"
    LEFT JOIN LATERAL (SELECT ${Prisma.raw(BODY_SIZE_SQL('b', CAMPAIGN_DAY_SQL('c')))} AS size) bs ON b.id IS NOT NULL
    WHERE th."campaignId" = ANY(${campaignIds}::int[])
    ORDER BY th."campaignId", coalesce(th."absoluteValue", 0), th.id`;
}

/** Every tally of the campaigns (latestOnly: only the most recent of each). */
function queryTallies(campaignIds: number[], latestOnly: boolean) {
  const distinct = latestOnly ? Prisma.sql`DISTINCT ON (t."campaignId")` : Prisma.empty;
  const order = latestOnly
    ? Prisma.sql`t."campaignId", t."asOf" DESC, t.id DESC`
    : Prisma.sql`t."campaignId", t."asOf", t.id`;
  return db().$queryRaw<TallyRow[]>`
    SELECT ${distinct} t.id, t."campaignId" AS campaign_id, t.count, t.qualifier::text AS qualifier, t.scope, t."asOf" AS as_of,
           ${sourceColumns('s')}
    FROM "Tally" t JOIN "Source" s ON s.id = t."sourceId"
    WHERE t."campaignId" = ANY(${campaignIds}::int[])
    ORDER BY ${order}`;
}

function queryStages(campaignIds: number[]) {
  return db().$queryRaw<StageRow[]>`
    SELECT "campaignId" AS campaign_id, position, name, status::text AS status, "scheduledOn" AS "scheduledOn", "scheduleNote" AS "scheduleNote"
    FROM "Stage" WHERE "campaignId" = ANY(${campaignIds}::int[]) ORDER BY "campaignId", position`;
}

const tallyView = (t: TallyRow): TallyView => ({
  id: t.id,
  count: t.count,
  qualifier: t.qualifier,
  scope: t.scope,
  asOf: t.as_of,
  source: sourceOf(t),
});

function thresholdView(t: ThresholdRow, namedEligible: number): ThresholdView {
  const value =
    t.absolute_value ??
    (t.share_percent !== null && t.body_size !== null ? Math.ceil((t.share_percent * t.body_size) / 100) : null);
  return {
    id: t.id,
    label: t.label,
    purpose: t.purpose,
    value,
    absoluteValue: t.absolute_value,
    sharePercent: t.share_percent,
    bodyName: t.body_name,
    bodySize: t.body_size,
    reached: value !== null && namedEligible >= value,
    source: sourceOf(t),
  };
}

const DECIDED = new Set(['PASSED', 'FAILED', 'CANCELLED']);

function summarize(
  row: CampaignRow,
  thresholds: ThresholdRow[],
  tallies: TallyRow[],
  stages: StageRow[],
): CampaignSummary {
  const own = stages.filter((s) => s.campaign_id === row.id);
  const current = own.find((s) => !DECIDED.has(s.status)) ?? own.at(-1) ?? null;
  const latest = tallies.filter((t) => t.campaign_id === row.id).sort((a, b) => +b.as_of - +a.as_of || b.id - a.id)[0];
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    status: row.status,
    eligibleHouses: row.eligible_houses,
    eligibleParties: row.eligible_parties ?? [],
    named: row.named,
    namedEligible: row.named_eligible,
    body: row.body_name ? { name: row.body_name, size: row.body_size, sizeAsOf: row.body_size_as_of } : null,
    latestTally: latest ? tallyView(latest) : null,
    thresholds: thresholds.filter((t) => t.campaign_id === row.id).map((t) => thresholdView(t, row.named_eligible)),
    currentStage: current && {
      position: current.position,
      name: current.name,
      status: current.status,
      scheduledOn: current.scheduledOn,
      scheduleNote: current.scheduleNote,
    },
    stageCount: own.length,
    source: sourceOf(row),
  };
}

/** A page of campaigns with their named count, latest reported tally, thresholds and current stage, newest first. */
export const listCampaignSummaries = versioned(async function listCampaignSummaries(
  page: CampaignPage,
): Promise<CampaignSummary[]> {
  const rows = await queryCampaigns(null, page);
  const ids = rows.map((r) => r.id);
  const [thresholds, tallies, stages] = await Promise.all([
    queryThresholds(ids),
    queryTallies(ids, true),
    queryStages(ids),
  ]);
  return rows.map((row) => summarize(row, thresholds, tallies, stages));
});

export interface ThresholdProgress extends ThresholdView {
  /** The day the named, eligible count reached it. */
  crossedOn: string | null;
  /** The first reported tally that guarantees it was passed. */
  reportedPassedOn: Date | null;
  projection: Projection | null;
}

export interface CampaignDetail extends CampaignSummary {
  summary: string | null;
  openedOn: Date | null;
  leadSponsor: { name: string; slug: string } | null;
  bodySlug: string | null;
  byConfidence: { confidence: string; count: number }[];
  withdrawn: number;
  tallies: TallyView[];
  thresholds: ThresholdProgress[];
  series: SeriesPoint[];
}

/**
 * One campaign with everything its page shows at the top, or null for an unknown slug. Kept per
 * process while the data version holds (decision 015), and per request (React's cache), so a
 * page's metadata and body share it. Callers must not mutate it.
 */
const campaignMemo = versioned(readCampaign);
export const getCampaign = Object.assign(cache(campaignMemo), { uncached: readCampaign });

async function readCampaign(slug: string): Promise<CampaignDetail | null> {
  const [row] = await queryCampaigns(slug);
  if (!row) return null;
  const prisma = db();
  const [thresholds, tallies, stages, confidence, daily] = await Promise.all([
    queryThresholds([row.id]),
    queryTallies([row.id], false),
    queryStages([row.id]),
    prisma.$queryRaw<{ confidence: string; standing: number; withdrawn: number }[]>`
      SELECT sig.confidence::text AS confidence,
             count(*) FILTER (WHERE ${standing})::int AS standing,
             count(*) FILTER (WHERE sig."withdrawnOn" IS NOT NULL)::int AS withdrawn
      FROM "Signature" sig WHERE sig."campaignId" = ${row.id} GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ day: string; added: number }[]>`
      SELECT to_char(${knownOn}, 'YYYY-MM-DD') AS day, count(*)::int AS added
      FROM "Signature" sig JOIN "Person" p ON p.id = sig."personId" JOIN "Source" src ON src.id = sig."sourceId"
      JOIN "Campaign" c ON c.id = sig."campaignId" ${onSigningDay}
      WHERE sig."campaignId" = ${row.id} AND ${standing} AND ${eligibleSigner}
      GROUP BY 1 ORDER BY 1`,
  ]);
  const base = summarize(row, thresholds, tallies, stages);
  const series = cumulative(daily);
  const open = row.status === 'OPEN';
  const sortedTallies = [...tallies].sort((a, b) => +a.as_of - +b.as_of || a.id - b.id);
  return {
    ...base,
    summary: row.summary,
    openedOn: row.opened_on,
    leadSponsor: row.lead_name && row.lead_slug ? { name: row.lead_name, slug: row.lead_slug } : null,
    bodySlug: row.body_slug,
    byConfidence: confidence.map((c) => ({ confidence: c.confidence, count: c.standing })),
    withdrawn: confidence.reduce((sum, c) => sum + c.withdrawn, 0),
    tallies: sortedTallies.map(tallyView),
    series,
    thresholds: base.thresholds.map((t) => {
      const reported =
        t.value === null
          ? undefined
          : sortedTallies.find((x) => (guaranteedMinimum(x.count, x.qualifier) ?? -1) >= t.value!);
      const projection = t.value === null ? null : project(series, t.value);
      return {
        ...t,
        crossedOn: projection?.kind === 'crossed' ? projection.day : null,
        reportedPassedOn: reported?.as_of ?? null,
        projection:
          open || projection?.kind === 'crossed'
            ? projection
            : { kind: 'insufficient', reason: 'the campaign is no longer open' },
      };
    }),
  };
}

export const countCampaigns = versioned(async function countCampaigns(q?: string): Promise<number> {
  const like = titleMatches(q);
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Campaign" c WHERE (${like}::text IS NULL OR c.title ILIKE ${like} OR c.slug ILIKE ${like})`;
  return row?.n ?? 0;
});

/** Slugs and titles of every campaign, for filters and links. */
export function listCampaignNames(): Promise<{ slug: string; title: string }[]> {
  return db().campaign.findMany({ select: { slug: true, title: true }, orderBy: { title: 'asc' } });
}

/** A campaign's slug by its id (for links after an edit), or null. */
export async function campaignSlugById(id: number): Promise<string | null> {
  if (!Number.isSafeInteger(id)) return null;
  return (await db().campaign.findUnique({ where: { id }, select: { slug: true } }))?.slug ?? null;
}
