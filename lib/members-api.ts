// Reads members' histories as Parliament's Members API publishes them (`/api/Members/History`:
// a list of `{ value: MemberHistory }`, or MemberHistory objects alone): `id`, `nameHistory[]`,
// `partyHistory[]` (`party.name`, `startDate`, `endDate`) and `houseMembershipHistory[]`
// (`house` 1 Commons / 2 Lords, `membershipFrom`, `membershipStartDate`, `membershipEndDate`),
// field names in any case. Pure: it turns each history into stints (a house membership split
// where the party changes) and says where anything is wrong; matching to people and writing is
// lib/official-members.ts. docs/decisions/022-divisions.md.
import { field, isObj, type Obj, type OfficialHouse } from './votes-api';
import { dayOfDateTime } from './validation';
import { RECORDS, textProblem, type TextRule } from './records';

export interface HistoryStint {
  house: OfficialHouse;
  /** The seat (Commons); null in the Lords, where `membershipFrom` is the kind of peerage. */
  seat: string | null;
  party: string | null;
  /** YYYY-MM-DD; `end` null while it runs. */
  start: string;
  end: string | null;
}

export interface MemberHistory {
  /** Where in the file: "member 3 of 650 (MemberId 172)". */
  at: string;
  memberId: number;
  /** The latest name as the record displays it ("Ms Diane Abbott") and sorts it ("Abbott, Ms Diane"). */
  displayAs: string;
  listAs: string | null;
  /** Every name the record has used, for matching and aliases. */
  names: string[];
  stints: HistoryStint[];
}

const DAY_MS = 86_400_000;
/** A date-time of the API ("2017-06-08T00:00:00") as its calendar day, or null where none. */
function dayOf(value: unknown): string | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return undefined;
  return dayOfDateTime(value) ?? undefined;
}
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const text = (o: Obj, name: string): string | null => {
  const v = field(o, name);
  return typeof v === 'string' && v.trim() ? v.trim() : null;
};
/** What is wrong with a text of the file under its column's rule, named by its place in the file, or null. */
const within = (rule: TextRule, value: string | null, place: string) =>
  value === null ? null : textProblem(rule, value, place);
const houseOf = (v: unknown): OfficialHouse | null =>
  v === 1 || v === '1' || (typeof v === 'string' && /^commons$/i.test(v))
    ? 'COMMONS'
    : v === 2 || v === '2' || (typeof v === 'string' && /^lords$/i.test(v))
      ? 'LORDS'
      : null;

/** Is this text (already parsed) a Members API history file rather than a division? */
export function isMemberHistoryData(data: unknown): boolean {
  const first = Array.isArray(data) ? data[0] : data;
  if (!isObj(first)) return false;
  const value = isObj(field(first, 'value')) ? (field(first, 'value') as Obj) : first;
  return field(value, 'houseMembershipHistory') !== undefined;
}

