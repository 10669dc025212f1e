// Reads divisions as Parliament's Votes APIs publish them: the Commons Votes API's
// `PublishedDivision` (PascalCase, or camelCase as the same API also serves it) and the Lords Votes
// API's division (camelCase), one object or a list of them. Pure: it checks the shape and the
// arithmetic of each division and says where anything is wrong ("Ayes[12].MemberId"); matching
// members to people is the importer's (lib/official-divisions.ts). docs/decisions/022-divisions.md.

import { namedInLobbies } from './division-outcome';
import { fits, RECORDS, type TextRule, textProblem } from './records';
import { dayOfDateTime } from './validation';

export type OfficialHouse = 'COMMONS' | 'LORDS';

export interface OfficialMember {
  /** Where in the file, for messages: "Ayes[12]". */
  at: string;
  lobby: 'AYE' | 'NO';
  teller: boolean;
  memberId: number | null;
  name: string;
  /** "Abbott, Ms Diane": how the record sorts the member. */
  listAs: string | null;
  party: string | null;
  /** The seat (Commons) or the peerage's territorial designation (Lords). */
  memberFrom: string | null;
  /** The member who cast this vote by proxy. */
  proxyName: string | null;
}

export interface OfficialDivision {
  /** Where in the file, for messages: "division 2 of 3" or "the division". */
  at: string;
  house: OfficialHouse;
  externalId: string;
  /** YYYY-MM-DD. */
  date: string;
  number: number;
  title: string;
  /** Announced totals, tellers apart (null where the record gives none). */
  ayeCount: number | null;
  noCount: number | null;
  deferred: boolean;
  members: OfficialMember[];
}

export interface ReadResult {
  divisions: OfficialDivision[];
  problems: string[];
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field by name, whatever its case ("AyeCount", "ayeCount"). */
export function field(o: Obj, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(o)) if (key.toLowerCase() === lower) return o[key];
  return undefined;
}

const has = (o: Obj, name: string) => field(o, name) !== undefined;

/** The fields that say which house's API wrote a division. */
const COMMONS_LOBBIES = [
  ['Ayes', 'AYE', false],
  ['Noes', 'NO', false],
  ['AyeTellers', 'AYE', true],
  ['NoTellers', 'NO', true],
] as const;
const LORDS_LOBBIES = [
  ['contents', 'AYE', false],
  ['notContents', 'NO', false],
  ['contentTellers', 'AYE', true],
  ['notContentTellers', 'NO', true],
] as const;

/**
 * Reads the text of one file: a division or a list of divisions. Every problem is listed with
 * where it is; a file with any problem should be refused whole.
 */
export function readOfficialDivisions(text: string): ReadResult {
  const parsed = parseJson(text);
  return 'problem' in parsed ? { divisions: [], problems: [parsed.problem] } : readOfficialDivisionsData(parsed.data);
}

