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

export const HOOKS: Record<string, EntityHooks> = {
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
