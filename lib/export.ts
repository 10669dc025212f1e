// CSV reports, streamed straight from PostgreSQL with COPY … TO STDOUT: memory stays flat
// whatever the row count. Formula-looking text is neutralised in SQL (csv_safe, a migration);
// numbers stay numbers. Column order is part of the contract (docs/csv.md). Rows are ordered by
// campaign slug bytewise (COLLATE "C": slugs are ASCII by a CHECK), the same order on every server
// whatever its locale, and cheaper than the locale's rules.
import 'server-only';
import { Readable, Transform } from 'node:stream';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { requireRole, type RequestContext } from './auth/session';
import { clientAddress } from './auth/client-address';
import { AppError } from './errors';
import { SIGNATURE_SORT_SQL, signatureQuerySchema } from './signatures';
import {
  BODY_MEMBERS_SQL,
  BODY_SIZE_SQL,
  CAMPAIGN_DAY_SQL,
  containsPattern,
  ELIGIBLE_SQL,
  HOUSE_ON_DAY,
  KNOWN_ON_SQL,
  ON_DAY_SQL,
  PARTY_ON_DAY,
  SEAT_ON_DAY,
  STAGE_DAY_SQL,
} from './sql';
import { connectionBudget } from './connections';
import { siteUrl } from './site-url';
import { isSlug, stagePosition } from './validation';
import { placementOrderSql } from './placement';

const holder = globalThis as unknown as { whipcountCopyPool?: pg.Pool };

/**
 * A small pool of plain pg connections for COPY, which Prisma does not speak. A download waits at
 * most a few seconds for one; a statement (one COPY, however slowly its reader reads) may run five
 * minutes, and a transaction left idle (the archive's snapshot between files) half a minute.
 */
function copyPool(): pg.Pool {
  holder.whipcountCopyPool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: connectionBudget().copy,
    connectionTimeoutMillis: Number(process.env.WHIPCOUNT_EXPORT_WAIT_MS ?? 5000),
    statement_timeout: 300_000,
    idle_in_transaction_session_timeout: 30_000,
  });
  return holder.whipcountCopyPool;
}

/**
 * How long a download may wait for its reader to take the next part before it is closed, its
 * slot and its connection given back (issue 23: a client that stopped reading, or never started,
 * held them for good). Time the database spends producing the next part does not count.
 */
export const stallLimitMs = () => Number(process.env.WHIPCOUNT_EXPORT_STALL_MS ?? 30_000);

/**
 * A web stream of a download that reads its source only as the client takes it (no read-ahead),
 * and says when the client has had all of it, went away, or took nothing for `stallLimitMs()`:
 * what a download slot is held for. A stalled reader's stream ends in an error, which closes the
 * response.
 */
