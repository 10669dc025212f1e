// Import jobs: upload and check (nothing written but the job), then import in one transaction.
// A failure rolls the whole import back and marks the job failed, saying why; it can be retried.
import 'server-only';
import { recordAudit } from '../audit';
import { requireRole, type RequestContext } from '../auth/session';
import { db } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { IMPORT_KINDS, type ImportOptions, type RowError } from './kinds';
import { CsvFileError, decodeUtf8, parseCsv } from './parse';

export interface UploadInput {
  kind: string;
  fileName: string;
  bytes: Uint8Array;
  campaignId?: number;
  sourceId?: number;
  /** Our column name → the file's, for files laid out differently. */
  mapping?: Record<string, string>;
}

/** Checks an upload and records it as a previewed job. File-level problems throw AppError('INVALID'). */
export async function createImportJob(input: UploadInput, ctx?: RequestContext): Promise<number> {
  const actor = await requireRole('editor', ctx);
  const kind = IMPORT_KINDS[input.kind];
  if (!kind) throw new AppError('INVALID', 'Choose what the file contains.');
  if (kind.needs.includes('campaign') && input.campaignId && !(await db().campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } }))) {
    throw new AppError('INVALID', 'That campaign no longer exists.');
  }
  if (kind.needs.includes('source') && !(input.sourceId && (await db().source.findUnique({ where: { id: input.sourceId }, select: { id: true } })))) {
    throw new AppError('INVALID', 'Choose the source the file comes from.');
  }
  const fileName = input.fileName.replace(/[^\w.\- ]+/g, '_').slice(0, 200) || 'upload.csv';
  let content: string;
  let parsed;
  try {
    content = decodeUtf8(input.bytes);
    parsed = parseCsv(content, kind.columns, { rename: input.mapping });
  } catch (error) {
    if (error instanceof CsvFileError) throw new AppError('INVALID', error.message);
    throw error;
  }
  const mapping = Object.fromEntries(Object.entries(input.mapping ?? {}).filter(([, v]) => v.trim()));
  const options: ImportOptions = { campaignId: input.campaignId, sourceId: input.sourceId, fileName, ...(Object.keys(mapping).length ? { mapping } : {}) };
  const analysis = await kind.analyze(parsed.rows, options);
  const invalidRows = new Set(analysis.errors.map((e) => e.row)).size;
  const job = await db().importJob.create({
    data: {
      kind: input.kind,
      fileName,
      content,
      options: options as unknown as Prisma.InputJsonValue,
      totalRows: parsed.rows.length,
      validRows: analysis.valid.length,
      invalidRows,
      errors: analysis.errors as unknown as Prisma.InputJsonValue,
      preview: analysis.preview as unknown as Prisma.InputJsonValue,
      createdBy: actor.email,
    },
    select: { id: true },
  });
  return job.id;
}

export async function getImportJob(id: number, ctx?: RequestContext) {
  await requireRole('viewer', ctx);
  const job = await db().importJob.findUnique({ where: { id }, omit: { content: true } });
  if (!job) return null;
  return { ...job, errors: job.errors as unknown as RowError[], preview: job.preview as unknown as { line: number; values: Record<string, string>; outcome: string }[], options: job.options as unknown as ImportOptions };
}

export async function listImportJobs(ctx?: RequestContext) {
  await requireRole('viewer', ctx);
  return db().importJob.findMany({ orderBy: { id: 'desc' }, take: 50, omit: { content: true, preview: true, errors: true } });
}

/**
 * Imports a previewed (or failed) job in one transaction. With invalid rows it imports nothing
 * unless `skipInvalid`. Re-checks the file at run time, since the data may have changed.
 */
export async function runImportJob(id: number, { skipInvalid }: { skipInvalid: boolean }, ctx?: RequestContext): Promise<{ ok: boolean; message: string }> {
  const actor = await requireRole('editor', ctx);
  // Claim the job: only one run at a time, whichever app server gets it.
  const claimed = await db().importJob.updateMany({ where: { id, status: { in: ['PREVIEWED', 'FAILED'] } }, data: { status: 'RUNNING', processedRows: 0, message: null } });
  if (claimed.count === 0) {
    const job = await db().importJob.findUnique({ where: { id }, select: { status: true } });
    if (!job) throw new AppError('NOT_FOUND', 'No such import.');
    return { ok: false, message: job.status === 'RUNNING' ? 'This import is already running.' : 'This import has already been done.' };
  }
  const job = (await db().importJob.findUnique({ where: { id } }))!;
  const kind = IMPORT_KINDS[job.kind]!;
  const options = job.options as unknown as ImportOptions;
  const fail = async (message: string) => {
    await db().importJob.update({ where: { id }, data: { status: 'FAILED', message, finishedAt: new Date() } });
    return { ok: false, message };
  };
  try {
    const parsed = parseCsv(job.content ?? '', kind.columns, { rename: options.mapping });
    const analysis = await kind.analyze(parsed.rows, options);
    if (analysis.errors.length && !skipInvalid) {
      return await fail(`${new Set(analysis.errors.map((e) => e.row)).size} rows are invalid, so nothing was imported. Fix the file, or choose to skip invalid rows.`);
    }
    const message = await db().$transaction(
      async (tx) => {
        const summary = await kind.commit(
          tx,
          analysis.valid.map((v) => v.data),
          options,
          async (done) => {
            // Progress is written outside the transaction so that others see it while it runs.
            await db().importJob.update({ where: { id }, data: { processedRows: done } });
          },
        );
        await recordAudit(tx, actor, 'import', `import:${job.kind}`, id, null, { fileName: job.fileName, rows: analysis.valid.length, skipped: analysis.errors.length, summary });
        return summary;
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
    await db().importJob.update({ where: { id }, data: { status: 'SUCCEEDED', message, processedRows: analysis.valid.length, finishedAt: new Date(), content: null } });
    return { ok: true, message };
  } catch (error) {
    console.error(`[import ${id}] failed:`, error);
    return await fail(error instanceof AppError ? `The import failed and nothing was saved: ${error.message}` : `The import failed and nothing was saved. The error was logged (import ${id}).`);
  }
}

/** A job left RUNNING by a process that died is failed at start-up, so it can be retried. */
export async function failAbandonedImports(): Promise<number> {
  const { count } = await db().importJob.updateMany({ where: { status: 'RUNNING' }, data: { status: 'FAILED', message: 'The server stopped while this import ran; nothing was saved. Run it again.', finishedAt: new Date() } });
  return count;
}
