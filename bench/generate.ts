// A deterministic data set at realistic scale, written with COPY: people, campaigns with a
// skewed number of signatures (a few with hundreds or thousands, most with a handful), tallies,
// thresholds, stages and polls. Same seed, same data.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export interface Scale {
  people: number;
  campaigns: number;
  signatures: number;
}

export const FULL: Scale = { people: 2_000, campaigns: 20_000, signatures: 1_000_000 };
export const QUICK: Scale = { people: 200, campaigns: 2_000, signatures: 100_000 };

/** The whip-count benchmark: a body of this many named members voting at campaign-1's stage 2, with this many position records. */
export const WHIP_MEMBERS = 650;
export const WHIP_POSITIONS = 20_000;
const STANDS = ['FOR', 'LEANING_FOR', 'UNDECIDED', 'LEANING_AGAINST', 'AGAINST', 'WILL_NOT_VOTE'];

/** Runs of the import benchmark, each beside a COPY FROM of as many rows into the same table. */
export const IMPORT_RUNS = 3;
/**
 * Empty campaigns added for the import benchmark (campaign-{campaigns+1} onwards): per run, 50
 * for the import (100,000 rows at full scale) and 50 for the COPY FROM beside it.
 */
export const IMPORT_CAMPAIGNS = IMPORT_RUNS * 2 * 50;

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like sizes, capped at the number of people, summing exactly to `total`. */
export function campaignSizes(scale: Scale): number[] {
  const weight = (i: number) => 1 / (i + 1) ** 0.75;
  let k = 1;
  const sizes = (k: number) =>
    Array.from({ length: scale.campaigns }, (_, i) => Math.min(scale.people, Math.max(1, Math.floor(k * weight(i)))));
  let lo = 0;
  let hi = scale.signatures;
  for (let n = 0; n < 60; n++) {
    k = (lo + hi) / 2;
    const sum = sizes(k).reduce((a, b) => a + b, 0);
    if (sum < scale.signatures) lo = k;
    else hi = k;
  }
  const result = sizes(hi);
  // Trim the overshoot from the smallest campaigns above one signature.
  let excess = result.reduce((a, b) => a + b, 0) - scale.signatures;
  for (let i = result.length - 1; excess > 0 && i >= 0; i--) {
    while (excess > 0 && result[i]! > 1) {
      result[i]!--;
      excess--;
    }
  }
  return result;
}

const PARTIES = ['Labour', 'Conservative', 'Scottish National Party', 'Liberal Democrat', 'Independent'];
const KINDS = ['MOTION', 'LETTER', 'STATEMENT', 'PETITION'];

const homeHouse = (i: number) => (i % 4 === 0 ? 'LORDS' : 'COMMONS');
const homeParty = (i: number) => PARTIES[i % PARTIES.length]!;

/** Three Commons terms, as the real rosters of 2010–19 have them (issue 26). */
export const TERMS = [
  { name: '55', start: '2010-05-06', end: '2015-03-30' },
  { name: '56', start: '2015-05-07', end: '2017-05-03' },
  { name: '57', start: '2017-06-08', end: '2019-11-06' },
];

export interface Stint {
  personId: number;
  house: 'COMMONS' | 'LORDS';
  /** Index into TERMS; null for the Lords. */
  term: number | null;
  party: string;
  seat: string | null;
  start: string;
  end: string | null;
  change: 'ELECTED' | 'DEFECTION' | 'WHIP_WITHDRAWN' | null;
}

/** The Commons seats of a data set: 650 at full scale, in proportion below it. */
export const seatsOf = (scale: Scale) => Math.min(650, Math.round(scale.people * 0.325));

/**
 * Everyone's stints, shaped like the real rosters of 2010–19: 650 seats over three terms, about
 * three in four members re-elected each time (some 1,000 people for 1,950 seats), and about one
 * stint in thirty split mid-term by a defection or a withdrawn whip. Peers sit from 2010 on;
 * the other Commons people (activists, candidates) are on no roster. In seat order per term.
 */
