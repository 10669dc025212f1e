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

/** Empty campaigns added for the import benchmark (campaign-{campaigns+1} onwards). */
export const IMPORT_CAMPAIGNS = 50;

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

async function copyRows(client: pg.PoolClient, table: string, columns: string[], rows: Iterable<string>) {
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

const day = (base: number, offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);

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

  await copyRows(
    client,
    'Person',
    ['id', 'slug', 'name', 'sortName', 'house', 'party', 'constituency', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let i = 1; i <= scale.people; i++) {
          const house = i % 4 === 0 ? 'LORDS' : 'COMMONS';
          yield `${i}\tperson-${i}\tPerson ${i}\t${i}, Person\t${house}\t${PARTIES[i % PARTIES.length]}\t${house === 'COMMONS' ? `Seat ${i}` : '\\N'}\t1\t${now}\n`;
        }
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

/** A signatures CSV for the empty campaigns: `rows` rows, people by name, matched on import. */
export function importCsv(scale: Scale, rows: number): string {
  const lines = ['campaign,name,signed_on'];
  for (let n = 0; n < rows; n++) {
    const campaign = scale.campaigns + 1 + Math.floor(n / scale.people);
    lines.push(`campaign-${campaign},Person ${(n % scale.people) + 1},2019-10-01`);
  }
  return lines.join('\n') + '\n';
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The bench house: members of a Commons of their own, and the divisions they voted in (issue 22). */
export const HOUSE_MEMBERS = 650;
export const HOUSE_DIVISIONS = 400;
const HOUSE_FIRST_ID = 1_000_001;
const MEMBER_ID = (i: number) => 50_000 + i;

/**
 * A house of `members` people ("Member 1 …", ids from 1,000,001 so as not to touch the people
 * the other figures use), each with a stint from 2019-01-01, by name and seat only: the first
 * division import matches them by name and seat and remembers Parliament's ids.
 */
export async function generateHouse(client: pg.PoolClient, members = HOUSE_MEMBERS): Promise<void> {
  const now = new Date().toISOString();
  const party = (i: number) => PARTIES[i % PARTIES.length];
  await copyRows(
    client,
    'Person',
    ['id', 'slug', 'name', 'sortName', 'house', 'party', 'constituency', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let i = 1; i <= members; i++)
          yield `${HOUSE_FIRST_ID + i}\tmember-${i}\tMember ${i}\t${i}, Member\tCOMMONS\t${party(i)}\tConstituency ${i}\t1\t${now}\n`;
      })(),
    ),
  );
  await copyRows(
    client,
    'PersonAlias',
    ['personId', 'alias', 'normalized'],
    chunked(
      (function* () {
        for (let i = 1; i <= members; i++) yield `${HOUSE_FIRST_ID + i}\tMember ${i}\tmember ${i}\n`;
      })(),
    ),
  );
  await copyRows(
    client,
    'Membership',
    ['personId', 'house', 'party', 'constituency', 'startDate', 'sourceId', 'updatedAt'],
    chunked(
      (function* () {
        for (let i = 1; i <= members; i++)
          yield `${HOUSE_FIRST_ID + i}\tCOMMONS\t${party(i)}\tConstituency ${i}\t2019-01-01\t1\t${now}\n`;
      })(),
    ),
  );
  await client.query('VACUUM (ANALYZE) "Person", "PersonAlias", "Membership"');
}

/**
 * Division `n` of the bench house as the Commons Votes API publishes it: on day n after 2019-01-01,
 * members 1–2 telling for the ayes and 3–4 for the noes, the rest aye, no or absent by a seeded
 * draw (about 47 %, 45 %, 8 %), so that each party splits a little and has rebels.
 */
export function officialDivision(n: number, members = HOUSE_MEMBERS): string {
  const rand = random(1000 + n);
  const member = (i: number) => ({
    MemberId: MEMBER_ID(i),
    Name: `Member ${i}`,
    ListAs: `${i}, Member`,
    Party: PARTIES[i % PARTIES.length],
    PartyAbbreviation: null,
    MemberFrom: `Constituency ${i}`,
    ProxyName: null,
  });
  const ayes = [];
  const noes = [];
  for (let i = 5; i <= members; i++) {
    // Each party leans one way per division; a few of its members go the other.
    const partyLeansAye = (PARTIES.indexOf(PARTIES[i % PARTIES.length]!) + n) % 2 === 0;
    const r = rand();
    if (r < 0.08) continue;
    const withParty = r < 0.9;
    if (withParty === partyLeansAye) ayes.push(member(i));
    else noes.push(member(i));
  }
  return JSON.stringify({
    DivisionId: 900_000 + n,
    Date: `${day(Date.parse('2019-01-01T00:00:00Z'), n)}T19:00:00`,
    Number: n,
    IsDeferred: false,
    Title: `Bench division ${n}`,
    AyeCount: ayes.length,
    NoCount: noes.length,
    AyeTellers: [member(1), member(2)],
    NoTellers: [member(3), member(4)],
    Ayes: ayes,
    Noes: noes,
    NoVoteRecorded: [],
  });
}
