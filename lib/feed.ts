// Atom feeds of what happened, site-wide and per campaign (/feed.xml, /campaigns/{slug}/feed.xml).
// Two kinds of entry (issue 24):
// - the dated facts of the data set itself, each dated by when it happened: signatures and
//   withdrawals, reported tallies, statements, positions, campaigns opened, divisions held. A
//   fresh install's seed is in its feeds, and a signature entered today for 28 June 2019 is
//   dated 28 June 2019 (its id is new, so feed readers still show it as new);
// - changes to the tracker that have no date of their own, from the audit trail, dated when they
//   were made: a threshold or stage added, a stage's status changed, a withdrawal reversed, a roster
//   or ballots file imported;
// and thresholds crossed, from the count itself. An entry names what happened and its source, never
// who made the change nor a private field: only the columns picked below leave the database.
import 'server-only';
import { getCampaign } from './campaigns';
import { db } from './db';
import { divisionPath } from './divisions';
import { STAND_LABEL } from './decision-rule';
import { formatDay, isoDay, titleCase } from './format';
import { absoluteUrl } from './site-url';
import { atomXml } from './atom';
import { KNOWN_ON_SQL, knownOnSql } from './sql';
import { describeTally } from './tally';
import type { Stand, TallyQualifier } from './generated/prisma/enums';
import type { Signature, Stage, Threshold } from './generated/prisma/client';
import { column, type ImportAudit, type Snapshot } from './audit';
import type { ImportOptions } from './import/kinds';

export const FEED_ENTRIES = 50;

/** The records whose audit events the feed reads (NEWS_SQL), and the imports'. */
type Audited = Snapshot<Threshold> | Snapshot<Stage> | Snapshot<Signature> | ImportAudit;

interface Event {
  id: bigint;
  at: Date;
  action: string;
  entity: string;
  before: Audited | null;
  after: Audited | null;
  options: Pick<ImportOptions, 'campaignId' | 'sourceId'> | null;
}

interface Entry {
  id: string;
  title: string;
  link: string;
  date: Date;
  text: string;
  sourceId: number | null;
  campaignId: number | null;
}

/**
 * Audit events that say something to a reader and are not a dated fact of the data set (those are
 * read from their own tables: `RECORDS_SQL`): thresholds and stages added, stage status changes,
 * withdrawals reversed, roster and ballots files imported.
 */
const WITHDRAWN_ON = column<Signature>('withdrawnOn');
const STATUS = column<Stage>('status');
const NEWS_SQL = `(
  (e.entity IN ('threshold', 'stage') AND e.action = 'create')
  OR (e.entity = 'signature' AND e.action = 'update' AND (e.before->>'${WITHDRAWN_ON}') IS NOT NULL AND (e.after->>'${WITHDRAWN_ON}') IS NULL)
  OR (e.entity = 'stage' AND e.action = 'update' AND (e.before->>'${STATUS}') IS DISTINCT FROM (e.after->>'${STATUS}'))
  OR (e.action = 'import' AND e.entity IN ('import:roster', 'import:ballots'))
)`;

/** The events of one campaign: its own rows (thresholds, stages, signatures), imports into it. */
const CAMPAIGN_ID = column<Threshold & Stage & Signature>('campaignId');
const OF_CAMPAIGN_SQL = `(
  coalesce(e.after->>'${CAMPAIGN_ID}', e.before->>'${CAMPAIGN_ID}') = $1::text
  OR (j.options->>'${column<ImportOptions>('campaignId')}') = $1::text
)`;

async function newsEvents(campaignId: number | null): Promise<Event[]> {
  const sql = `
    SELECT e.id, e.at, e.action, e.entity, e.before, e.after, j.options
    FROM "AuditEvent" e
    LEFT JOIN "ImportJob" j ON e.action = 'import' AND j.id::text = e."entityId"
    WHERE ${NEWS_SQL} ${campaignId === null ? '' : `AND ${OF_CAMPAIGN_SQL}`}
    ORDER BY e.id DESC LIMIT ${FEED_ENTRIES}`;
  return campaignId === null
    ? db().$queryRawUnsafe<Event[]>(sql)
    : db().$queryRawUnsafe<Event[]>(sql, String(campaignId));
}

/**
 * The data set's dated facts, each dated by when it happened (the day it is known on), newest
 * first, at most FEED_ENTRIES of each kind: `$1` is a campaign's id, or null for every campaign.
 * The day rules are the pages' own (`KNOWN_ON_SQL` for a signature).
 */
