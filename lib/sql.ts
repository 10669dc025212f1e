// SQL fragments the data-access modules share, so that "who counts" means one thing everywhere.
// They assume the aliases c (Campaign), p (Person), sig (Signature), src (its Source) and on_day
// (the person's stint on the day that matters, from ON_DAY_SQL).
import { Prisma } from './generated/prisma/client';

// Each rule is written once as text (the CSV exports inline it into COPY, which takes no
// parameters) and wrapped for Prisma's tagged queries below.

/**
 * Joins `on_day`: the house, party and seat of person `p` on a day (an SQL date expression), from
 * the stint in force that day (docs/decisions/013-terms-and-stints.md). Someone with stints but
 * none that day gets no row (all NULL: not a member then); someone with no stints at all is taken
 * at their own recorded house and party, since not every signer is on a roster (peers, activists).
 *
 * The rule is kept by the database in StintSpan, each person's days cut into spans with one stint
 * in force (docs/decisions/027-stint-spans.md): a plain join, an index lookup for a page and a
 * hash join for an export, where a lookup per row (a LATERAL subquery with LIMIT) was never run by
 * PostgreSQL's parallel workers and cost 10 µs a row (issue 26).
 */
export const ON_DAY_SQL = (day: string, alias = 'on_day') => `LEFT JOIN "StintSpan" ${alias}
    ON ${alias}."personId" = p.id AND ${alias}."fromDay" <= ${day} AND coalesce(${alias}."toDay", 'infinity'::date) >= ${day}`;

/** Stint `m` covers the day (an open start or end runs for ever). */
const STINT_ON = (m: string, day: string) =>
  `coalesce(${m}."startDate", '-infinity'::date) <= ${day} AND coalesce(${m}."endDate", 'infinity'::date) >= ${day}`;
/** Of several stints on one day, the one that counts comes first: the latest started. */
const STINT_ORDER = 'ms."startDate" DESC NULLS LAST, ms.id DESC';

/**
 * The same rule for the ballots of many divisions at once (a row per ballot and stint on the
 * division's day, `n` = 1 for the stint that counts, `sat` whether any was in the division's
 * house): one join instead of a lookup per ballot (issue 22, the list's first read). A ballot
 * with no stint on the day has no row here; callers take the current party, as PARTY_ON_DAY does.
 */
export const BALLOT_STINTS_ON_DAYS_SQL = (days: string) => `(
    SELECT b."divisionId" AS division_id, b."personId" AS person_id, ms.party,
           row_number() OVER (PARTITION BY b."divisionId", b."personId" ORDER BY ${STINT_ORDER}) AS n,
           bool_or(ms.house = dd.house) OVER (PARTITION BY b."divisionId", b."personId") AS sat
    FROM "Ballot" b JOIN ${days} dd ON dd.id = b."divisionId"
    JOIN "Membership" ms ON ms."personId" = b."personId" AND ${STINT_ON('ms', 'dd.day')}
  )`;

/** House, party and seat as on the day of the `on_day` join, else the person's current ones (for display and filters). */
export const HOUSE_ON_DAY = 'coalesce(on_day.house, p.house)';
export const PARTY_ON_DAY = 'coalesce(on_day.party, p.party)';
export const SEAT_ON_DAY = 'coalesce(on_day.constituency, p.constituency)';

/** The person of the `on_day` join could sign campaign `campaign` that day, by house and party. */
export const ELIGIBLE_SQL = (campaign = 'c', alias = 'on_day') =>
  `coalesce(${alias}.house = ANY(${campaign}."eligibleHouses") AND (cardinality(coalesce(${campaign}."eligibleParties", '{}')) = 0 OR ${alias}.party = ANY(${campaign}."eligibleParties")), false)`;

/**
 * The ids (person_id) of a body's members on a day: whoever sat that day in one of its member
 * houses for one of its member parties, and whoever is named as a member for that day.
 */
export const BODY_MEMBERS_SQL = (body: string, day: string) => `(
    SELECT ms."personId" AS person_id FROM "Membership" ms
    WHERE cardinality(coalesce(${body}."memberHouses", '{}')) > 0 AND ms.house = ANY(${body}."memberHouses")
      AND (cardinality(coalesce(${body}."memberParties", '{}')) = 0 OR ms.party = ANY(${body}."memberParties"))
      AND coalesce(ms."startDate", '-infinity'::date) <= ${day} AND coalesce(ms."endDate", 'infinity'::date) >= ${day}
    UNION
    SELECT bm."personId" FROM "BodyMember" bm
    WHERE bm."bodyId" = ${body}.id AND coalesce(bm."startDate", '-infinity'::date) <= ${day} AND coalesce(bm."endDate", 'infinity'::date) >= ${day}
  )`;

