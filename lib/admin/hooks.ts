// What some kinds of record do besides being written, inside the same transaction as the write
// (server-only: entities.ts, which declares the forms, stays client-safe).
import 'server-only';
import type { Prisma } from '../generated/prisma/client';
import { refreshCurrentMembership } from '../roster';

type Tx = Prisma.TransactionClient;
type Audit = (action: string, model: string, id: number, before: unknown, after: unknown) => Promise<void>;

export interface EntityHooks {
  /** Before a new row is created; may change its data. */
  beforeCreate?: (tx: Tx, data: Record<string, unknown>, audit: Audit) => Promise<void>;
  /** After a row is created, updated or deleted (`row` is the row as it now is, or as it was when deleted). */
  afterWrite?: (tx: Tx, row: Record<string, unknown>, before?: Record<string, unknown> | null) => Promise<void>;
}

const DAY_MS = 86_400_000;

const dayOf = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : null);

export const HOOKS: Record<string, EntityHooks> = {
  terms: {
    // A term's stints that took its first or last day (a roster row with no dates of its own)
    // follow a corrected date, so that the roster, imported again, finds them as they are instead
    // of reporting each row overlapping its own stint (issue 22). The stint's key carries its
    // first day, and is rewritten with it.
    async afterWrite(tx, row, before) {
      if (!before || before === row) return;
      const [oldStart, newStart] = [dayOf(before.startDate), dayOf(row.startDate)];
      const [oldEnd, newEnd] = [dayOf(before.endDate), dayOf(row.endDate)];
      if (oldStart && newStart && oldStart !== newStart) {
        await tx.$executeRaw`
          UPDATE "Membership" SET "startDate" = ${newStart}::date, version = version + 1, "updatedAt" = now(),
                 "externalId" = CASE WHEN "externalId" LIKE ${`%:${oldStart}`}
                                     THEN left("externalId", -length(${oldStart})) || ${newStart} ELSE "externalId" END
          WHERE "termId" = ${row.id as number} AND "startDate" = ${oldStart}::date`;
      }
      if (oldEnd !== newEnd) {
        await tx.$executeRaw`
          UPDATE "Membership" SET "endDate" = ${newEnd}::date, version = version + 1, "updatedAt" = now()
          WHERE "termId" = ${row.id as number} AND "endDate" IS NOT DISTINCT FROM ${oldEnd}::date`;
      }
      const people = await tx.membership.findMany({
        where: { termId: row.id as number },
        select: { personId: true },
        distinct: ['personId'],
      });
      await refreshCurrentMembership(
        tx,
        people.map((p) => p.personId),
      );
    },
  },
  memberships: {
    // A new stint (whip withdrawn, defection, by-election …) closes the person's stint in the same
    // house that was open on its first day, the day before; the new stint keeps that stint's term
    // when it names none. An earlier stint it would overlap otherwise is refused by the database.
    async beforeCreate(tx, data, audit) {
      const start = data.startDate as Date | null;
      if (!start) return;
      const open = await tx.membership.findFirst({
        where: {
          personId: data.personId as number,
          house: data.house as Prisma.MembershipWhereInput['house'],
          startDate: { lt: start },
          OR: [{ endDate: null }, { endDate: { gte: start } }],
        },
        orderBy: { startDate: 'desc' },
      });
      if (!open) return;
      const closed = await tx.membership.update({
        where: { id: open.id },
        data: { endDate: new Date(start.getTime() - DAY_MS), version: { increment: 1 } },
      });
      await audit('update', 'membership', open.id, open, closed);
      if (data.termId === null || data.termId === undefined) data.termId = open.termId;
      if (!data.endDate && open.endDate && open.endDate >= start) data.endDate = open.endDate;
    },
    async afterWrite(tx, row, before) {
      const people = new Set([row.personId, before?.personId].filter((v): v is number => typeof v === 'number'));
      await refreshCurrentMembership(tx, [...people]);
    },
  },
};