const RECORDS_SQL = `
  (SELECT 'signature' AS kind, sig.id, ${KNOWN_ON_SQL} AS day, sig."createdAt" AS at, sig."campaignId" AS campaign_id,
          sig."personId" AS person_id, sig."sourceId" AS source_id, sig."signedOn" AS signed_on, NULL::text AS label,
          NULL::text AS words, NULL::int AS count, NULL::text AS code, NULL::int AS stage_id, NULL::int AS division_id
   FROM "Signature" sig JOIN "Source" src ON src.id = sig."sourceId"
   WHERE $1::int IS NULL OR sig."campaignId" = $1::int
   ORDER BY day DESC, sig.id DESC LIMIT ${FEED_ENTRIES})
  UNION ALL
  (SELECT 'withdrawal', sig.id, sig."withdrawnOn", sig."updatedAt", sig."campaignId", sig."personId", sig."sourceId",
          sig."signedOn", NULL, sig."withdrawalReason", NULL, NULL, NULL, NULL
   FROM "Signature" sig
   WHERE sig."withdrawnOn" IS NOT NULL AND ($1::int IS NULL OR sig."campaignId" = $1::int)
   ORDER BY sig."withdrawnOn" DESC, sig.id DESC LIMIT ${FEED_ENTRIES})
  UNION ALL
  (SELECT 'tally', t.id, t."asOf", t."createdAt", t."campaignId", NULL, t."sourceId", NULL, NULL, t.scope, t.count,
          t.qualifier::text, NULL, NULL
   FROM "Tally" t
   WHERE $1::int IS NULL OR t."campaignId" = $1::int
   ORDER BY t."asOf" DESC, t.id DESC LIMIT ${FEED_ENTRIES})
  UNION ALL
  (SELECT 'statement', st.id, ${knownOnSql('st', 'saidOn')} AS day,
          st."createdAt", st."campaignId", st."personId", st."sourceId", NULL, st.subject,
          coalesce('“' || st.quote || '”', st.summary), NULL, st.stance::text, NULL, NULL
   FROM "Statement" st JOIN "Source" src ON src.id = st."sourceId"
   WHERE $1::int IS NULL OR st."campaignId" = $1::int
   ORDER BY day DESC, st.id DESC LIMIT ${FEED_ENTRIES})
  UNION ALL
  (SELECT 'position', pos.id, pos."statedOn", pos."createdAt", s."campaignId", pos."personId", pos."sourceId", NULL, NULL,
          '“' || pos.quote || '”', NULL, pos.stand::text, pos."stageId", NULL
   FROM "Position" pos JOIN "Stage" s ON s.id = pos."stageId"
   WHERE $1::int IS NULL OR s."campaignId" = $1::int
   ORDER BY pos."statedOn" DESC, pos.id DESC LIMIT ${FEED_ENTRIES})
  UNION ALL
  (SELECT 'campaign', c.id, ${knownOnSql('c', 'openedOn')} AS day,
          c."createdAt", c.id, NULL, c."sourceId", NULL, NULL, NULL, NULL, c.kind::text, NULL, NULL
   FROM "Campaign" c JOIN "Source" src ON src.id = c."sourceId"
   WHERE $1::int IS NULL OR c.id = $1::int
   ORDER BY day DESC, c.id DESC LIMIT ${FEED_ENTRIES})
  UNION ALL
  (SELECT 'division', d.id, coalesce(d."heldOn", (d."createdAt" AT TIME ZONE 'UTC')::date) AS day, d."createdAt", s."campaignId",
          NULL, d."sourceId", NULL, d.question, NULL, NULL, NULL, d."stageId", d.id
   FROM "Division" d LEFT JOIN "Stage" s ON s.id = d."stageId"
   WHERE $1::int IS NULL OR s."campaignId" = $1::int
   ORDER BY day DESC, d.id DESC LIMIT ${FEED_ENTRIES})`;

interface RecordRow {
  kind: 'signature' | 'withdrawal' | 'tally' | 'statement' | 'position' | 'campaign' | 'division';
  id: number;
  day: Date;
  campaign_id: number | null;
  source_id: number;
  signed_on: Date | null;
  /** A statement's subject; a division's question. */
  label: string | null;
  /** Words: a tally's scope, a withdrawal's reason, a statement's quote or summary, a position's quote. */
  words: string | null;
  count: number | null;
  /** An enum: a tally's qualifier, a statement's stance, a position's stand, a campaign's kind. */
  code: string | null;
  person: string | null;
  person_slug: string | null;
  speaker: string | null;
  campaign_slug: string | null;
  campaign_title: string | null;
  stage_name: string | null;
  stage_position: number | null;
  house: string | null;
  held_on: Date | null;
  number: number | null;
  ayes: number | null;
  noes: number | null;
}

