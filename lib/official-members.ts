import 'server-only';
// Loads members' histories from Parliament's Members API (read by lib/members-api.ts) as a roster
// source, so that party on the day can be newer than EveryPolitician's. Each member is found by
// Parliament's member id once known, else by name and seat among the people who sat in that house
// during the history's memberships (the id is then remembered); a member no one matches is a new
// person, and a name that fits someone else (ambiguous, a guess, another seat) refuses the file.
// Within the periods the record covers, its stints replace those of other sources for that house:
// the official record says when someone sat and for which party. All or nothing, audited.
// docs/decisions/022-divisions.md.
import { recordAudit } from './audit';
import type { Actor } from './auth/session';
import { db } from './db';
import { proseName } from './hansard';
import { voterMatch, matchNames } from './matching';
import { type MemberHistory, readMemberHistories } from './members-api';
import { normalizeName, personFromWrittenName } from './names';
import { refreshCurrentMembership } from './roster';

/** Parliament's member ids are kept as PersonIdentifier rows of this scheme. */
export const PARLIAMENT_ID = 'parliament';

export interface MemberHistoryResult {
  ok: boolean;
  message: string;
  problems: string[];
}

const overlaps = (a: { start: string; end: string | null }, b: { start: string; end: string | null }) =>
  a.start <= (b.end ?? '9999') && b.start <= (a.end ?? '9999');
/** The record's sorted name in prose ("Abbott, Ms Diane" → "Ms Diane Abbott"), else its display name. */
const writtenName = (m: MemberHistory) => (m.listAs ? proseName(m.listAs).name : m.displayAs);

