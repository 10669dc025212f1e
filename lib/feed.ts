// Atom feeds of what changed, site-wide and per campaign (/feed.xml, /campaigns/{slug}/feed.xml):
// new signatures and withdrawals, reported tallies, stage status changes, statements, positions,
// imports and division lists, from the audit trail of public records; and thresholds crossed, from
// the count itself. An entry names what changed and its source, never who made the change nor a
// private field: only the columns picked below leave the database.
import 'server-only';
import { getCampaign } from './campaigns';
import { db } from './db';
import { divisionPath } from './divisions';
import { STAND_LABEL } from './decision-rule';
import { formatDay, titleCase } from './format';
import { absoluteUrl } from './site-url';
import { atomXml } from './atom';
import { describeTally } from './tally';
import type { Stand, TallyQualifier } from './generated/prisma/enums';

export const FEED_ENTRIES = 50;

interface Event {
  id: bigint;
  at: Date;
  action: string;
  entity: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  options: Record<string, unknown> | null;
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

/** Audit events that say something to a reader: creations, withdrawals, stage status changes, imports. */
const NEWS_SQL = `(
  (e.entity IN ('signature', 'tally', 'statement', 'position', 'stage', 'ballot-list') AND e.action = 'create')
  OR (e.entity = 'signature' AND e.action = 'update' AND (e.before->>'withdrawnOn') IS DISTINCT FROM (e.after->>'withdrawnOn'))
  OR (e.entity = 'stage' AND e.action = 'update' AND (e.before->>'status') IS DISTINCT FROM (e.after->>'status'))
  OR (e.action = 'import' AND e.entity IN ('import:signatures', 'import:positions', 'import:ballots'))
)`;

/** The events of one campaign: its own rows, its stages' positions and division lists, imports into it. */
const OF_CAMPAIGN_SQL = `(
  coalesce(e.after->>'campaignId', e.before->>'campaignId') = $1::text
  OR (e.entity = 'position' AND (e.after->>'stageId')::int IN (SELECT id FROM "Stage" WHERE "campaignId" = $1::text::int))
  OR (e.entity = 'ballot-list' AND (e.after->>'divisionId')::int IN (SELECT d.id FROM "Division" d JOIN "Stage" s ON s.id = d."stageId" WHERE s."campaignId" = $1::text::int))
  OR (j.options->>'campaignId') = $1::text
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

const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Names for the ids the events mention, fetched once per kind. */
async function lookups(events: Event[]) {
  const ids = (kind: string) => [
    ...new Set(
      events
        .flatMap((e) => [num(e.after?.[kind]), num(e.before?.[kind]), num(e.options?.[kind])])
        .filter((v): v is number => v !== null),
    ),
  ];
  const [people, campaigns, stages, divisions] = await Promise.all([
    db().person.findMany({ where: { id: { in: ids('personId') } }, select: { id: true, name: true, slug: true } }),
    db().campaign.findMany({ where: { id: { in: ids('campaignId') } }, select: { id: true, title: true, slug: true } }),
    db().stage.findMany({
      where: { id: { in: ids('stageId') } },
      select: { id: true, name: true, position: true, campaign: { select: { id: true, slug: true, title: true } } },
    }),
    db().division.findMany({
      where: { id: { in: ids('divisionId') } },
      select: {
        id: true,
        question: true,
        house: true,
        heldOn: true,
        number: true,
        stage: { select: { position: true, campaign: { select: { id: true, slug: true, title: true } } } },
      },
    }),
  ]);
  return {
    person: new Map(people.map((p) => [p.id, p])),
    campaign: new Map(campaigns.map((c) => [c.id, c])),
    stage: new Map(stages.map((s) => [s.id, s])),
    division: new Map(divisions.map((d) => [d.id, d])),
  };
}

function describe(e: Event, names: Awaited<ReturnType<typeof lookups>>): Entry | null {
  const row = e.after ?? e.before ?? {};
  const person = names.person.get(num(row.personId) ?? -1);
  const who = person?.name ?? str(row.speakerLabel) ?? 'Someone';
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
      if (!campaign) return null;
      const withdrawn = str(e.after?.withdrawnOn);
      if (e.action === 'update') {
        return withdrawn
          ? {
              ...base,
              title: `${who} withdrew from “${campaign.title}”`,
              link: campaignLink,
              text: `${who}’s name was withdrawn on ${formatDay(withdrawn)}${str(e.after?.withdrawalReason) ? `: ${str(e.after?.withdrawalReason)}` : ''}.`,
            }
          : {
              ...base,
              title: `${who} is a signatory of “${campaign.title}” again`,
              link: campaignLink,
              text: `${who}’s withdrawal was reversed.`,
            };
      }
      const signed = str(row.signedOn);
      return {
        ...base,
        title: `${who} signed “${campaign.title}”`,
        link: campaignLink,
        text: `${who} is a named signatory${signed ? ` (signed ${formatDay(signed)})` : ''}.`,
      };
    }
    case 'tally': {
      if (!campaign) return null;
      const count = num(row.count);
      const asOf = str(row.asOf);
      const told =
        count === null ? 'a new tally' : describeTally(count, (str(row.qualifier) ?? 'EXACT') as TallyQualifier);
      return {
        ...base,
        title: `Reported: ${told} for “${campaign.title}”`,
        link: campaignLink,
        text: `A tally of ${told}${str(row.scope) ? ` (${str(row.scope)})` : ''}${asOf ? ` as of ${formatDay(asOf)}` : ''}.`,
      };
    }
    case 'stage': {
      if (!campaign) return null;
      const status = titleCase(str(e.after?.status) ?? 'PENDING').toLowerCase();
      const name = str(row.name) ?? 'A stage';
      const link = `/campaigns/${campaign.slug}#stages`;
      return e.action === 'create'
        ? {
            ...base,
            title: `New stage of “${campaign.title}”: ${name}`,
            link,
            text: `Stage ${num(row.position) ?? ''} “${name}” is ${status}.`,
          }
        : {
            ...base,
            title: `${name}: now ${status}`,
            link,
            text: `Stage ${num(row.position) ?? ''} of “${campaign.title}” was ${titleCase(str(e.before?.status) ?? 'PENDING').toLowerCase()} and is now ${status}.`,
          };
    }
    case 'statement': {
      const subject = str(row.subject) ?? 'a statement';
      const words = str(row.quote) ? `“${str(row.quote)}”` : (str(row.summary) ?? '');
      return {
        ...base,
        title: `${who} on ${subject}`,
        link: person ? `/people/${person.slug}` : campaignLink,
        text: `${titleCase(str(row.stance) ?? 'UNCLEAR')}. ${words}`.trim(),
      };
    }
    case 'position': {
      const stage = names.stage.get(num(row.stageId) ?? -1);
      if (!stage) return null;
      const stand = STAND_LABEL[(str(row.stand) ?? 'UNDECIDED') as Stand] ?? 'Placed';
      return {
        ...base,
        campaignId: stage.campaign.id,
        title: `${who}: ${stand.toLowerCase()} — ${stage.name}`,
        link: `/campaigns/${stage.campaign.slug}/stages/${stage.position}`,
        text: `${who} is placed ${stand.toLowerCase()} on “${stage.name}” (${stage.campaign.title})${str(row.statedOn) ? ` as of ${formatDay(str(row.statedOn))}` : ''}.`,
      };
    }
    case 'ballot-list': {
      const division = names.division.get(num(row.divisionId) ?? -1);
      if (!division) return null;
      return {
        ...base,
        campaignId: division.stage?.campaign.id ?? null,
        title: `The vote: ${division.question}`,
        link:
          division.house && division.heldOn && division.number
            ? divisionPath(division.house, division.heldOn.toISOString().slice(0, 10), division.number)
            : `/campaigns/${division.stage!.campaign.slug}/stages/${division.stage!.position}#vote`,
        text: `How each member voted is recorded: ayes ${num(row.ayes) ?? '?'}, noes ${num(row.noes) ?? '?'}.`,
      };
    }
    default: {
      if (e.action !== 'import') return null;
      const what = e.entity.slice('import:'.length);
      const rows = num(row.rows) ?? 0;
      return {
        ...base,
        title: `${rows} ${what} recorded${campaign ? ` for “${campaign.title}”` : ''}`,
        link: campaignLink,
        text: `${rows} ${what} were recorded from a file${campaign ? '' : ' (several campaigns)'}; each row names its own source on the page.`,
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
  const [events, version] = await Promise.all([
    newsEvents(campaign?.id ?? null),
    db().dataVersion.findUnique({ where: { id: 1 }, select: { epoch: true, changedAt: true } }),
  ]);
  const names = await lookups(events);
  const changed = campaign
    ? [campaign.slug]
    : [
        ...new Set(
          events
            .map(
              (e) =>
                names.campaign.get(num((e.after ?? e.before)?.campaignId) ?? num(e.options?.campaignId) ?? -1)?.slug,
            )
            .filter((s): s is string => !!s),
        ),
      ];
  const entries = [
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