/** The newest FEED_ENTRIES dated facts, with the names they mention. */
function recordRows(campaignId: number | null): Promise<RecordRow[]> {
  return db().$queryRawUnsafe<RecordRow[]>(
    `SELECT r.*, p.name AS person, p.slug AS person_slug, st."speakerLabel" AS speaker, c.slug AS campaign_slug,
            c.title AS campaign_title, s.name AS stage_name, s.position AS stage_position,
            d.house::text AS house, d."heldOn" AS held_on, d.number, d.ayes, d.noes
     FROM (SELECT * FROM (${RECORDS_SQL}) u ORDER BY day DESC, at DESC, id DESC LIMIT ${FEED_ENTRIES}) r
     LEFT JOIN "Person" p ON p.id = r.person_id
     LEFT JOIN "Statement" st ON r.kind = 'statement' AND st.id = r.id
     LEFT JOIN "Campaign" c ON c.id = r.campaign_id
     LEFT JOIN "Stage" s ON s.id = r.stage_id
     LEFT JOIN "Division" d ON d.id = r.division_id
     ORDER BY r.day DESC, r.at DESC, r.id DESC`,
    campaignId,
  );
}

/** A dated fact as a feed entry, dated by the day it happened. */
function describeRecord(r: RecordRow): Entry | null {
  const who = r.person ?? r.speaker ?? 'Someone';
  const campaign = r.campaign_slug ? { slug: r.campaign_slug, title: r.campaign_title! } : null;
  const base = { id: `${r.kind}:${r.id}`, date: r.day, sourceId: r.source_id, campaignId: r.campaign_id };
  const campaignLink = campaign ? `/campaigns/${campaign.slug}` : '/';
  switch (r.kind) {
    case 'signature':
      if (!campaign) return null;
      return {
        ...base,
        title: `${who} signed “${campaign.title}”`,
        link: campaignLink,
        text: `${who} is a named signatory${r.signed_on ? ` (signed ${formatDay(r.signed_on)})` : ' (the day of signing is not recorded: dated by its source)'}.`,
      };
    case 'withdrawal':
      if (!campaign) return null;
      return {
        ...base,
        title: `${who} withdrew from “${campaign.title}”`,
        link: campaignLink,
        text: `${who}’s name was withdrawn on ${formatDay(r.day)}${r.words ? `: ${r.words}` : ''}.`,
      };
    case 'tally': {
      if (!campaign) return null;
      const told = describeTally(r.count ?? 0, (r.code ?? 'EXACT') as TallyQualifier);
      return {
        ...base,
        title: `Reported: ${told} for “${campaign.title}”`,
        link: campaignLink,
        text: `A tally of ${told}${r.words ? ` (${r.words})` : ''} as of ${formatDay(r.day)}.`,
      };
    }
    case 'statement':
      return {
        ...base,
        title: `${who} on ${r.label}`,
        link: r.person_slug ? `/people/${r.person_slug}` : campaignLink,
        text: `${titleCase(r.code ?? 'UNCLEAR')}. ${r.words ?? ''}`.trim(),
      };
    case 'position': {
      if (!campaign || r.stage_position === null) return null;
      const stand = (STAND_LABEL[r.code as Stand] ?? 'Placed').toLowerCase();
      return {
        ...base,
        title: `${who}: ${stand} — ${r.stage_name}`,
        link: `/campaigns/${campaign.slug}/stages/${r.stage_position}`,
        text: `${who} is placed ${stand} on “${r.stage_name}” (${campaign.title}) as of ${formatDay(r.day)}.${r.words ? ` ${r.words}` : ''}`,
      };
    }
    case 'campaign':
      if (!campaign) return null;
      return {
        ...base,
        title: `${titleCase(r.code ?? 'campaign')} opened: “${campaign.title}”`,
        link: campaignLink,
        text: `“${campaign.title}” is recorded as of ${formatDay(r.day)}.`,
      };
    case 'division':
      return {
        ...base,
        title: `The vote: ${r.label}`,
        link:
          r.house && r.held_on && r.number !== null
            ? divisionPath(r.house, isoDay(r.held_on)!, r.number)
            : campaign && r.stage_position !== null
              ? `/campaigns/${campaign.slug}/stages/${r.stage_position}#vote`
              : '/divisions',
        text:
          r.ayes !== null && r.noes !== null
            ? `${r.ayes} ayes, ${r.noes} noes (tellers apart), on ${formatDay(r.day)}.`
            : `A division on ${formatDay(r.day)}; its totals are not recorded yet.`,
      };
  }
}