export async function importMemberHistories(
  { fileName, data }: { fileName: string; data: unknown },
  actor: Actor,
  refuse: (problems: string[]) => MemberHistoryResult,
): Promise<MemberHistoryResult> {
  const read = readMemberHistories(data);
  if (read.problems.length) return refuse(read.problems);

  // Who each member is: by member id, else by name and seat among those who sat in the house then.
  const known = new Map(
    (
      await db().personIdentifier.findMany({
        where: { scheme: PARLIAMENT_ID, value: { in: read.members.map((m) => String(m.memberId)) } },
        select: { value: true, personId: true },
      })
    ).map((k) => [Number(k.value), k.personId]),
  );
  const stints = await db().membership.findMany({
    where: { house: { in: ['COMMONS', 'LORDS'] } },
    select: { personId: true, house: true, constituency: true, startDate: true, endDate: true },
  });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const toMatch = read.members.filter((m) => !known.has(m.memberId));
  const [byList, byDisplay] = await Promise.all([
    matchNames(toMatch.map(writtenName)),
    matchNames(toMatch.map((m) => m.displayAs)),
  ]);
  const problems: string[] = [];
  const personOf = new Map<number, number | null>(); // member id → person (null: a new person)
  for (const [memberId, personId] of known) personOf.set(memberId, personId);
  toMatch.forEach((m, i) => {
    // Those who sat in a house of the history while it says this member did, with their seat then
    // (the latest such membership's), and the seat the record gives for it.
    const latest = [...m.stints]
      .reverse()
      .find((s) =>
        stints.some(
          (x) => x.house === s.house && overlaps({ start: day(x.startDate) ?? '0000', end: day(x.endDate) }, s),
        ),
      );
    const voters = new Map<number, string | null>();
    if (latest)
      for (const x of stints)
        if (x.house === latest.house && overlaps({ start: day(x.startDate) ?? '0000', end: day(x.endDate) }, latest))
          voters.set(x.personId, x.constituency);
    let found = voterMatch(byList[i]!, voters, latest?.seat);
    if (!found.person) {
      const again = voterMatch(byDisplay[i]!, voters, latest?.seat);
      if (again.person) found = again;
    }
    if (found.person) return void personOf.set(m.memberId, found.person.id);
    // Nobody of that name sat then: a member the roster does not have yet, unless the roster has
    // someone else in that seat then (a name written differently, or the wrong file).
    if (!latest || /^(No person with this name|Not a member who may vote)/.test(found.reason)) {
      const seat = latest?.seat?.toLowerCase();
      if (!seat || ![...voters.values()].some((s) => s?.toLowerCase() === seat))
        return void personOf.set(m.memberId, null);
      return void problems.push(
        `${m.at} (${m.displayAs}, ${latest!.seat}): no one of this name sat then, yet the roster has another member for ${latest!.seat}. ${found.reason}`,
      );
    }
    problems.push(`${m.at} (${m.displayAs}${latest.seat ? `, ${latest.seat}` : ''}): ${found.reason}`);
  });
  // A person found by name who already carries another member id is someone else (or the file is wrong).
  const idsOfFound = new Map(
    (
      await db().personIdentifier.findMany({
        where: {
          scheme: PARLIAMENT_ID,
          personId: {
            in: toMatch.map((m) => personOf.get(m.memberId)).filter((p): p is number => typeof p === 'number'),
          },
        },
        select: { personId: true, value: true, person: { select: { name: true } } },
      })
    ).map((i) => [i.personId, i]),
  );
  for (const m of toMatch) {
    const theirs = idsOfFound.get(personOf.get(m.memberId) ?? -1);
    if (theirs && theirs.value !== String(m.memberId))
      problems.push(
        `${m.at} (${m.displayAs}) matches ${theirs.person.name} by name, who is Parliament's member ${theirs.value}.`,
      );
  }
  const claimed = new Map<number, MemberHistory>();
  for (const m of read.members) {
    const p = personOf.get(m.memberId);
    if (p === null || p === undefined) continue;
    const first = claimed.get(p);
    if (first) problems.push(`${m.at} and ${first.at} are the same person in the roster.`);
    else claimed.set(p, m);
  }
  if (problems.length) return refuse(problems);

  const terms = await db().term.findMany({ select: { id: true, house: true, startDate: true, endDate: true } });
  const termOf = (house: string, start: string) =>
    terms.find((t) => t.house === house && day(t.startDate)! <= start && (!t.endDate || day(t.endDate)! >= start))
      ?.id ?? null;

  const totals = await db().$transaction(
    async (tx) => {
      let people = 0;
      let written = 0;
      let replaced = 0;
      const touched: number[] = [];
      const taken = new Set((await tx.person.findMany({ select: { slug: true } })).map((p) => p.slug));
      for (const m of read.members) {
        const key = `members-api:${m.memberId}`;
        const source = await tx.source.upsert({
          where: { key },
          create: {
            key,
            publisher: 'UK Parliament, Members API',
            title: `Member history: ${m.displayAs}`,
            excerpt: `MemberId ${m.memberId}, as published by Parliament's Members API (file ${fileName.slice(0, 200)}).`,
          },
          update: {},
          select: { id: true },
        });
        let personId = personOf.get(m.memberId) ?? null;
        const last = m.stints.at(-1)!;
        if (personId === null) {
          const fields = personFromWrittenName(m.displayAs);
          let slug = fields.slugBase;
          for (let n = 2; taken.has(slug); n++) slug = `${fields.slugBase}-${n}`;
          taken.add(slug);
          const created = await tx.person.create({
            data: {
              slug,
              name: fields.name,
              honorific: fields.honorific,
              sortName: fields.sortName,
              house: last.house,
              party: last.party,
              constituency: last.seat,
              sourceId: source.id,
            },
            select: { id: true },
          });
          personId = created.id;
          people++;
          await recordAudit(tx, actor, 'create', 'person', personId, null, {
            slug,
            memberId: m.memberId,
            file: fileName,
          });
        }
        await tx.personIdentifier.createMany({
          data: [{ personId, scheme: PARLIAMENT_ID, value: String(m.memberId) }],
          skipDuplicates: true,
        });
        await tx.personAlias.createMany({
          data: [...new Set(m.names.flatMap((n) => [n, proseName(n).name]))].map((alias) => ({
            personId: personId,
            alias,
            normalized: normalizeName(alias),
            sourceId: source.id,
          })),
          skipDuplicates: true,
        });
        // The record's stints replace, for its house, any stint of another source that overlaps them.
        for (const house of new Set(m.stints.map((s) => s.house))) {
          const mine = m.stints.filter((s) => s.house === house);
          const before = await tx.membership.findMany({ where: { personId, house } });
          const gone = before.filter((x) =>
            mine.some((s) => overlaps({ start: day(x.startDate) ?? '0000', end: day(x.endDate) }, s)),
          );
          if (gone.length) {
            await tx.membership.deleteMany({ where: { id: { in: gone.map((x) => x.id) } } });
            replaced += gone.length;
          }
          await tx.membership.createMany({
            data: mine.map((s) => ({
              personId: personId,
              house,
              termId: termOf(house, s.start),
              party: s.party,
              constituency: s.seat,
              startDate: new Date(`${s.start}T00:00:00Z`),
              endDate: s.end ? new Date(`${s.end}T00:00:00Z`) : null,
              externalId: `parliament:${m.memberId}:${house}:${s.start}`,
              sourceId: source.id,
            })),
          });
          written += mine.length;
          await recordAudit(tx, actor, 'import', 'member-history', m.memberId, gone, { stints: mine, file: fileName });
        }
        touched.push(personId);
      }
      await refreshCurrentMembership(tx, touched);
      return { people, written, replaced };
    },
    { timeout: 120_000 },
  );
  return {
    ok: true,
    message: `${fileName}: ${read.members.length} member histor${read.members.length === 1 ? 'y' : 'ies'}: ${totals.people} new people, ${totals.written} stints from the record, replacing ${totals.replaced} from other sources.`,
    problems: [],
  };
}