export function stintPlan(scale: Scale): Stint[] {
  const rand = random(2010);
  const commons = Array.from({ length: scale.people }, (_, k) => k + 1).filter((i) => homeHouse(i) === 'COMMONS');
  const seats = seatsOf(scale);
  const stints: Stint[] = [];
  let holders = commons.slice(0, seats);
  let next = seats;
  TERMS.forEach((term, t) => {
    if (t > 0) holders = holders.map((p) => (rand() < 0.75 || next >= commons.length ? p : commons[next++]!));
    const days = (Date.parse(term.end) - Date.parse(term.start)) / 86_400_000;
    holders.forEach((personId, s) => {
      const seat = `Seat ${s + 1}`;
      const party = homeParty(personId);
      const base = { personId, house: 'COMMONS' as const, term: t, seat, change: 'ELECTED' as const };
      if (rand() < 1 / 30) {
        const split = day(Date.parse(term.start), 1 + Math.floor(rand() * (days - 2)));
        const newParty = party === 'Independent' ? 'Labour' : 'Independent';
        stints.push({ ...base, party, start: term.start, end: split });
        stints.push({
          ...base,
          party: newParty,
          start: day(Date.parse(split), 1),
          end: term.end,
          change: newParty === 'Independent' ? 'WHIP_WITHDRAWN' : 'DEFECTION',
        });
      } else stints.push({ ...base, party, start: term.start, end: term.end });
    });
  });
  for (let i = 1; i <= scale.people; i++)
    if (homeHouse(i) === 'LORDS')
      stints.push({
        personId: i,
        house: 'LORDS',
        term: null,
        party: homeParty(i),
        seat: null,
        start: '2010-05-06',
        end: null,
        change: null,
      });
  return stints;
}

