// Import jobs: upload and check (nothing written but the job), then import in one transaction.
// A failure rolls the whole import back and marks the job failed, saying why; it can be retried.
import 'server-only';
import { isDay } from '../validation';
import { type ImportAudit, recordAudit } from '../audit';
import { requireRole, type RequestContext } from '../auth/session';
import { dataVersion } from '../data-version';
import { db } from '../db';
import { isoDay, today } from '../format';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { createSource, NEW_SOURCE, type NewSource, parseNewSource } from '../admin/new-source';
import { type CheckedRows, IMPORT_KINDS, type ImportKind, type ImportOptions, type RowError } from './kinds';
import { CsvFileError, decodeUtf8, parseCsv } from './parse';
import { columnNames } from './columns';
import { RECORDS, textProblem } from '../records';

export interface UploadInput {
  kind: string;
  fileName: string;
  bytes: Uint8Array;
  campaignId?: number;
  /** A recorded source's id, or 'new' for the one named in `newSource`. */
  sourceId?: number | typeof NEW_SOURCE;
  /** Our column name → the file's, for files laid out differently. */
  mapping?: Record<string, string>;
  /** A new term's dates, for a roster naming a term the database does not know. */
  term?: { startDate: string; endDate: string | null; sourceId?: number | 'file'; label?: string };
  stageId?: number;
  divisionId?: number;
  /** The upload form's values: a new source's fields as "newSource.publisher" …, created when the import runs. */
  newSource?: Record<string, unknown>;
}

/** A new term's dates as given on the upload form: both optional, but a start needs a source. */
async function checkedTerm(term: UploadInput['term']): Promise<ImportOptions['term']> {
  if (!term || (!term.startDate && !term.endDate)) return undefined;
  if (!isDay(term.startDate)) throw new AppError('INVALID', 'The new term’s start must be a date.');
  if (term.endDate && !isDay(term.endDate))
    throw new AppError('INVALID', 'The new term’s end must be a date, or empty.');
  if (term.endDate && term.endDate < term.startDate)
    throw new AppError('INVALID', 'The new term ends before it starts.');
  const labelProblem = term.label ? textProblem(RECORDS.term.label, term.label.trim(), 'The new term’s label') : null;
  if (labelProblem) throw new AppError('INVALID', labelProblem);
  if (
    term.sourceId !== 'file' &&
    !(term.sourceId && (await db().source.findUnique({ where: { id: term.sourceId }, select: { id: true } })))
  ) {
    throw new AppError('INVALID', 'Choose the source of the new term’s dates.');
  }
  return {
    startDate: term.startDate,
    endDate: term.endDate || null,
    sourceId: term.sourceId,
    ...(term.label?.trim() ? { label: term.label.trim() } : {}),
  };
}

/**
 * A new source named on the upload form, checked now by the source record's own rules and
 * created only when the import runs, in its transaction: a refused or discarded upload leaves no
 * source behind.
 */
function checkedNewSource(values: UploadInput['newSource']): NewSource {
  const parsed = parseNewSource(values ?? {});
  if ('errors' in parsed) throw new AppError('INVALID', `The new source: ${Object.values(parsed.errors).join(' ')}`);
  return parsed.data;
}

