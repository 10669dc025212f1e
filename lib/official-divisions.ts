// Imports divisions from Parliament's own record (the Commons and Lords Votes APIs' JSON, read
// by lib/votes-api.ts): each member matched to a person by Parliament's member id once known, else
// by name and seat among the members of that house on the day (the id is then remembered); a file
// with anything unmatched or inconsistent is refused whole with what and where, and nothing is
// written. Importing the same or a corrected file again updates its divisions. Used by the admin
// import form and `npm run import`. docs/decisions/022-divisions.md.
import 'server-only';
import { recordAudit } from './audit';
import { requireRole, type Actor, type RequestContext } from './auth/session';
import { db } from './db';
import { divisionPath, houseVoters } from './divisions';
import { lobbyShortfall, namedInLobbies } from './division-outcome';
import type { House } from './generated/prisma/enums';
import { proseName } from './hansard';
import { matchAmongVoters } from './matching';
import { isMemberHistoryData } from './members-api';
import { importMemberHistories, PARLIAMENT_ID } from './official-members';
import { parseJson, readOfficialDivisionsData, type OfficialDivision, type OfficialMember } from './votes-api';

export { PARLIAMENT_ID };
/** The largest file taken: a session's divisions fit many times over (one is about 150 kB). */
export const MAX_OFFICIAL_FILE_BYTES = 16 * 1024 * 1024;
/** How many problems a refusal lists before "and N more". */
const PROBLEMS_SHOWN = 40;

export interface ImportedDivision {
  house: House;
  date: string;
  number: number;
  title: string;
  ayes: number;
  noes: number;
  created: boolean;
  path: string;
}

export interface OfficialImportResult {
  ok: boolean;
  /** One line for the editor or the terminal. */
  message: string;
  problems: string[];
  divisions: ImportedDivision[];
}

const HOUSE_NAME: Record<'COMMONS' | 'LORDS', string> = { COMMONS: 'House of Commons', LORDS: 'House of Lords' };

/** For the admin form: an editor imports one file, optionally filing its divisions under a stage. */
export async function importOfficialDivisions(
  input: { fileName: string; text: string; stageId?: number | null },
  ctx?: RequestContext,
): Promise<OfficialImportResult> {
  const actor = await requireRole('editor', ctx);
  return importOfficialFile(input, actor);
}