export async function copyRows(client: pg.PoolClient, table: string, columns: string[], rows: Iterable<string>) {
  const stream = client.query(
    copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN WITH (FORMAT text)`),
  );
  await pipeline(Readable.from(rows), stream);
}

function* chunked(lines: Iterable<string>, size = 2000): Generator<string> {
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length === size) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) yield batch.join('');
}

function day(base: number, offset: number) {
  return new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Loads the data set into an empty, migrated database. Returns the seconds COPY of signatures took. */
export async function generate(
  client: pg.PoolClient,
  scale: Scale,
  seed = 20190628,
): Promise<{ signatureCopySeconds: number; largest: string; whipStage: number }> {
  const rand = random(seed);
  const now = new Date().toISOString();
  await client.query(
    `INSERT INTO "Source" (id, publisher, title, "updatedAt") VALUES (1, 'Benchmark', 'Generated data', now())`,
  );

  // Each person's house, party and seat are their latest stint's, as a roster import leaves them
  // (refreshCurrentMembership); people never on a roster keep their own.
  const plan = stintPlan(scale);
  const latest = new Map<number, Stint>();
  for (const stint of plan) latest.set(stint.personId, stint);
  await copyRows(
    client,
    'Person',
    ['id', 'slug', 'name', 'sortName', 'house', 'party', 'constituency', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let i = 1; i <= scale.people; i++) {
          const stint = latest.get(i);
          const house = stint?.house ?? homeHouse(i);
          yield `${i}\tperson-${i}\tPerson ${i}\t${i}, Person\t${house}\t${stint?.party ?? homeParty(i)}\t${stint?.seat ?? '\\N'}\t1\t${now}\n`;
        }
      })(),
    ),
  );
  await client.query(
    `INSERT INTO "Term" (id, house, name, label, "startDate", "endDate", "sourceId", "updatedAt") VALUES ${TERMS.map(
      (t, k) => `(${k + 1}, 'COMMONS', '${t.name}', 'Term ${t.name}', '${t.start}', '${t.end}', 1, now())`,
    ).join(', ')}`,
  );
  await copyRows(
    client,
    'Membership',
    ['personId', 'house', 'termId', 'party', 'constituency', 'startDate', 'endDate', 'change', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (const m of plan)
          yield `${m.personId}\t${m.house}\t${m.term === null ? '\\N' : m.term + 1}\t${m.party}\t${m.seat ?? '\\N'}\t${m.start}\t${m.end ?? '\\N'}\t${m.change ?? '\\N'}\t1\t${now}\n`;
      })(),
    ),
  );

  await copyRows(
    client,
    'PersonAlias',
    ['personId', 'alias', 'normalized'],
    chunked(
      (function* () {
        for (let i = 1; i <= scale.people; i++) yield `${i}\tPerson ${i}\tperson ${i}\n`;
      })(),
    ),
  );

  const sizes = campaignSizes(scale);
  const start = Date.parse('2019-01-01T00:00:00Z');
  await copyRows(
    client,
    'Campaign',
    ['id', 'slug', 'title', 'kind', 'status', 'eligibleHouses', 'eligibleParties', 'openedOn', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        // The last IMPORT_CAMPAIGNS campaigns start empty: the import benchmark fills them.
        for (let i = 1; i <= scale.campaigns + IMPORT_CAMPAIGNS; i++) {
          const houses = i % 3 === 0 ? '{COMMONS,LORDS}' : '{COMMONS}';
          yield `${i}\tcampaign-${i}\tCampaign ${i}\t${KINDS[i % KINDS.length]}\tOPEN\t${houses}\t{}\t${day(start, Math.floor(rand() * 300))}\t1\t${now}\n`;
        }
      })(),
    ),
  );

  const began = performance.now();
  await copyRows(
    client,
    'Signature',
    ['campaignId', 'personId', 'signedOn', 'confidence', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let c = 0; c < scale.campaigns; c++) {
          const size = sizes[c]!;
          // Distinct people: a random start and a stride coprime with the number of people.
          let stride = 1 + Math.floor(rand() * (scale.people - 1));
          while (gcd(stride, scale.people) !== 1) stride++;
          const first = Math.floor(rand() * scale.people);
          const opened = Math.floor(rand() * 300);
          for (let k = 0; k < size; k++) {
            const person = ((first + k * stride) % scale.people) + 1;
            const signed = rand() < 0.9 ? day(start, opened + Math.floor(rand() * 30)) : '\\N';
            yield `${c + 1}\t${person}\t${signed}\t${rand() < 0.8 ? 'REPORTED' : 'CONFIRMED'}\t1\t${now}\n`;
          }
        }
      })(),
    ),
  );
  const signatureCopySeconds = (performance.now() - began) / 1000;

  await copyRows(
    client,
    'Tally',
    ['campaignId', 'asOf', 'count', 'qualifier', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let c = 1; c <= scale.campaigns; c += 10)
          yield `${c}\t${day(start, 320)}\t${sizes[c - 1]! + Math.floor(rand() * 50)}\tMORE_THAN\t1\t${now}\n`;
      })(),
    ),
  );
  await copyRows(
    client,
    'Threshold',
    ['campaignId', 'label', 'absoluteValue', 'purpose', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let c = 1; c <= scale.campaigns; c++)
          yield `${c}\tTarget\t${Math.max(1, Math.round(sizes[c - 1]! * 1.2))}\tTARGET\t1\t${now}\n`;
      })(),
    ),
  );
  await copyRows(
    client,
    'Stage',
    ['campaignId', 'position', 'name', 'status', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let c = 1; c <= scale.campaigns; c += 50) {
          yield `${c}\t1\tCommittee\tPASSED\t1\t${now}\n`;
          yield `${c}\t2\tFull vote\tSCHEDULED\t1\t${now}\n`;
        }
      })(),
    ),
  );
  await copyRows(
    client,
    'Poll',
    ['pollster', 'subjectPersonId', 'subjectRole', 'net', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let i = 1; i <= 100; i++)
          yield `Pollster ${i % 5}\t${i}\tLeader\t${Math.round(rand() * 120 - 60)}\t1\t${now}\n`;
      })(),
    ),
  );
  // The whip count: a body of named members (as many as people allow) voting at campaign-1's
  // second stage, signatories of campaign-1 derived as for, and a history of positions.
  const members = Math.min(WHIP_MEMBERS, scale.people);
  await client.query(
    `INSERT INTO "Body" (id, slug, name, "sourceId", "updatedAt") VALUES (1, 'bench-house', 'Bench house', 1, now())`,
  );
  await copyRows(
    client,
    'BodyMember',
    ['bodyId', 'personId', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let i = 1; i <= members; i++) yield `1\t${i}\t1\t${now}\n`;
      })(),
    ),
  );
  const stage = (
    await client.query(
      `UPDATE "Stage" SET "bodyId" = 1, "membersOn" = '2019-06-01' WHERE "campaignId" = 1 AND position = 2 RETURNING id`,
    )
  ).rows[0].id as number;
  await client.query(
    `INSERT INTO "PositionRule" ("stageId", "campaignId", stand, "sourceId", "updatedAt") VALUES ($1, 1, 'FOR', 1, now())`,
    [stage],
  );
  await copyRows(
    client,
    'Position',
    ['stageId', 'personId', 'stand', 'statedOn', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        // Each member restates or moves once a round, a round a day.
        for (let n = 0; n < WHIP_POSITIONS; n++) {
          const person = (n % members) + 1;
          const round = Math.floor(n / members);
          yield `${stage}\t${person}\t${STANDS[Math.floor(rand() * STANDS.length)]}\t${day(start, 100 + round)}\t1\t${now}\n`;
        }
      })(),
    ),
  );

  for (const table of [
    'Source',
    'Person',
    'Term',
    'Membership',
    'Campaign',
    'Signature',
    'Tally',
    'Threshold',
    'Stage',
    'Poll',
    'Body',
    'BodyMember',
    'Position',
    'PositionRule',
  ]) {
    await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
  }
  // Vacuumed as well as analysed: a table just loaded by COPY has no visibility map or hint bits,
  // and autovacuum would otherwise set them while the pages are being measured, on the same cores.
  await client.query('VACUUM (ANALYZE)');
  return { signatureCopySeconds, largest: 'campaign-1', whipStage: stage };
}

/** A division list as Hansard prints it, of every member of the bench body: Ayes first, then Noes. */
export function divisionPaste(members: number): string {
  const lines = ['Division No. 1]', '', 'AYES'];
  for (let i = 1; i <= members; i++) {
    if (i === Math.floor(members / 2) + 1) lines.push('', 'NOES');
    lines.push(`${i}, Person`);
  }
  return lines.join('\n');
}

/** Import run `run`'s empty campaigns: 50 for the import, then 50 for the COPY FROM beside it. */
const importCampaign = (scale: Scale, run: number, copy: boolean, n: number) =>
  scale.campaigns + 1 + (run * 2 + (copy ? 1 : 0)) * 50 + Math.floor(n / scale.people);

/** A signatures CSV for run `run`'s empty campaigns: `rows` rows, people by name, matched on import. */
export function importCsv(scale: Scale, rows: number, run = 0): string {
  const lines = ['campaign,name,signed_on'];
  for (let n = 0; n < rows; n++)
    lines.push(`campaign-${importCampaign(scale, run, false, n)},Person ${(n % scale.people) + 1},2019-10-01`);
  return lines.join('\n') + '\n';
}

/**
 * The same rows as COPY FROM takes them (text format: campaign and person ids, the day, the
 * confidence, source 1), into run `run`'s other 50 campaigns: the floor the import is held to.
 */
export function* signatureCopyRows(scale: Scale, rows: number, run = 0): Generator<string> {
  const now = new Date().toISOString();
  yield* chunked(
    (function* () {
      for (let n = 0; n < rows; n++)
        yield `${importCampaign(scale, run, true, n)}\t${(n % scale.people) + 1}\t2019-10-01\tREPORTED\t1\t${now}\n`;
    })(),
  );
}

export const SIGNATURE_COPY_COLUMNS = ['campaignId', 'personId', 'signedOn', 'confidence', 'sourceId', 'updatedAt'];

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The divisions of the bench's Commons, over the same people and stints as every other figure (issue 26). */
export const HOUSE_DIVISIONS = 400;
const MEMBER_ID = (personId: number) => 50_000 + personId;
/** Division n sits on every second day from 2017-06-15: all 400 fall in the third term. */
export const divisionDay = (n: number) => day(Date.parse('2017-06-13T00:00:00Z'), 2 * n);

/** The Commons members on a day, from the stint plan, in seat order. */
function membersOn(plan: Stint[], on: string): Stint[] {
  return plan.filter((m) => m.house === 'COMMONS' && m.start <= on && (m.end === null || m.end >= on));
}

/**
 * Division `n` as the Commons Votes API publishes it: the members sitting on its day (about 650,
 * with the party each sat for that day), the first two telling for the ayes and the next two for
 * the noes, the rest aye, no or absent by a seeded draw (about 47 %, 45 %, 8 %), so that each party
 * splits a little and has rebels. The file names members as Parliament does; the bench people
 * have no Parliament ids, so the first import matches them by name and seat.
 */
export function officialDivision(n: number, plan: Stint[]): string {
  const rand = random(1000 + n);
  const on = divisionDay(n);
  const member = (m: Stint) => ({
    MemberId: MEMBER_ID(m.personId),
    Name: `Person ${m.personId}`,
    ListAs: `${m.personId}, Person`,
    Party: m.party,
    PartyAbbreviation: null,
    MemberFrom: m.seat,
    ProxyName: null,
  });
  const sitting = membersOn(plan, on);
  const ayes = [];
  const noes = [];
  for (const m of sitting.slice(4)) {
    // Each party leans one way per division; a few of its members go the other.
    const partyLeansAye = (Math.max(0, PARTIES.indexOf(m.party)) + n) % 2 === 0;
    const r = rand();
    if (r < 0.08) continue;
    const withParty = r < 0.9;
    if (withParty === partyLeansAye) ayes.push(member(m));
    else noes.push(member(m));
  }
  return JSON.stringify({
    DivisionId: 900_000 + n,
    Date: `${on}T19:00:00`,
    Number: n,
    IsDeferred: false,
    Title: `Bench division ${n}`,
    AyeCount: ayes.length,
    NoCount: noes.length,
    AyeTellers: sitting.slice(0, 2).map(member),
    NoTellers: sitting.slice(2, 4).map(member),
    Ayes: ayes,
    Noes: noes,
    NoVoteRecorded: [],
  });
}

/**
 * A whip count before each imported division: one campaign of the bench's Commons with a stage
 * per division (its body every member of the house), the division attached, and stated positions
 * for about two in five of the members who then voted, three days before, nine in ten of them as
 * they then voted. Seeded by arithmetic on the ids, so the same data gives the same positions.
 */
export async function attachWhipCounts(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "Campaign" (slug, title, kind, status, "eligibleHouses", "eligibleParties", "sourceId", "updatedAt")
     VALUES ('bench-commons-votes', 'Bench Commons votes', 'MOTION', 'OPEN', '{COMMONS}', '{}', 1, now()) RETURNING id`,
  );
  const campaign = rows[0]!.id;
  await client.query(
    `INSERT INTO "Body" (slug, name, "memberHouses", "sourceId", "updatedAt") VALUES ('bench-commons', 'Bench Commons', '{COMMONS}', 1, now())`,
  );
  await client.query(
    `INSERT INTO "Stage" ("campaignId", position, name, status, "bodyId", "scheduledOn", "sourceId", "updatedAt")
     SELECT $1, d.number, d.question, 'PASSED', (SELECT id FROM "Body" WHERE slug = 'bench-commons'), d."heldOn", 1, now()
     FROM "Division" d WHERE d.house = 'COMMONS' ORDER BY d.number`,
    [campaign],
  );
  await client.query(
    `UPDATE "Division" d SET "stageId" = s.id FROM "Stage" s WHERE s."campaignId" = $1 AND s.position = d.number AND d.house = 'COMMONS'`,
    [campaign],
  );
  await client.query(
    `INSERT INTO "Position" ("stageId", "personId", stand, "statedOn", "sourceId", "updatedAt")
     SELECT d."stageId", b."personId",
            (CASE WHEN (b."personId" * 7 + d.number) % 10 = 0 THEN (CASE b.vote WHEN 'AYE' THEN 'AGAINST' ELSE 'FOR' END)
                  ELSE (CASE b.vote WHEN 'AYE' THEN 'FOR' ELSE 'AGAINST' END) END)::"Stand",
            d."heldOn" - 3, 1, now()
     FROM "Ballot" b JOIN "Division" d ON d.id = b."divisionId"
     WHERE d."stageId" IS NOT NULL AND (b."personId" * 13 + d.number * 5) % 5 < 2`,
  );
  await client.query('VACUUM (ANALYZE) "Campaign", "Stage", "Division", "Position"');
}