const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Names for the ids the events mention, fetched once per kind. */
async function lookups(events: Event[]) {
  const ids = (kind: 'personId' | 'campaignId') => [
    ...new Set(
      events
        .flatMap((e) => [
          num(recordOf(e.after)[kind]),
          num(recordOf(e.before)[kind]),
          num(kind === 'campaignId' ? e.options?.campaignId : null),
        ])
        .filter((v): v is number => v !== null),
    ),
  ];
  const [people, campaigns] = await Promise.all([
    db().person.findMany({ where: { id: { in: ids('personId') } }, select: { id: true, name: true, slug: true } }),
    db().campaign.findMany({ where: { id: { in: ids('campaignId') } }, select: { id: true, title: true, slug: true } }),
  ]);
  return {
    person: new Map(people.map((p) => [p.id, p])),
    campaign: new Map(campaigns.map((c) => [c.id, c])),
  };
}

/** The columns a record's event shares with the others' (who, which campaign, which source). */
const recordOf = (a: Audited | null) => (a ?? {}) as Snapshot<Pick<Signature, 'personId' | 'campaignId' | 'sourceId'>>;

function describe(e: Event, names: Awaited<ReturnType<typeof lookups>>): Entry | null {
  const row = recordOf(e.after ?? e.before);
  const person = names.person.get(num(row.personId) ?? -1);
  const who = person?.name ?? 'Someone';
  const campaign = names.campaign.get(num(row.campaignId) ?? num(e.options?.campaignId) ?? -1);
  const base = {
    id: `audit:${e.id}`,
    date: e.at,
    sourceId: num(row.sourceId) ?? num(e.options?.sourceId),
    campaignId: campaign?.id ?? null,
  };
  const campaignLink = campaign ? `/campaigns/${campaign.slug}` : '/';
  switch (e.entity) {
    case 'signature': {
      // Only a reversed withdrawal is read from the audit trail (NEWS_SQL); signing and withdrawing are dated facts.
      if (!campaign) return null;
      return {
        ...base,
        title: `${who} is a signatory of “${campaign.title}” again`,
        link: campaignLink,
        text: `${who}’s withdrawal was reversed.`,
      };
    }
    case 'threshold': {
      if (!campaign) return null;
      const t = (e.after ?? e.before) as Snapshot<Threshold>;
      const label = str(t.label) ?? 'a threshold';
      const share = t.sharePercent == null ? null : Number(t.sharePercent);
      const value = num(t.absoluteValue);
      return {
        ...base,
        title: `New threshold for “${campaign.title}”: ${label}`,
        link: `/campaigns/${campaign.slug}#count`,
        text: `“${label}” (${titleCase(str(t.purpose) ?? 'TARGET').toLowerCase()}): ${value !== null ? `${value} names` : share !== null ? `${share}% of the body` : 'no value recorded'}.`,
      };
    }
    case 'stage': {
      if (!campaign) return null;
      const [before, after] = [e.before as Snapshot<Stage> | null, e.after as Snapshot<Stage> | null];
      const stage = after ?? before ?? {};
      const status = titleCase(str(after?.status) ?? 'PENDING').toLowerCase();
      const name = str(stage.name) ?? 'A stage';
      const link = `/campaigns/${campaign.slug}#stages`;
      return e.action === 'create'
        ? {
            ...base,
            title: `New stage of “${campaign.title}”: ${name}`,
            link,
            text: `Stage ${num(stage.position) ?? ''} “${name}” is ${status}.`,
          }
        : {
            ...base,
            title: `${name}: now ${status}`,
            link,
            text: `Stage ${num(stage.position) ?? ''} of “${campaign.title}” was ${titleCase(str(before?.status) ?? 'PENDING').toLowerCase()} and is now ${status}.`,
          };
    }
    default: {
      if (e.action !== 'import') return null;
      const done = (e.after ?? {}) as Partial<ImportAudit>;
      const rows = num(done.rows) ?? 0;
      if (e.entity === 'import:roster')
        return {
          ...base,
          title: `Roster updated from a file of ${rows} rows`,
          link: '/people',
          text: str(done.summary) ?? `${rows} rows of members were recorded.`,
        };
      return {
        ...base,
        title: `${rows} ballots recorded${campaign ? ` for “${campaign.title}”` : ''}`,
        link: campaignLink,
        text: `${rows} ballots were recorded from a file; each names its own source on the page.`,
      };
    }
  }
}