export function downloadStream(source: Readable, onDone: () => void): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  const limit = stallLimitMs();
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  const finish = () => {
    clearTimeout(timer);
    if (finished) return false;
    finished = true;
    onDone();
    return true;
  };
  let waitForReader = (): void => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        waitForReader = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            if (!finish()) return;
            console.warn(`[download] the reader took nothing for ${limit} ms: closed, its slot and connection freed`);
            source.destroy();
            controller.error(new Error(`the reader took nothing for ${limit} ms`));
          }, limit);
          timer.unref();
        };
        waitForReader();
      },
      async pull(controller) {
        clearTimeout(timer);
        try {
          const { value, done } = await chunks.next();
          if (finished) return;
          if (done) {
            controller.close();
            finish();
          } else {
            controller.enqueue(value instanceof Uint8Array ? value : Buffer.from(value));
            waitForReader();
          }
        } catch (error) {
          if (finished) return;
          controller.error(error);
          finish();
        }
      },
      cancel() {
        finish();
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/** Downloads one client may have under way at once (in this app process). */
export const EXPORTS_PER_CLIENT = 2;
const running = new Map<string, number>();

/**
 * Claims one of the client's download slots (by its address), held until the client has received
 * the whole file or gone away: a slow reader counts against its own limit, not everyone's.
 * Returns the function that gives it back (safe to call more than once).
 */
export function claimDownload(owner = 'unknown'): () => void {
  const now = running.get(owner) ?? 0;
  if (now >= EXPORTS_PER_CLIENT) {
    throw new AppError(
      'RATE_LIMITED',
      `You already have ${now} downloads under way; wait for one to finish, then try again.`,
      { retryAfter: 10 },
    );
  }
  running.set(owner, now + 1);
  let freed = false;
  return () => {
    if (freed) return;
    freed = true;
    const left = (running.get(owner) ?? 1) - 1;
    if (left > 0) running.set(owner, left);
    else running.delete(owner);
  };
}

/** A download's slot (for the client of `headers`) and its COPY connection; the slot is given back if no connection comes. */
export async function startDownload(headers?: Headers) {
  const freeSlot = claimDownload(headers ? clientAddress(headers) : undefined);
  try {
    return { ...(await copyConnection()), freeSlot };
  } catch (error) {
    freeSlot();
    throw error;
  }
}

/**
 * A COPY connection whose `release` may be called by several stream events: only the first
 * counts. Refused with 503 (and when to retry) when every connection stays busy.
 */
export async function copyConnection() {
  let client: pg.PoolClient;
  try {
    client = await copyPool().connect();
  } catch (error) {
    if (/timeout exceeded when trying to connect/i.test((error as Error).message)) {
      throw new AppError('UNAVAILABLE', 'Every export connection is busy just now; try again in a few seconds.', {
        retryAfter: 5,
      });
    }
    throw error;
  }
  let released = false;
  return {
    client,
    isReleased: () => released,
    release(error?: Error) {
      if (released) return;
      released = true;
      client.release(error);
    },
  };
}

const lit = (value: string) => pg.Client.prototype.escapeLiteral(value);
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const safe = (column: string) => `csv_safe(${column})`;
const bool = (column: string) => `CASE WHEN ${column} THEN 'true' ELSE 'false' END`;
const SOURCE = (a: string) =>
  `${safe(`${a}.publisher`)} AS source_publisher, ${safe(`${a}.title`)} AS source_title, ${instant(`${a}."publishedAt"`)} AS source_published_at, ${safe(`${a}.url`)} AS source_url`;

interface ExportDef {
  /** Only signed-in users (viewer or above) may download it. */
  private?: boolean;
  query: (params: URLSearchParams) => { sql: string; slug?: string };
}

function signaturesQuery(params: URLSearchParams) {
  const campaign = params.get('campaign');
  if (campaign !== null && !isSlug(campaign))
    throw new AppError('INVALID', 'campaign must be a campaign slug, e.g. plp-motion.');
  const q = signatureQuerySchema.parse(Object.fromEntries(params));
  const where = ['TRUE'];
  if (campaign) where.push(`c.slug = ${lit(campaign)}`);
  // The page's default is standing signatures; a whole-database export defaults to all of them.
  const status = params.get('status') ?? (campaign ? 'standing' : 'all');
  if (status === 'standing') where.push('sig."withdrawnOn" IS NULL');
  if (status === 'withdrawn') where.push('sig."withdrawnOn" IS NOT NULL');
  if (q.house) where.push(`${HOUSE_ON_DAY} = ${lit(q.house)}::"House"`);
  if (q.party) where.push(`${PARTY_ON_DAY} = ${lit(q.party)}`);
  if (q.confidence) where.push(`sig.confidence = ${lit(q.confidence)}::"Confidence"`);
  if (q.q) {
    const like = lit(containsPattern(q.q));
    where.push(`(p.name ILIKE ${like} OR ${SEAT_ON_DAY} ILIKE ${like} OR sig."roleAtSigning" ILIKE ${like})`);
  }
  return {
    slug: campaign ?? undefined,
    sql: `
      SELECT c.slug AS campaign, p.slug AS person, ${safe('p.name')} AS name, ${safe('p.honorific')} AS honorific, ${HOUSE_ON_DAY} AS house, ${safe(PARTY_ON_DAY)} AS party,
             ${safe(SEAT_ON_DAY)} AS constituency, ${safe('sig."roleAtSigning"')} AS role_at_signing, ${day('sig."signedOn"')} AS signed_on,
             ${day(KNOWN_ON_SQL)} AS known_on, sig.confidence,
             ${bool('sig."isLeadSponsor"')} AS lead_sponsor, ${day('sig."withdrawnOn"')} AS withdrawn_on, ${safe('sig."withdrawalReason"')} AS withdrawal_reason,
             ${bool(`sig."withdrawnOn" IS NULL AND ${ELIGIBLE_SQL()}`)} AS counted, ${safe('sig.note')} AS note, ${SOURCE('src')}
      FROM "Signature" sig JOIN "Person" p ON p.id = sig."personId" JOIN "Campaign" c ON c.id = sig."campaignId" JOIN "Source" src ON src.id = sig."sourceId"
      ${ON_DAY_SQL(KNOWN_ON_SQL)}
      WHERE ${where.join(' AND ')}
      ORDER BY c.slug COLLATE "C", ${SIGNATURE_SORT_SQL[q.sort]} ${q.dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, p."sortName", sig.id`,
  };
}

/**
 * Every position on every vote, the whole history (a newer one supersedes, nothing is
 * overwritten): stated ones, and those derived from signatures by a stage's rule for the members
 * who may vote, marked `derived` with the campaign they come from (issue 24: the page counted 5
 * FOR from signatures that this file left out). Each member's in the placement order the whip
 * count reads (lib/placement.ts), oldest first.
 */
function positionsQuery(params: URLSearchParams) {
  const campaign = params.get('campaign');
  const stage = params.get('stage');
  if (campaign !== null && !isSlug(campaign))
    throw new AppError('INVALID', 'campaign must be a campaign slug, e.g. plp-motion.');
  if (stage !== null && stagePosition(stage) === null)
    throw new AppError('INVALID', 'stage must be a stage number, e.g. 2.');
  const where = ['TRUE'];
  if (campaign) where.push(`c.slug = ${lit(campaign)}`);
  if (stage) where.push(`s.position = ${Number(stage)}`);
  return {
    slug: campaign ? `${campaign}${stage ? `-stage-${stage}` : ''}` : undefined,
    sql: `
      SELECT campaign, stage, stage_name, person, name, position, stated_on, confidence, quote, statement_id, note,
             derived, derived_from, source_publisher, source_title, source_published_at, source_url
      FROM (
        SELECT c.slug AS campaign, s.position AS stage, ${safe('s.name')} AS stage_name, p.slug AS person, ${safe('p.name')} AS name,
               pos.stand AS position, ${day('pos."statedOn"')} AS stated_on, pos.confidence, ${safe('pos.quote')} AS quote, pos."statementId" AS statement_id,
               ${safe('pos.note')} AS note, 'false' AS derived, NULL AS derived_from, ${SOURCE('src')},
               p."sortName" AS sort_name, pos."statedOn" AS on_day, false AS is_derived, pos.id
        FROM "Position" pos JOIN "Stage" s ON s.id = pos."stageId" JOIN "Campaign" c ON c.id = s."campaignId"
        JOIN "Person" p ON p.id = pos."personId" JOIN "Source" src ON src.id = pos."sourceId"
        WHERE ${where.join(' AND ')}
        UNION ALL
        SELECT c.slug, s.position, ${safe('s.name')}, p.slug, ${safe('p.name')},
               r.stand, ${day(KNOWN_ON_SQL)}, sig.confidence, NULL, NULL,
               ${safe('r.note')}, 'true', sc.slug, ${SOURCE('src')},
               p."sortName", ${KNOWN_ON_SQL}, true, sig.id
        FROM "PositionRule" r JOIN "Stage" s ON s.id = r."stageId" JOIN "Campaign" c ON c.id = s."campaignId"
        JOIN "Body" b ON b.id = s."bodyId" ${STAGE_DAY_SQL()}
        JOIN "Campaign" sc ON sc.id = r."campaignId"
        JOIN "Signature" sig ON sig."campaignId" = r."campaignId" AND sig."withdrawnOn" IS NULL
        JOIN "Person" p ON p.id = sig."personId" JOIN "Source" src ON src.id = sig."sourceId"
        WHERE ${where.join(' AND ')} AND sig."personId" IN (SELECT person_id FROM ${BODY_MEMBERS_SQL('b', 'vd.day')} voters)
      ) h
      ORDER BY campaign COLLATE "C", stage, sort_name, person COLLATE "C", ${placementOrderSql({ onDay: 'on_day', derived: 'is_derived', id: 'id' })}`,
  };
}

export const EXPORTS: Record<string, ExportDef> = {
  signatures: { query: signaturesQuery },
  people: {
    query: () => ({
      sql: `
        SELECT p.slug, ${safe('p.name')} AS name, ${safe('p.honorific')} AS honorific, ${safe('p."sortName"')} AS sort_name, p.house, ${safe('p.party')} AS party,
               ${safe('p.constituency')} AS constituency,
               ${safe(`(SELECT value FROM "PersonIdentifier" i WHERE i."personId" = p.id AND i.scheme = 'everypolitician' LIMIT 1)`)} AS everypolitician_id,
               ${safe(`(SELECT value FROM "PersonIdentifier" i WHERE i."personId" = p.id AND i.scheme = 'wikidata' LIMIT 1)`)} AS wikidata_id,
               ${safe(`(SELECT string_agg(r.title || coalesce(' (' || r.organisation || ')', ''), ' | ' ORDER BY r.id) FROM "Role" r WHERE r."personId" = p.id)`)} AS roles,
               ${SOURCE('src')}
        FROM "Person" p JOIN "Source" src ON src.id = p."sourceId"
        ORDER BY p."sortName", p.id`,
    }),
  },
  roles: {
    query: () => ({
      sql: `
        SELECT p.slug AS person, ${safe('r.title')} AS title, ${safe('r.organisation')} AS organisation, b.slug AS body,
               ${day('r."startedOn"')} AS started_on, ${day('r."endedOn"')} AS ended_on, ${day('r."heldOn"')} AS held_on, r.confidence, ${SOURCE('src')}
        FROM "Role" r JOIN "Person" p ON p.id = r."personId" LEFT JOIN "Body" b ON b.id = r."bodyId" JOIN "Source" src ON src.id = r."sourceId"
        ORDER BY p."sortName", r.id`,
    }),
  },
  statements: {
    query: () => ({
      sql: `
        SELECT st.id, p.slug AS person, ${safe('coalesce(p.name, st."speakerLabel")')} AS speaker, c.slug AS campaign, ${safe('st.subject')} AS subject, st.stance,
               ${safe('st.quote')} AS quote, ${safe('st.summary')} AS summary, ${day('st."saidOn"')} AS said_on, st.confidence, ${SOURCE('src')}
        FROM "Statement" st LEFT JOIN "Person" p ON p.id = st."personId" LEFT JOIN "Campaign" c ON c.id = st."campaignId" JOIN "Source" src ON src.id = st."sourceId"
        ORDER BY st.id`,
    }),
  },
  polls: {
    query: () => ({
      sql: `
        SELECT poll.id, ${safe('poll.pollster')} AS pollster, p.slug AS subject, ${safe('p.name')} AS subject_name, ${safe('poll."subjectRole"')} AS subject_role,
               ${day('poll."fieldworkStart"')} AS fieldwork_start, ${day('poll."fieldworkEnd"')} AS fieldwork_end, poll.satisfied, poll.dissatisfied,
               poll."dontKnow" AS dont_know, poll.net, poll."sampleSize" AS sample_size, ${safe('poll.note')} AS note, poll.confidence, ${SOURCE('src')}
        FROM "Poll" poll JOIN "Person" p ON p.id = poll."subjectPersonId" JOIN "Source" src ON src.id = poll."sourceId"
        ORDER BY poll."subjectRole", poll.net, poll.id`,
    }),
  },
  tallies: {
    query: () => ({
      sql: `
        SELECT c.slug AS campaign, ${day('t."asOf"')} AS as_of, t.qualifier, t.count, ${safe('t.scope')} AS scope, t.confidence, ${SOURCE('src')}
        FROM "Tally" t JOIN "Campaign" c ON c.id = t."campaignId" JOIN "Source" src ON src.id = t."sourceId"
        ORDER BY c.slug COLLATE "C", t."asOf", t.id`,
    }),
  },
  thresholds: {
    query: () => ({
      sql: `
        SELECT c.slug AS campaign, ${safe('th.label')} AS label, th.purpose, th."absoluteValue" AS absolute_value, th."sharePercent" AS share_percent,
               b.slug AS body, bs.size AS body_size,
               coalesce(th."absoluteValue", ceil(th."sharePercent" * bs.size / 100)::int) AS value, ${SOURCE('src')}
        FROM "Threshold" th JOIN "Campaign" c ON c.id = th."campaignId" LEFT JOIN "Body" b ON b.id = th."bodyId"
        -- The body's size as the campaign page counts it (issue 24: a share of a body counted from
        -- its members had no size and no value here, while the page said 52 of 256).
        LEFT JOIN LATERAL (SELECT ${BODY_SIZE_SQL('b', CAMPAIGN_DAY_SQL('c'))} AS size) bs ON b.id IS NOT NULL
        JOIN "Source" src ON src.id = th."sourceId"
        ORDER BY c.slug COLLATE "C", th.id`,
    }),
  },
  stages: {
    query: () => ({
      sql: `
        SELECT c.slug AS campaign, s.position, ${safe('s.name')} AS name, b.slug AS body, ${day('s."scheduledOn"')} AS scheduled_on,
               ${safe('s."scheduleNote"')} AS schedule_note, s.status, ${safe('s."decisionRule"')} AS decision_rule, ${SOURCE('src')}
        FROM "Stage" s JOIN "Campaign" c ON c.id = s."campaignId" LEFT JOIN "Body" b ON b.id = s."bodyId" JOIN "Source" src ON src.id = s."sourceId"
        ORDER BY c.slug COLLATE "C", s.position`,
    }),
  },
  ballots: {
    query: () => ({
      sql: `
        SELECT c.slug AS campaign, s.position AS stage, d.id AS division, ${safe('d.question')} AS question, ${day('d."heldOn"')} AS held_on,
               p.slug AS person, ${safe('p.name')} AS name, bl.vote, ${bool('bl.teller')} AS teller,
               lower(d.house::text) AS house, d.number, ${safe(PARTY_ON_DAY)} AS party, ${safe(SEAT_ON_DAY)} AS constituency,
               ${safe('bl.proxy')} AS proxy
        FROM "Ballot" bl JOIN "Division" d ON d.id = bl."divisionId" LEFT JOIN "Stage" s ON s.id = d."stageId"
        LEFT JOIN "Campaign" c ON c.id = s."campaignId" JOIN "Person" p ON p.id = bl."personId"
        ${ON_DAY_SQL('coalesce(d."heldOn", current_date)')}
        ORDER BY c.slug COLLATE "C" NULLS LAST, s.position, d."heldOn", d.number, d.id, p."sortName"`,
    }),
  },
  positions: { query: positionsQuery },
  audit: {
    private: true,
    query: () => ({
      sql: `
        SELECT e.id, ${instant('e.at')} AS at, ${safe('e.actor')} AS actor, e.action, e.entity, e."entityId" AS entity_id,
               ${safe('e.before::text')} AS before, ${safe('e.after::text')} AS after
        FROM "AuditEvent" e ORDER BY e.id`,
    }),
  },
};

/**
 * PostgreSQL ends CSV records with LF; RFC 4180 wants CRLF. Rewrites record ends only, leaving
 * line breaks inside quoted fields as they are. Optionally starts with a UTF-8 BOM for Excel.
 */
export function rfc4180(bom: boolean): Transform {
  let inQuotes = false;
  let first = true;
  return new Transform({
    // The buffer's own (native) search finds each quote and line end, not a loop over every byte:
    // the export is about 140 MB a million rows (issue 26).
    transform(chunk: Buffer, _encoding, done) {
      const parts: Buffer[] = first && bom ? [BOM] : [];
      first = false;
      let start = 0;
      let quote = chunk.indexOf(0x22);
      let lineEnd = chunk.indexOf(0x0a);
      for (;;) {
        if (inQuotes) {
          // Inside a quoted field (a doubled quote closes and reopens it): line ends stay as they are.
          if (quote === -1) break;
          inQuotes = false;
          if (lineEnd !== -1 && lineEnd < quote) lineEnd = chunk.indexOf(0x0a, quote + 1);
          quote = chunk.indexOf(0x22, quote + 1);
        } else if (lineEnd !== -1 && (quote === -1 || lineEnd < quote)) {
          parts.push(chunk.subarray(start, lineEnd), CR);
          start = lineEnd;
          lineEnd = chunk.indexOf(0x0a, lineEnd + 1);
        } else if (quote !== -1) {
          inQuotes = true;
          quote = chunk.indexOf(0x22, quote + 1);
        } else break;
      }
      parts.push(chunk.subarray(start));
      done(null, Buffer.concat(parts));
    },
  });
}
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CR = Buffer.from([0x0d]);

export interface OpenedExport {
  filename: string;
  /** What the file is and when it was made, for an `X-Whipcount-Export` header (the CSV itself stays plain). */
  description: string;
  stream: ReadableStream<Uint8Array>;
}

/** Starts streaming an export. Checks the role for private ones; refuses bad parameters. */
/**
 * What an export would be (its file name and description), checked as a download is (the export
 * exists, a private one needs a session) but without taking a slot or a connection: the answer to
 * a HEAD request, which reads no body and so would never give them back (issue 23).
 */
export async function describeExport(
  name: string,
  params: URLSearchParams,
  ctx?: RequestContext,
): Promise<Omit<OpenedExport, 'stream'> & { sql: string }> {
  const def = Object.hasOwn(EXPORTS, name) ? EXPORTS[name] : undefined;
  if (!def)
    throw new AppError('NOT_FOUND', `There is no export called ${name}. Exports: ${Object.keys(EXPORTS).join(', ')}.`);
  if (def.private) await requireRole('viewer', ctx);
  const { sql, slug } = def.query(params);
  const made = new Date().toISOString();
  const filters = [...params.entries()].filter(([k, v]) => v && k !== 'excel').map(([k, v]) => `${k}=${v}`);
  return {
    sql,
    filename: `whipcount-${name}${slug ? `-${slug}` : ''}-${made.slice(0, 10)}.csv`,
    description: `Whipcount ${name}${filters.length ? ` (${filters.join(', ')})` : ''}, made ${made} from ${siteUrl()}`,
  };
}

export async function openExport(name: string, params: URLSearchParams, ctx?: RequestContext): Promise<OpenedExport> {
  const { sql, filename, description } = await describeExport(name, params, ctx);
  const { client, release, isReleased, freeSlot } = await startDownload(ctx?.headers);
  const copy = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
  const body = copy.pipe(rfc4180(params.get('excel') === '1'));
  copy.on('error', (error) => {
    // A download its reader left (or was cut off for stalling) ends its connection on purpose.
    if (isReleased()) return;
    console.error(`[export ${name}] COPY failed:`, error);
    body.destroy(error);
    release(error);
  });
  copy.on('end', () => release());
  body.on('close', () => {
    // A client that disconnects early: stop reading and give the connection back.
    if (!isReleased()) {
      copy.destroy();
      release(new Error('export cancelled'));
    }
  });
  return { filename, description, stream: downloadStream(body, freeSlot) };
}