/**
 * The stage `s`'s latest division (`d`) and the day whose membership decides who may vote
 * (`vd.day`): the division's day, else the scheduled day, else the day set for the count, else
 * today. `override` (an SQL date expression) is that day instead. The whip count and the
 * positions export both read it, so a file has the voters the page has.
 */
export const STAGE_DAY_SQL = (override = 'NULL') => `
  LEFT JOIN LATERAL (SELECT id, "heldOn" FROM "Division" WHERE "stageId" = s.id ORDER BY "heldOn" DESC NULLS LAST, id DESC LIMIT 1) d ON true
  CROSS JOIN LATERAL (SELECT coalesce(${override}::date, d."heldOn", s."scheduledOn", s."membersOn", current_date) AS day) vd`;

/** Stint `m` is the Speaker's on the day. */
const SPEAKER_ON = (m: string, day: string) => `${m}.party = 'Speaker' AND ${STINT_ON(m, day)}`;
/** Role `r` is a chair's (Speaker, Deputy Speaker, Chairman or Deputy Chairman of Ways and Means, Lord Speaker), held on the day. */
const CHAIR_ROLE_ON = (r: string, day: string) =>
  `${r}.title ~* '^(the )?(lord speaker|speaker|deputy speaker|(first |second )?deputy chairman of ways and means|chairman of ways and means)\\M'
      AND (${r}."heldOn" = ${day} OR (${r}."startedOn" IS NOT NULL AND ${r}."startedOn" <= ${day} AND coalesce(${r}."endedOn", 'infinity'::date) >= ${day}))`;

/**
 * Person `person_id` (an SQL expression) is in the Chair on a day, and so does not vote: the
 * Speaker (sitting as "Speaker" on the day), or holding a chair's role that day (Deputy Speaker,
 * Chairman or Deputy Chairman of Ways and Means, Lord Speaker). What a house's division needs, and
 * its turnout, count those who can vote (issue 22).
 */
export const IN_THE_CHAIR_SQL = (person: string, day: string) => `(
    EXISTS (SELECT 1 FROM "Membership" cm WHERE ${SPEAKER_ON('cm', day)} AND cm."personId" = ${person})
    OR EXISTS (SELECT 1 FROM "Role" cr WHERE ${CHAIR_ROLE_ON('cr', day)} AND cr."personId" = ${person})
  )`;

/** The same rule for many days at once: (division_id, person_id) of whoever is in the Chair on the day of each row of `days` (id, day). */
export const IN_THE_CHAIR_ON_DAYS_SQL = (days: string) => `(
    SELECT dd.id AS division_id, cm."personId" AS person_id FROM ${days} dd JOIN "Membership" cm ON ${SPEAKER_ON('cm', 'dd.day')}
    UNION
    SELECT dd.id, cr."personId" FROM ${days} dd JOIN "Role" cr ON ${CHAIR_ROLE_ON('cr', 'dd.day')}
  )`;

/** A body's size on a day: the latest size recorded on or before it, else its members counted from stints (NULL when neither is known). */
export const BODY_SIZE_SQL = (body: string, day: string) => `coalesce(
    (SELECT bsz.size FROM "BodySize" bsz WHERE bsz."bodyId" = ${body}.id AND bsz."asOf" <= ${day} ORDER BY bsz."asOf" DESC LIMIT 1),
    nullif((SELECT count(*)::int FROM ${BODY_MEMBERS_SQL(body, day)} members), 0))`;

/** The day a campaign's eligible non-signers are counted on: its latest reported tally, else when it opened, else today. */
export const CAMPAIGN_DAY_SQL = (campaign = 'c') =>
  `coalesce((SELECT max(t."asOf") FROM "Tally" t WHERE t."campaignId" = ${campaign}.id), ${campaign}."openedOn", current_date)`;

/**
 * The day a record is known by, the one rule for every dated fact: its own day (`column`), else
 * the day its source (alias `src`) published it, else the day it was recorded here.
 */
export const knownOnSql = (alias: string, column: string) =>
  `coalesce(${alias}."${column}", (src."publishedAt" AT TIME ZONE 'UTC')::date, (${alias}."createdAt" AT TIME ZONE 'UTC')::date)`;

/** The day we know a signature by: when it was signed, else its source's day, else when it was recorded. */
export const KNOWN_ON_SQL = knownOnSql('sig', 'signedOn');

/** The signer's house and party on the day they signed (the `onSigningDay` join) may sign this campaign. */
export const eligibleSigner = Prisma.raw(ELIGIBLE_SQL());
export const eligibleFor = (campaign: string, alias?: string) => Prisma.raw(ELIGIBLE_SQL(campaign, alias));
/** The `on_day` join for a signature's known-on day (needs the aliases p, sig and src). */
export const onSigningDay = Prisma.raw(ON_DAY_SQL(KNOWN_ON_SQL));
export const onDay = (day: string, alias?: string) => Prisma.raw(ON_DAY_SQL(day, alias));

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