/** Checks an upload and records it as a previewed job. File-level problems throw AppError('INVALID'). */
export async function createImportJob(input: UploadInput, ctx?: RequestContext): Promise<number> {
  const actor = await requireRole('editor', ctx);
  const kind = Object.hasOwn(IMPORT_KINDS, input.kind) ? IMPORT_KINDS[input.kind] : undefined;
  if (!kind) throw new AppError('INVALID', 'Choose what the file contains.');
  if (
    kind.needs.includes('campaign') &&
    input.campaignId &&
    !(await db().campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } }))
  ) {
    throw new AppError('INVALID', 'That campaign no longer exists.');
  }
  const newSource =
    kind.needs.includes('source') && input.sourceId === NEW_SOURCE ? checkedNewSource(input.newSource) : undefined;
  if (
    kind.needs.includes('source') &&
    !newSource &&
    !(
      typeof input.sourceId === 'number' &&
      (await db().source.findUnique({ where: { id: input.sourceId }, select: { id: true } }))
    )
  ) {
    throw new AppError('INVALID', 'Choose the source the file comes from, or name a new one.');
  }
  const term = await checkedTerm(kind.needs.includes('term') ? input.term : undefined);
  if (
    kind.needs.includes('stage') &&
    !(input.stageId && (await db().stage.findUnique({ where: { id: input.stageId }, select: { id: true } })))
  ) {
    throw new AppError('INVALID', 'Choose the stage whose vote the positions are about.');
  }
  if (
    kind.needs.includes('division') &&
    !(input.divisionId && (await db().division.findUnique({ where: { id: input.divisionId }, select: { id: true } })))
  ) {
    throw new AppError('INVALID', 'Choose the division the ballots were cast in.');
  }
  const fileName = input.fileName.replace(/[^\w.\- ]+/g, '_').slice(0, 200) || 'upload.csv';
  let content: string;
  let parsed;
  try {
    content = decodeUtf8(input.bytes);
    parsed = parseCsv(content, columnNames(kind.columns), {
      rename: input.mapping,
      ignoreUnknown: kind.ignoresUnknownColumns,
    });
  } catch (error) {
    if (error instanceof CsvFileError) throw new AppError('INVALID', error.message);
    throw error;
  }
  const mapping = Object.fromEntries(Object.entries(input.mapping ?? {}).filter(([, v]) => v.trim()));
  const options: ImportOptions = {
    campaignId: input.campaignId,
    ...(newSource ? { newSource } : { sourceId: typeof input.sourceId === 'number' ? input.sourceId : undefined }),
    fileName,
    ...(Object.keys(mapping).length ? { mapping } : {}),
    ...(term ? { term } : {}),
    ...(kind.needs.includes('stage') ? { stageId: input.stageId } : {}),
    ...(kind.needs.includes('division') ? { divisionId: input.divisionId } : {}),
  };
  // The version read before the analysis: if it still holds at the run, nothing the rows were
  // checked against has changed, and the run imports them as checked (issue 16, "import once").
  const version = await dataVersion();
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
      preview: analysis.preview,
      createdBy: actor.email,
      // What the run would do, then anything the upload left out.
      message:
        [
          analysis.summary,
          parsed.ignored.length ? `Columns the import does not use were ignored: ${parsed.ignored.join(', ')}.` : '',
        ]
          .filter(Boolean)
          .join(' ') || null,
    },
    select: { id: true },
  });
  // Written as JSON text by SQL, not through the client's JSON handling: at 100,000 rows that
  // took longer than checking them again.
  await db().$executeRaw`
    UPDATE "ImportJob" SET checked = ${JSON.stringify(analysis.valid.map((v) => v.data))}::json,
      "checkedAtVersion" = ${version} WHERE id = ${job.id}`;
  return job.id;
}

export async function getImportJob(id: number, ctx?: RequestContext) {
  await requireRole('viewer', ctx);
  await failAbandonedImports();
  const job = await db().importJob.findUnique({
    where: { id },
    omit: { content: true, checked: true, checkedAtVersion: true },
  });
  if (!job) return null;
  return {
    ...job,
    errors: job.errors as unknown as RowError[],
    preview: job.preview as unknown as { line: number; values: Record<string, string>; outcome: string }[],
    options: job.options as unknown as ImportOptions,
  };
}

export async function listImportJobs(ctx?: RequestContext) {
  await requireRole('viewer', ctx);
  await failAbandonedImports();
  return db().importJob.findMany({
    orderBy: { id: 'desc' },
    take: 50,
    omit: { content: true, preview: true, errors: true, checked: true, checkedAtVersion: true },
  });
}