/** A file's text as JSON (a byte-order mark allowed), or what is wrong with it. */
export function parseJson(text: string): { data: unknown } | { problem: string } {
  try {
    return { data: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { problem: `Not JSON: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

/** The same, from the file already parsed. */
export function readOfficialDivisionsData(data: unknown): ReadResult {
  const list = Array.isArray(data) ? data : [data];
  if (list.length === 0) return { divisions: [], problems: ['The file holds an empty list: no division in it.'] };
  const divisions: OfficialDivision[] = [];
  const problems: string[] = [];
  list.forEach((item, i) => {
    const at = list.length === 1 ? 'the division' : `division ${i + 1} of ${list.length}`;
    const read = readDivision(item, at);
    problems.push(...read.problems);
    if (read.division) divisions.push(read.division);
  });
  // The same division twice in one file would be imported twice over itself.
  const seen = new Map<string, string>();
  for (const d of divisions) {
    const key = `${d.house}|${d.externalId}`;
    const first = seen.get(key);
    if (first) problems.push(`${d.at}: the same division as ${first} (DivisionId ${d.externalId}).`);
    else seen.set(key, d.at);
  }
  return { divisions: problems.length ? [] : divisions, problems };
}

function readDivision(item: unknown, at: string): { division: OfficialDivision | null; problems: string[] } {
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${at}: ${text}`);
  if (!isObj(item)) {
    say('not a division (expected an object with DivisionId, Date, Number, Ayes, Noes …).');
    return { division: null, problems };
  }
  const commons = COMMONS_LOBBIES.some(([name]) => has(item, name));
  const lords = LORDS_LOBBIES.some(([name]) => has(item, name));
  if (commons === lords) {
    say(
      commons
        ? 'it has both Commons (Ayes, Noes) and Lords (contents, notContents) lobbies.'
        : 'no lobbies: a Commons division has Ayes and Noes, a Lords division contents and notContents.',
    );
    return { division: null, problems };
  }
  const house: OfficialHouse = commons ? 'COMMONS' : 'LORDS';

  const id = field(item, 'DivisionId');
  const externalId = typeof id === 'number' && Number.isInteger(id) && id > 0 ? String(id) : null;
  if (!externalId) say('DivisionId is missing or not a positive whole number.');
  const rawDate = field(item, 'Date');
  const date = typeof rawDate === 'string' ? dayOfDateTime(rawDate) : null;
  if (!date) say('Date is missing or not a date (YYYY-MM-DD…).');
  const number = field(item, 'Number');
  if (!(typeof number === 'number' && Number.isInteger(number) && number > 0))
    say('Number is missing or not a positive whole number.');
  const title = field(item, 'Title');
  if (typeof title !== 'string' || !title.trim()) say('Title is missing.');
  else {
    const problem = textProblem(RECORDS.division.question, title, 'Title');
    if (problem) say(problem);
  }

  const count = (name: string): number | null => {
    const v = field(item, name);
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    say(`${name} is not a whole number.`);
    return null;
  };
  const ayeCount = house === 'COMMONS' ? count('AyeCount') : count('memberContentCount');
  const noCount = house === 'COMMONS' ? count('NoCount') : count('memberNotContentCount');
  const deferred = field(item, 'IsDeferred') === true;

  const members: OfficialMember[] = [];
  for (const [name, lobby, teller] of house === 'COMMONS' ? COMMONS_LOBBIES : LORDS_LOBBIES) {
    const value = field(item, name);
    if (value === undefined || value === null) {
      if (!teller) say(`${name} is missing.`);
      continue;
    }
    if (!Array.isArray(value)) {
      say(`${name} is not a list.`);
      continue;
    }
    value.forEach((m, i) => {
      const where = `${name}[${i}]`;
      const read = readMember(m, where, lobby, teller);
      if (typeof read === 'string') say(read);
      else members.push(read);
    });
  }

  // The announced totals, tellers apart, against the names in each lobby.
  const named = namedInLobbies(
    members,
    (m) => m.lobby,
    (m) => m.teller,
  );
  const [ayeLabel, noLabel, ayeList, noList] =
    house === 'COMMONS'
      ? ['AyeCount', 'NoCount', 'Ayes', 'Noes']
      : ['memberContentCount', 'memberNotContentCount', 'contents', 'notContents'];
  if (ayeCount !== null && ayeCount !== named.ayes)
    say(
      `${ayeLabel} is ${ayeCount} but ${ayeList} names ${named.ayes} (${named.ayes < ayeCount ? 'short by' : 'over by'} ${Math.abs(ayeCount - named.ayes)}).`,
    );
  if (noCount !== null && noCount !== named.noes)
    say(
      `${noLabel} is ${noCount} but ${noList} names ${named.noes} (${named.noes < noCount ? 'short by' : 'over by'} ${Math.abs(noCount - named.noes)}).`,
    );

  // One member, one place: not twice in a lobby, not in both.
  const byId = new Map<number, OfficialMember>();
  for (const m of members) {
    if (m.memberId === null) continue;
    const first = byId.get(m.memberId);
    if (!first) byId.set(m.memberId, m);
    else
      say(
        `${m.at} (${m.name}, MemberId ${m.memberId}) is ${first.lobby === m.lobby ? 'listed twice' : 'in both lobbies'}: also ${first.at}.`,
      );
  }

  if (problems.length) return { division: null, problems };
  return {
    division: {
      at,
      house,
      externalId: externalId!,
      date: date!,
      number: number as number,
      title: (title as string).trim(),
      ayeCount,
      noCount,
      deferred,
      members,
    },
    problems,
  };
}

function readMember(m: unknown, at: string, lobby: 'AYE' | 'NO', teller: boolean): OfficialMember | string {
  if (!isObj(m)) return `${at} is not a member.`;
  // Each by the rule of the record column it names (lib/records.ts).
  const text = (name: string, rule: TextRule): string | null | undefined => {
    const v = field(m, name);
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || !fits(rule, v)) return undefined;
    return v.trim() || null;
  };
  const id = field(m, 'MemberId');
  const memberId = typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null;
  if (id !== undefined && id !== null && memberId === null) return `${at}.MemberId is not a positive whole number.`;
  const name = text('Name', RECORDS.person.name);
  const listAs = text('ListAs', RECORDS.person.sortName);
  const party = text('Party', RECORDS.membership.party);
  const memberFrom = text('MemberFrom', RECORDS.membership.constituency);
  const proxyName = text('ProxyName', RECORDS.person.name);
  for (const [label, v] of [
    ['Name', name],
    ['ListAs', listAs],
    ['Party', party],
    ['MemberFrom', memberFrom],
    ['ProxyName', proxyName],
  ] as const)
    if (v === undefined) return `${at}.${label} is not text of at most 200 characters.`;
  if (!name && !listAs) return `${at} has no Name or ListAs.`;
  return {
    at,
    lobby,
    teller,
    memberId,
    name: (name ?? listAs)!,
    listAs: listAs ?? null,
    party: party ?? null,
    memberFrom: memberFrom ?? null,
    proxyName: proxyName ?? null,
  };
}
