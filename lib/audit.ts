// The audit trail: one append-only event per change, written in the change's own transaction.
import 'server-only';
import type { Actor, RequestContext } from './auth/session';
import { requireRole } from './auth/session';
import { db } from './db';
import { Prisma } from './generated/prisma/client';
import { clampPage } from './validation';

type Tx = Pick<Prisma.TransactionClient, 'auditEvent'>;

/**
 * A record as its audit event holds it (`snapshot`): each column by its model's name, dates and
 * decimals as strings. Readers of the trail (the feed) read it through this type, so a renamed
 * column fails `tsc` where it is read instead of leaving an entry silently empty (issue 25).
 */
export type Snapshot<Model> = {
  [K in keyof Model]?: Model[K] extends Date | null
    ? string | null
    : Model[K] extends Prisma.Decimal | null
      ? string | number | null
      : Model[K];
};

/** A column of a model, by name, for SQL that reads the trail's JSON (`after->>'withdrawnOn'`). */
export const column = <Model>(name: keyof Model & string) => name;

/** What an import's audit event holds (`entity` "import:<kind>", `entityId` the job's id). */
export interface ImportAudit {
  fileName: string;
  rows: number;
  skipped: number;
  /** Whether the rows were the preview's (nothing changed since) or checked again. */
  checked: 'at preview' | 'again at run';
  summary: string;
}

/** Plain JSON of a row: dates as ISO strings, decimals as strings. */
export function snapshot(row: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return row === null || row === undefined ? Prisma.DbNull : (JSON.parse(JSON.stringify(row)) as Prisma.InputJsonValue);
}

export async function recordAudit(
  tx: Tx,
  actor: Actor,
  action: 'create' | 'update' | 'delete' | string,
  entity: string,
  entityId: string | number,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actor: actor.email,
      action,
      entity,
      entityId: String(entityId),
      before: snapshot(before),
      after: snapshot(after),
    },
  });
}

/** One creation event per row, written in one statement (a batch of new records). */
export async function recordCreations(
  tx: Tx,
  actor: Actor,
  entity: string,
  rows: { id: number | string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.auditEvent.createMany({
    data: rows.map((row) => ({
      actorId: actor.id,
      actor: actor.email,
      action: 'create',
      entity,
      entityId: String(row.id),
      before: Prisma.DbNull,
      after: snapshot(row),
    })),
  });
}

export interface AuditQuery {
  entity?: string;
  actor?: string;
  action?: string;
  entityId?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, for signed-in users. */
export async function listAuditEvents(query: AuditQuery, ctx?: RequestContext) {
  await requireRole('viewer', ctx);
  const where: Prisma.AuditEventWhereInput = {
    ...(query.entity ? { entity: query.entity } : {}),
    ...(query.actor ? { actor: { contains: query.actor, mode: 'insensitive' } } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.entityId ? { entityId: query.entityId } : {}),
  };
  const total = await db().auditEvent.count({ where });
  const page = clampPage(query.page, total, AUDIT_PAGE_SIZE);
  const [events, entities] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: { id: 'desc' },
      take: AUDIT_PAGE_SIZE,
      skip: (page - 1) * AUDIT_PAGE_SIZE,
    }),
    db().auditEvent.findMany({ distinct: ['entity'], select: { entity: true }, orderBy: { entity: 'asc' } }),
  ]);
  return {
    events: events.map((e) => ({ ...e, id: e.id.toString() })),
    total,
    /** The page shown: the one asked for, or the last one when it asked beyond. */
    page,
    entities: entities.map((e) => e.entity),
  };
}