/** Thresholds the named count has crossed, as entries on the day it reached them. */
async function crossings(campaignSlugs: string[]): Promise<Entry[]> {
  const details = await Promise.all(campaignSlugs.map((slug) => getCampaign(slug)));
  return details.flatMap((c) =>
    !c
      ? []
      : c.thresholds
          .filter((t) => t.crossedOn && t.value !== null)
          .map((t) => ({
            id: `threshold:${t.id}:${t.crossedOn}`,
            title: `“${c.title}” reached ${t.label} (${t.value})`,
            link: `/campaigns/${c.slug}#count`,
            date: new Date(`${t.crossedOn}T00:00:00Z`),
            text: `Named signatories counted towards “${t.label}” reached ${t.value} on ${formatDay(t.crossedOn)}.`,
            sourceId: t.source.id,
            campaignId: c.id,
          })),
  );
}

/** The Atom document of the site's changes, or of one campaign's (null: no such campaign). */
export async function changesFeed(campaignSlug: string | null): Promise<string | null> {
  const campaign =
    campaignSlug === null
      ? null
      : await db().campaign.findUnique({
          where: { slug: campaignSlug },
          select: { id: true, slug: true, title: true },
        });
  if (campaignSlug !== null && !campaign) return null;
  const [records, events, version] = await Promise.all([
    recordRows(campaign?.id ?? null),
    newsEvents(campaign?.id ?? null),
    db().dataVersion.findUnique({ where: { id: 1 }, select: { epoch: true, changedAt: true } }),
  ]);
  const names = await lookups(events);
  const changed = campaign
    ? [campaign.slug]
    : [
        ...new Set(
          [
            ...records.map((r) => r.campaign_slug),
            ...events.map(
              (e) =>
                names.campaign.get(num(recordOf(e.after ?? e.before).campaignId) ?? num(e.options?.campaignId) ?? -1)
                  ?.slug,
            ),
          ].filter((s): s is string => !!s),
        ),
      ];
  const entries = [
    ...records.map(describeRecord).filter((e): e is Entry => e !== null),
    ...events.map((e) => describe(e, names)).filter((e): e is Entry => e !== null),
    ...(await crossings(changed)),
  ]
    .sort((a, b) => +b.date - +a.date)
    .slice(0, FEED_ENTRIES);
  const sources = new Map(
    (
      await db().source.findMany({
        where: { id: { in: [...new Set(entries.map((e) => e.sourceId).filter((v): v is number => v !== null))] } },
        select: { id: true, publisher: true, title: true, url: true, publishedAt: true },
      })
    ).map((s) => [s.id, s]),
  );

  const self = absoluteUrl(campaign ? `/campaigns/${campaign.slug}/feed.xml` : '/feed.xml');
  return atomXml({
    id: `urn:whipcount:${version?.epoch ?? 'x'}:${campaign ? `campaign:${campaign.id}` : 'site'}`,
    title: campaign ? `${campaign.title} — changes on Whipcount` : 'Whipcount — what changed',
    subtitle:
      'New signatures and withdrawals, reported tallies, thresholds crossed, stage changes, statements and positions, each with its source.',
    link: absoluteUrl(campaign ? `/campaigns/${campaign.slug}` : '/'),
    self,
    updated: entries[0]?.date ?? version?.changedAt ?? new Date(),
    generator: 'Whipcount',
    author: { name: 'Whipcount', uri: absoluteUrl('/') },
    rights: 'Facts as reported by the sources named in each entry.',
    entries: entries.map((entry) => {
      const source = entry.sourceId === null ? undefined : sources.get(entry.sourceId);
      const cite = source
        ? `Source: ${source.publisher}, “${source.title}”${source.publishedAt ? `, ${formatDay(source.publishedAt)}` : ''}${source.url ? ` — ${source.url}` : ''}.`
        : '';
      return {
        id: `urn:whipcount:${version?.epoch ?? 'x'}:${entry.id}`,
        title: entry.title,
        link: absoluteUrl(entry.link),
        updated: entry.date,
        summary: `${entry.text} ${cite}`.trim(),
        contentHtml: `<p>${escapeHtml(entry.text)}</p>${source ? `<p>Source: <a href="${escapeHtml(source.url ?? absoluteUrl(`/sources/${source.id}`))}">${escapeHtml(`${source.publisher}, “${source.title}”`)}</a>${source.publishedAt ? `, ${formatDay(source.publishedAt)}` : ''}</p>` : ''}`,
      };
    }),
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export const FEED_HEADERS = { 'Content-Type': 'application/atom+xml; charset=utf-8' };