/** The import itself, for a caller that has established who acts (the command line). */
export async function importOfficialFile(
  { fileName, text, stageId = null }: { fileName: string; text: string; stageId?: number | null },
  actor: Actor,
): Promise<OfficialImportResult> {
  const refuse = (problems: string[]): OfficialImportResult => ({
    ok: false,
    message: `${fileName}: refused, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}).`,
    problems:
      problems.length > PROBLEMS_SHOWN
        ? [...problems.slice(0, PROBLEMS_SHOWN), `… and ${problems.length - PROBLEMS_SHOWN} more.`]
        : problems,
    divisions: [],
  });
  if (Buffer.byteLength(text) > MAX_OFFICIAL_FILE_BYTES)
    return refuse([
      `The file is larger than ${MAX_OFFICIAL_FILE_BYTES / 1024 / 1024} MB; split a session's divisions over several files.`,
    ]);
  const parsed = parseJson(text);
  if ('problem' in parsed) return refuse([parsed.problem]);
  // A Members API history file is a roster source, loaded by its own importer.
  if (isMemberHistoryData(parsed.data))
    return { ...(await importMemberHistories({ fileName, data: parsed.data }, actor, refuse)), divisions: [] };
  const read = readOfficialDivisionsData(parsed.data);
  if (read.problems.length) return refuse(read.problems);
  if (stageId !== null && !(await db().stage.findUnique({ where: { id: stageId }, select: { id: true } })))
    return refuse(['That stage no longer exists.']);

  const resolved: { division: OfficialDivision; ballots: Map<number, OfficialMember>; newIds: Map<number, number> }[] =
    [];
  const problems: string[] = [];
  for (const division of read.divisions) {
    const result = await resolveMembers(division);
    problems.push(...result.problems.map((p) => `${division.at}: ${p}`));
    resolved.push({ division, ballots: result.ballots, newIds: result.newIds });
  }
  if (problems.length) return refuse(problems);

  const divisions = await db().$transaction(
    async (tx) => {
      const out: ImportedDivision[] = [];
      for (const { division: d, ballots, newIds } of resolved) {
        const heldOn = new Date(`${d.date}T00:00:00Z`);
        const key = `votes-api:${d.house.toLowerCase()}:${d.externalId}`;
        const source = await tx.source.upsert({
          where: { key },
          create: {
            key,
            publisher: `UK Parliament, ${d.house === 'COMMONS' ? 'Commons' : 'Lords'} Votes`,
            title: `Division ${d.number}, ${d.date}: ${d.title}`,
            publishedAt: heldOn,
            excerpt: `DivisionId ${d.externalId}, as published by Parliament's ${d.house === 'COMMONS' ? 'Commons' : 'Lords'} Votes API (file ${fileName.slice(0, 200)}).`,
          },
          update: {},
          select: { id: true },
        });
        const existing = await tx.division.findFirst({
          where: {
            house: d.house,
            OR: [{ externalId: d.externalId }, { heldOn, number: d.number }],
          },
        });
        const named = namedInLobbies(
          d.members,
          (m) => m.lobby,
          (m) => m.teller,
        );
        const data = {
          house: d.house,
          number: d.number,
          externalId: d.externalId,
          heldOn,
          question: d.title,
          ayes: d.ayeCount ?? named.ayes,
          noes: d.noCount ?? named.noes,
          abstentions: null,
          deferred: d.deferred,
          sourceId: source.id,
          ...(stageId !== null ? { stageId } : {}),
        };
        const row = existing
          ? await tx.division.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
          : await tx.division.create({ data });
        if (existing) await tx.$executeRaw`DELETE FROM "Ballot" WHERE "divisionId" = ${row.id}`;
        // One statement from arrays: a house's 650 ballots through the client's createMany took
        // 80–290 ms of the import, as SQL a few.
        const cast = [...ballots];
        await tx.$executeRaw`
          INSERT INTO "Ballot" ("divisionId", "personId", vote, teller, proxy)
          SELECT ${row.id}, t.person_id, t.vote::"Vote", t.teller, t.proxy
          FROM unnest(${cast.map(([personId]) => personId)}::int[], ${cast.map(([, m]) => m.lobby)}::text[],
                      ${cast.map(([, m]) => m.teller)}::boolean[], ${cast.map(([, m]) => m.proxyName)}::text[])
               AS t(person_id, vote, teller, proxy)`;
        if (newIds.size)
          await tx.$executeRaw`
            INSERT INTO "PersonIdentifier" ("personId", scheme, value)
            SELECT t.person_id, ${PARLIAMENT_ID}, t.value
            FROM unnest(${[...newIds.values()]}::int[], ${[...newIds.keys()].map(String)}::text[]) AS t(person_id, value)
            ON CONFLICT (scheme, value) DO NOTHING`;
        await recordAudit(tx, actor, existing ? 'update' : 'create', 'division', row.id, existing, {
          ...row,
          ballots: ballots.size,
          file: fileName,
        });
        out.push({
          house: d.house,
          date: d.date,
          number: d.number,
          title: d.title,
          ayes: row.ayes!,
          noes: row.noes!,
          created: !existing,
          path: divisionPath(d.house, d.date, d.number),
        });
      }
      return out;
    },
    { timeout: 120_000 },
  );
  const created = divisions.filter((d) => d.created).length;
  const only = divisions.length === 1 ? divisions[0]! : null;
  return {
    ok: true,
    message: only
      ? `${fileName}: ${HOUSE_NAME[only.house as 'COMMONS']} division ${only.number} of ${only.date} ${only.created ? 'recorded' : 'updated'}: ${only.ayes} ayes, ${only.noes} noes (tellers apart).`
      : `${fileName}: ${divisions.length} divisions, ${created} recorded and ${divisions.length - created} updated.`,
    problems: [],
    divisions,
  };
}

/**
 * Each member of a division to a person who sat in its house on its day: by Parliament's member
 * id where we know it, else by name and seat among that day's members. Says what does not fit.
 */