/** Advisory-lock space of running imports: a job's lock is held for as long as its run lasts. */
const JOB_LOCK = 0x1d09;
/** How long a claimed job may go without its lock before it counts as abandoned. */
const CLAIM_GRACE_SECONDS = 10;

class InvalidRows extends Error {}

/**
 * Imports a previewed (or failed) job in one transaction. With invalid rows it imports nothing
 * unless `skipInvalid`. Re-checks the file at run time, since the data may have changed. The
 * transaction holds the job's advisory lock, so any app server can tell a running job from one
 * whose process died (`failAbandonedImports`).
 */
export async function runImportJob(
  id: number,
  { skipInvalid }: { skipInvalid: boolean },
  ctx?: RequestContext,
): Promise<{ ok: boolean; message: string }> {
  const actor = await requireRole('editor', ctx);
  await failAbandonedImports();
  // Claim the job: only one run at a time, whichever app server gets it.
  const claimed = await db().importJob.updateMany({
    where: { id, status: { in: ['PREVIEWED', 'FAILED'] } },
    data: { status: 'RUNNING', processedRows: 0, message: null },
  });
  if (claimed.count === 0) {
    const job = await db().importJob.findUnique({ where: { id }, select: { status: true } });
    if (!job) throw new AppError('NOT_FOUND', 'No such import.');
    return {
      ok: false,
      message: job.status === 'RUNNING' ? 'This import is already running.' : 'This import has already been done.',
    };
  }
  // Without the file and its checked rows (megabytes): read inside the run only when needed.
  const job = (await db().importJob.findUnique({ where: { id }, omit: { checked: true, content: true } }))!;
  const kind = IMPORT_KINDS[job.kind]!;
  const options = job.options as unknown as ImportOptions;
  const fail = async (message: string) => {
    await db().importJob.update({
      where: { id },
      data: { status: 'FAILED', message, finishedAt: new Date() },
      select: { id: true },
    });
    return { ok: false, message };
  };
  try {
    const { message, rows } = await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${JOB_LOCK}::int, ${id}::int)`;
        const { rows: valid, invalid, reused } = await rowsToImport(tx, job, kind, options);
        if (invalid && !skipInvalid) {
          throw new InvalidRows(
            `${invalid} rows are invalid, so nothing was imported. Fix the file, or choose to skip invalid rows.`,
          );
        }
        // A source named on the upload form is recorded now, with the rows that cite it.
        const runOptions = options.newSource
          ? {
              ...options,
              sourceId: await createSource(tx, actor, {
                ...options.newSource,
                // Stored with the job as JSON: the day and time come back as text.
                publishedAt: options.newSource.publishedAt ? new Date(options.newSource.publishedAt) : null,
              }),
            }
          : options;
        const summary = await kind.commit(tx, valid, runOptions, async (done) => {
          // Progress is written outside the transaction so that others see it while it runs. Only
          // the id comes back: the job's row holds the file and its checked rows (megabytes).
          await db().importJob.update({ where: { id }, data: { processedRows: done }, select: { id: true } });
        });
        await recordAudit(tx, actor, 'import', `import:${job.kind}`, id, null, {
          fileName: job.fileName,
          rows: valid.count,
          skipped: invalid,
          checked: reused ? 'at preview' : 'again at run',
          summary,
        } satisfies ImportAudit);
        return { message: summary, rows: valid.count };
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
    await db().importJob.update({
      where: { id },
      data: {
        status: 'SUCCEEDED',
        message,
        processedRows: rows,
        finishedAt: new Date(),
        content: null,
        checked: Prisma.DbNull,
      },
      select: { id: true },
    });
    return { ok: true, message };
  } catch (error) {
    if (error instanceof InvalidRows) return await fail(error.message);
    // A refusal (AppError) is said to the editor; only the unexpected is logged with detail.
    if (!(error instanceof AppError)) console.error(`[import ${id}] failed:`, error);
    return await fail(
      error instanceof AppError
        ? `The import failed and nothing was saved: ${error.message}`
        : `The import failed and nothing was saved. The error was logged (import ${id}).`,
    );
  }
}

/**
 * Discards a checked import that has not run (or failed): the job and its stored file go, and
 * nothing else was ever written. A running or finished import cannot be discarded.
 */
export async function discardImportJob(id: number, ctx?: RequestContext): Promise<void> {
  await requireRole('editor', ctx);
  const { count } = await db().importJob.deleteMany({ where: { id, status: { in: ['PREVIEWED', 'FAILED'] } } });
  if (count) return;
  const job = await db().importJob.findUnique({ where: { id }, select: { status: true } });
  if (!job) throw new AppError('NOT_FOUND', 'No such import.');
  throw new AppError(
    'CONFLICT',
    job.status === 'RUNNING' ? 'This import is running; it cannot be discarded.' : 'This import has been done.',
  );
}

/**
 * The rows a run imports: those its preview checked, when the data version is still the one read
 * before that check and the day is the same (rules read "on the day"); otherwise the file parsed
 * and checked again, inside the run's transaction, with the same guarantees as at preview. (Not
 * stored back on the job: its row is written outside the transaction, for progress.)
 */
async function rowsToImport(
  tx: Prisma.TransactionClient,
  job: { id: number; checkedAtVersion: bigint | null; createdAt: Date; invalidRows: number },
  kind: ImportKind,
  options: ImportOptions,
): Promise<{ rows: CheckedRows; invalid: number; reused: boolean }> {
  const sameDay = isoDay(job.createdAt) === today();
  if (sameDay && job.checkedAtVersion !== null && job.checkedAtVersion === (await dataVersion(tx))) {
    const [stored] = await tx.$queryRaw<{ count: number | null }[]>`
      SELECT json_array_length(checked) AS count FROM "ImportJob" WHERE id = ${job.id}`;
    if (stored?.count !== null && stored?.count !== undefined)
      return {
        rows: {
          count: stored.count,
          json: Prisma.sql`(SELECT checked FROM "ImportJob" WHERE id = ${job.id})`,
          load: async () => {
            const [row] = await tx.$queryRaw<{ checked: string }[]>`
              SELECT checked::text AS checked FROM "ImportJob" WHERE id = ${job.id}`;
            return JSON.parse(row!.checked) as Record<string, unknown>[];
          },
        },
        invalid: job.invalidRows,
        reused: true,
      };
  }
  const file = await tx.importJob.findUnique({ where: { id: job.id }, select: { content: true } });
  const parsed = parseCsv(file?.content ?? '', columnNames(kind.columns), {
    rename: options.mapping,
    ignoreUnknown: kind.ignoresUnknownColumns,
  });
  const analysis = await kind.analyze(parsed.rows, options);
  const rows = analysis.valid.map((v) => v.data);
  return {
    rows: { count: rows.length, json: Prisma.sql`${JSON.stringify(rows)}::json`, load: async () => rows },
    invalid: new Set(analysis.errors.map((e) => e.row)).size,
    reused: false,
  };
}

/**
 * Fails jobs left RUNNING by a process that died, so they can be retried: a job whose lock no
 * transaction holds (PostgreSQL ends a dead client's transaction and frees its locks). Any app
 * server may call it, at start-up and before runs and listings, without failing another
 * server's running import.
 */
export async function failAbandonedImports(): Promise<number> {
  return db().$executeRaw`
    UPDATE "ImportJob" SET status = 'FAILED', "finishedAt" = now(), "updatedAt" = now(),
           message = 'The server stopped while this import ran; nothing was saved. Run it again.'
    WHERE status = 'RUNNING' AND "updatedAt" < now() - make_interval(secs => ${CLAIM_GRACE_SECONDS})
      AND pg_try_advisory_xact_lock(${JOB_LOCK}::int, id)`;
}