export function readMemberHistories(data: unknown): { members: MemberHistory[]; problems: string[] } {
  const list = Array.isArray(data) ? data : [data];
  if (list.length === 0) return { members: [], problems: ['The file holds an empty list: no member in it.'] };
  const members: MemberHistory[] = [];
  const problems: string[] = [];
  list.forEach((item, i) => {
    const where = list.length === 1 ? 'the member' : `member ${i + 1} of ${list.length}`;
    const value = isObj(item) && isObj(field(item, 'value')) ? (field(item, 'value') as Obj) : item;
    if (!isObj(value))
      return void problems.push(`${where}: not a member history (an object with houseMembershipHistory).`);
    const id = field(value, 'id');
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0)
      return void problems.push(`${where}: id is missing or not a member id.`);
    const at = `${where} (MemberId ${id})`;
    const own: string[] = [];
    const arrayOf = (name: string) => {
      const v = field(value, name);
      if (v === undefined || v === null) return [];
      if (!Array.isArray(v)) return (own.push(`${at}: ${name} is not a list.`), []);
      return v;
    };

    const rawNames = arrayOf('nameHistory');
    const names = rawNames.flatMap((n, k) => {
      if (!isObj(n)) return (own.push(`${at}: nameHistory[${k}] is not an object.`), []);
      const displayAs = text(n, 'nameDisplayAs');
      const listAs = text(n, 'nameListAs');
      if (!displayAs && !listAs) return (own.push(`${at}: nameHistory[${k}] has no name.`), []);
      // Each by the rule of the record column it fills (lib/records.ts), named where it is wrong.
      const problem =
        within(RECORDS.person.name, displayAs, `nameHistory[${k}].nameDisplayAs`) ??
        within(RECORDS.person.sortName, listAs, `nameHistory[${k}].nameListAs`);
      if (problem) return (own.push(`${at}: ${problem}`), []);
      const start = dayOf(field(n, 'startDate'));
      return [{ displayAs: displayAs ?? listAs!, listAs, start: start ?? '' }];
    });
    names.sort((a, b) => a.start.localeCompare(b.start));

    const parties = arrayOf('partyHistory').flatMap((p, k) => {
      if (!isObj(p)) return (own.push(`${at}: partyHistory[${k}] is not an object.`), []);
      const nested = isObj(field(p, 'party'));
      const party = nested ? text(field(p, 'party') as Obj, 'name') : text(p, 'name');
      const problem = within(RECORDS.membership.party, party, `partyHistory[${k}].${nested ? 'party.name' : 'name'}`);
      if (problem) return (own.push(`${at}: ${problem}`), []);
      const start = dayOf(field(p, 'startDate'));
      const end = dayOf(field(p, 'endDate'));
      if (!party || !start || end === undefined)
        return (
          own.push(`${at}: partyHistory[${k}] needs party.name and startDate (a date), and endDate a date or null.`),
          []
        );
      if (end && end < start)
        return (own.push(`${at}: partyHistory[${k}] ends (${end}) before it starts (${start}).`), []);
      return [{ party, start, end, house: houseOf(field(p, 'house')) }];
    });

    const rawMemberships = arrayOf('houseMembershipHistory');
    const memberships = rawMemberships.flatMap((h, k) => {
      if (!isObj(h)) return (own.push(`${at}: houseMembershipHistory[${k}] is not an object.`), []);
      const house = houseOf(field(h, 'house'));
      const start = dayOf(field(h, 'membershipStartDate'));
      const end = dayOf(field(h, 'membershipEndDate'));
      if (!house || !start || end === undefined)
        return (
          own.push(
            `${at}: houseMembershipHistory[${k}] needs house (1 or 2), membershipStartDate (a date), and membershipEndDate a date or null.`,
          ),
          []
        );
      if (end && end < start)
        return (own.push(`${at}: houseMembershipHistory[${k}] ends (${end}) before it starts (${start}).`), []);
      return [{ house, start, end, seat: house === 'COMMONS' ? text(h, 'membershipFrom') : null, k }];
    });
    if (arrayOf('houseMembershipHistory').length === 0)
      own.push(`${at}: no house membership in houseMembershipHistory.`);
    const overlaps = (a: { start: string; end: string | null }, b: { start: string; end: string | null }) =>
      a.start <= (b.end ?? '9999') && b.start <= (a.end ?? '9999');
    for (const [x, a] of memberships.entries())
      for (const b of memberships.slice(x + 1))
        if (a.house === b.house && overlaps(a, b))
          own.push(`${at}: houseMembershipHistory[${a.k}] and [${b.k}] overlap in one house.`);
    for (const [x, a] of parties.entries())
      for (const b of parties.slice(x + 1))
        if ((a.house === b.house || !a.house || !b.house) && overlaps(a, b))
          own.push(
            `${at}: two parties at once (${a.party} and ${b.party} from ${a.start > b.start ? a.start : b.start}).`,
          );
    if (rawNames.length === 0) own.push(`${at}: no name in nameHistory.`);
    if (own.length) return void problems.push(...own);

    // Each membership split where the party changes: a stint per party, "no party" where none is recorded.
    const stints = memberships.flatMap((m) => {
      const mine = parties.filter((p) => (!p.house || p.house === m.house) && overlaps(p, m));
      const cuts = new Set([m.start]);
      for (const p of mine) {
        if (p.start > m.start) cuts.add(p.start);
        if (p.end && (!m.end || p.end < m.end)) cuts.add(dayAfter(p.end));
      }
      const starts = [...cuts].sort();
      return starts.map((start, n) => {
        const end = n + 1 < starts.length ? dayBefore(starts[n + 1]!) : m.end;
        const party = mine.find((p) => p.start <= start && (!p.end || p.end >= start))?.party ?? null;
        return { house: m.house, seat: m.seat, party, start, end };
      });
    });
    const latest = names.at(-1)!;
    members.push({
      at,
      memberId: id,
      displayAs: latest.displayAs,
      listAs: latest.listAs,
      names: [...new Set(names.flatMap((n) => [n.displayAs, ...(n.listAs ? [n.listAs] : [])]))],
      stints,
    });
  });
  const seen = new Map<number, string>();
  for (const m of members) {
    const first = seen.get(m.memberId);
    if (first) problems.push(`${m.at}: the same member as ${first}.`);
    else seen.set(m.memberId, m.at);
  }
  return { members: problems.length ? [] : members, problems };
}