async function resolveMembers(d: OfficialDivision) {
  const problems: string[] = [];
  const voters = await houseVoters(d.house, d.date);
  if (voters.size === 0)
    return {
      problems: [
        `no one is recorded as a member of the ${HOUSE_NAME[d.house]} on ${d.date}: import that house's roster for the day first.`,
      ],
      ballots: new Map<number, OfficialMember>(),
      newIds: new Map<number, number>(),
    };

  const ids = [...new Set(d.members.map((m) => m.memberId).filter((id): id is number => id !== null))];
  const known = await db().personIdentifier.findMany({
    where: { scheme: PARLIAMENT_ID, value: { in: ids.map(String) } },
    select: { value: true, personId: true, person: { select: { name: true } } },
  });
  const byMemberId = new Map(known.map((k) => [Number(k.value), k]));
  const idOf = await db().personIdentifier.findMany({
    where: { scheme: PARLIAMENT_ID, personId: { in: [...voters.keys()] } },
    select: { value: true, personId: true },
  });
  const memberIdOfPerson = new Map(idOf.map((k) => [k.personId, Number(k.value)]));

  const person = new Map<OfficialMember, number>();
  const toMatch: { line: number; name: string; seat: string | null; member: OfficialMember }[] = [];
  d.members.forEach((m, i) => {
    const hit = m.memberId !== null ? byMemberId.get(m.memberId) : undefined;
    if (!hit) return void toMatch.push({ line: i, name: writtenName(m), seat: m.memberFrom, member: m });
    if (!voters.has(hit.personId))
      problems.push(
        `${m.at} (${m.name}, MemberId ${m.memberId}) is ${hit.person.name}, who was not a member of the ${HOUSE_NAME[d.house]} on ${d.date}.`,
      );
    else person.set(m, hit.personId);
  });
  const newIds = new Map<number, number>();
  if (toMatch.length) {
    // By the record's sorted name ("Abbott, Ms Diane") and seat; then by its display name.
    const twice = {
      twice: (p: { name: string }, first: (typeof toMatch)[number]) =>
        `the same member as ${first.member.at} (${p.name}).`,
    };
    let { matched, problems: unmatched } = await matchAmongVoters(toMatch, voters, twice);
    if (unmatched.length) {
      const retry = unmatched
        .map(({ entry }) => ({ ...entry, name: entry.member.name }))
        .filter((e, i) => e.name !== unmatched[i]!.entry.name);
      const again = retry.length ? await matchAmongVoters(retry, voters, twice) : { matched: [], problems: [] };
      const fixed = new Set(again.matched.map((m) => m.entry.line));
      matched = [...matched, ...again.matched];
      unmatched = unmatched.filter(({ entry }) => !fixed.has(entry.line));
    }
    for (const { entry, reason } of unmatched)
      problems.push(
        `${entry.member.at} (${entry.member.name}${entry.seat ? `, ${entry.seat}` : ''}) matches no single member on the day: ${reason}`,
      );
    for (const { entry, person: p } of matched) {
      const m = entry.member;
      const theirs = memberIdOfPerson.get(p.id);
      if (m.memberId !== null && theirs !== undefined && theirs !== m.memberId) {
        problems.push(
          `${m.at} (${m.name}, MemberId ${m.memberId}) matches ${p.name} by name, who is Parliament's member ${theirs}.`,
        );
        continue;
      }
      person.set(m, p.id);
      if (m.memberId !== null) newIds.set(m.memberId, p.id);
    }
  }

  // One person, one ballot: two entries that came to the same person are an error in the file or the roster.
  const ballots = new Map<number, OfficialMember>();
  for (const m of d.members) {
    const id = person.get(m);
    if (id === undefined) continue;
    const first = ballots.get(id);
    if (first) problems.push(`${m.at} (${m.name}) and ${first.at} (${first.name}) are the same person in the roster.`);
    else ballots.set(id, m);
  }
  const named = namedInLobbies(
    ballots.values(),
    (m) => m.lobby,
    (m) => m.teller,
  );
  const short = problems.length ? null : lobbyShortfall({ ayes: d.ayeCount, noes: d.noCount }, named);
  if (short) problems.push(`the totals do not add up: ${short}.`);
  return { problems, ballots, newIds };
}

/** The record's sorted name in prose ("Abbott, Ms Diane" → "Ms Diane Abbott"), else its display name. */
function writtenName(m: OfficialMember): string {
  return m.listAs ? proseName(m.listAs).name : m.name;
}
