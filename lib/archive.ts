// "Everything": the whole public data set as one ZIP of CSV files, one per table, with the
// database's own column names and ids, and a manifest. It is both a report (a researcher can
// join the files on their ids) and a transfer format: importing it into an empty database
// reproduces the same rows, ids included (docs/decisions/008-everything-archive.md).
//
// Text cells go through csv_safe on the way out and csv_unsafe on the way in, so formula
// injection is neutralised for spreadsheets and the round trip is still exact.
import 'server-only';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { downloadStream, rfc4180, startDownload } from './export';
import { appliedMigrations, firstTableWithRows, moveSequencesPastIds, quoteIdent } from './pg-tables';
import { SEEDED_KEY } from './setup';
import { siteUrl } from './site-url';

/** The tables of the public data set, parents before children (the order an import loads them). */
export const ARCHIVE_TABLES = [
  'Source',
  'Person',
  'PersonIdentifier',
  'PersonAlias',
  'Term',
  'Membership',
  'Body',
  'BodyMember',
  'BodySize',
  'Role',
  'Campaign',
  'Signature',
  'Tally',
  'Threshold',
  'Stage',
  'Division',
  'Ballot',
  'DivisionWhip',
  'Statement',
  'Position',
  'PositionRule',
  'Poll',
  'TimelineEvent',
  'TimelineEventPerson',
] as const;

/** Tables that are not part of the data set: accounts, sessions, the audit log, bookkeeping. */
export const PRIVATE_TABLES = [
  'AuditEvent',
  'AppMeta',
  'DataVersion',
  'DataVersionPending',
  'user',
  'session',
  'account',
  'verification',
  'LoginThrottle',
  'ImportJob',
] as const;

/**
 * Tables the database keeps from others by itself (triggers), not part of the archive: an import
 * inserts the tables they come from, and the triggers write them again (StintSpan, decision 027).
 */
export const DERIVED_TABLES = ['StintSpan'] as const;

export const ARCHIVE_FORMAT = 'whipcount-everything-1';

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  createdAt: string;
  /** The migrations the exporting database had: an importer must have them all. */
  migrations: string[];
  tables: { name: string; file: string; rows: number; columns: string[] }[];
}

/** What the archive is, for a reader who opens it: made when, from where, what each file holds. */
export function archiveReadme(manifest: ArchiveManifest): string {
  return [
    'Whipcount: everything',
    '',
    `The whole public data set of ${siteUrl()}, made ${manifest.createdAt}.`,
    'One CSV file per table (RFC 4180, UTF-8, a header row), with the database’s own column names and ids:',
    'join the files on their ids. Every fact names its source (the sourceId columns; Source.csv).',
    'Text cells that a spreadsheet would run as a formula start with an apostrophe.',
    'manifest.json lists the files, their columns and row counts, and the migrations of the database.',
    '',
    ...manifest.tables.map((t) => `${t.file.padEnd(28)} ${String(t.rows).padStart(9)} rows`),
    '',
  ].join('\n');
}

interface Column {
  name: string;
  text: boolean;
}

/** The table's columns in their order, and which hold text (those pass through csv_safe). */
/** Columns the public data set never carries, in any table (issue 23 §9): the backup keeps them. */
export const NEVER_PUBLISHED_COLUMNS: readonly string[] = ['privateNote'];

async function columnsOf(client: pg.PoolClient | pg.Client, table: string): Promise<Column[]> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows
    .filter((r) => !NEVER_PUBLISHED_COLUMNS.includes(r.name))
    .map((r) => ({ name: r.name, text: r.type === 'text' || r.type === 'character varying' }));
}

async function primaryKeyOf(client: pg.PoolClient, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
    [quoteIdent(table)],
  );
  return rows.map((r) => r.name);
}

export interface OpenedArchive {
  filename: string;
  description: string;
  stream: ReadableStream<Uint8Array>;
}

/**
 * Streams the archive. Every table is read in one repeatable-read snapshot on one connection, so
 * the files agree with each other and with the manifest's row counts; memory stays flat because
 * each file is a COPY stream compressed as it arrives.
 */
/** The archive's file name and description, for a HEAD request: no slot, no connection, no snapshot. */
export function describeArchive(at = new Date()): Omit<OpenedArchive, 'stream'> {
  const made = at.toISOString();
  return {
    filename: `whipcount-everything-${made.slice(0, 10)}.zip`,
    description: `Whipcount everything (the public data set), made ${made} from ${siteUrl()}`,
  };
}

export async function openArchive(ctx?: { headers: Headers }): Promise<OpenedArchive> {
  const { client, release, isReleased, freeSlot } = await startDownload(ctx?.headers);
  try {
    await client.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    await client.query(`SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'`);
    const tables: (ArchiveManifest['tables'][number] & { select: string })[] = [];
    for (const name of ARCHIVE_TABLES) {
      const columns = await columnsOf(client, name);
      const key = await primaryKeyOf(client, name);
      const rows = Number((await client.query(`SELECT count(*) AS n FROM ${quoteIdent(name)}`)).rows[0].n);
      const list = columns
        .map((c) => (c.text ? `csv_safe(${quoteIdent(c.name)}) AS ${quoteIdent(c.name)}` : quoteIdent(c.name)))
        .join(', ');
      tables.push({
        name,
        file: `${name}.csv`,
        rows,
        columns: columns.map((c) => c.name),
        select: `SELECT ${list} FROM ${quoteIdent(name)} ORDER BY ${key.map(quoteIdent).join(', ')}`,
      });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(client),
      tables: tables.map(({ name, file, rows, columns }) => ({ name, file, rows, columns })),
    };

    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), 'manifest.json');
    zip.addBuffer(Buffer.from(archiveReadme(manifest)), 'README.txt');
    for (const table of tables) {
      // Lazily: each COPY starts only when the ZIP is ready for its file, one at a time.
      zip.addReadStreamLazy(table.file, (done) => {
        const copy = client.query(copyTo(`COPY (${table.select}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
        const body = copy.pipe(rfc4180(false));
        // yazl does not listen for its files' errors (an unheard one ended the whole process): a
        // failed COPY fails the archive; one cut off because its reader left or stalled is quiet.
        const fail = (error: Error) => {
          body.destroy();
          if (!isReleased()) output.destroy(error);
        };
        copy.on('error', fail);
        body.on('error', fail);
        done(null, body);
      });
    }
    zip.end();
    const output = zip.outputStream as Readable;
    output.on('end', () => {
      client.query('COMMIT').then(
        () => release(),
        (error: Error) => release(error),
      );
    });
    output.on('error', (error) => {
      console.error('[export everything] failed:', error);
      release(error);
    });
    output.on('close', () => {
      // A client that went away before the end: the connection may be mid-COPY, so discard it.
      if (!isReleased() && !output.readableEnded) release(new Error('export cancelled'));
    });
    return {
      ...describeArchive(new Date(manifest.createdAt)),
      stream: downloadStream(output, freeSlot),
    };
  } catch (error) {
    release(error as Error);
    freeSlot();
    throw error;
  }
}

/** A problem with the archive itself or with what it would do to the database: nothing was written. */
export class ArchiveError extends Error {}

export interface ImportedArchive {
  tables: { name: string; rows: number }[];
}

async function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

async function readText(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseManifest(text: string): ArchiveManifest {
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(text) as ArchiveManifest;
  } catch {
    throw new ArchiveError('manifest.json is not valid JSON.');
  }
  if (manifest?.format !== ARCHIVE_FORMAT)
    throw new ArchiveError(
      `manifest.json says format ${JSON.stringify(manifest?.format)}; this version reads ${ARCHIVE_FORMAT}.`,
    );
  if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.migrations))
    throw new ArchiveError('manifest.json lacks its tables or migrations.');
  const named = new Set(manifest.tables.map((t) => t.name));
  const missing = ARCHIVE_TABLES.filter((t) => !named.has(t));
  if (missing.length) throw new ArchiveError(`The archive lacks the tables ${missing.join(', ')}.`);
  const unknown = [...named].filter((t) => !(ARCHIVE_TABLES as readonly string[]).includes(t));
  if (unknown.length)
    throw new ArchiveError(`The archive has tables this version does not know: ${unknown.join(', ')}.`);
  for (const t of manifest.tables) {
    if (
      !Array.isArray(t.columns) ||
      !t.columns.every((c) => typeof c === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(c))
    ) {
      throw new ArchiveError(`manifest.json: the columns of ${t.name} are not a list of column names.`);
    }
  }
  return manifest;
}

/** A PostgreSQL error in words, with the place it names (file line, constraint, key). */
function describe(error: unknown, file: string): ArchiveError {
  const e = error as pg.DatabaseError;
  const where = e.where ? ` (${e.where.split('\n')[0]})` : '';
  const detail = e.detail ? ` ${e.detail}` : '';
  return new ArchiveError(`${file}: ${e.message}${where}.${detail}`);
}

/**
 * Loads an archive into a database that holds no data-set rows yet, in one transaction: each file
 * is COPYed into a scratch table, then inserted with csv_unsafe applied to its text columns, so
 * every constraint and foreign key is checked; row counts must match the manifest. Then the id
 * sequences move past the loaded ids and the database is marked as seeded, so that `npm start`
 * never seeds over it. Any problem rolls everything back.
 */
export async function importArchive(
  url: string,
  archive: string | Buffer,
  actor = 'command line',
): Promise<ImportedArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip =
      typeof archive === 'string'
        ? await yauzl.openPromise(archive, { lazyEntries: true, autoClose: false })
        : await yauzl.fromBufferPromise(archive, { lazyEntries: true });
  } catch (error) {
    throw new ArchiveError(`Not a ZIP archive: ${(error as Error).message}.`);
  }
  const client = new pg.Client({ connectionString: url });
  let connected = false;
  try {
    const entries = await readEntries(zip);
    const manifestEntry = entries.get('manifest.json');
    if (!manifestEntry)
      throw new ArchiveError('The archive holds no manifest.json: not a Whipcount "everything" export.');
    const manifest = parseManifest(await readText(zip, manifestEntry));
    for (const t of manifest.tables)
      if (!entries.has(t.file)) throw new ArchiveError(`The manifest lists ${t.file}, which the archive lacks.`);

    await client.connect();
    connected = true;
    const applied = new Set(await appliedMigrations(client));
    const newer = manifest.migrations.filter((m) => !applied.has(m));
    if (newer.length)
      throw new ArchiveError(
        `The archive was made by a newer version (migrations ${newer.join(', ')}); update the app first.`,
      );
    const taken = await firstTableWithRows(client, ARCHIVE_TABLES);
    if (taken)
      throw new ArchiveError(
        `The database already holds data (table ${taken} has rows). Import into an empty database.`,
      );

    await client.query('BEGIN');
    const loaded: ImportedArchive['tables'] = [];
    const byName = new Map(manifest.tables.map((t) => [t.name, t]));
    for (const name of ARCHIVE_TABLES) {
      const table = byName.get(name)!;
      const current = new Map((await columnsOf(client, name)).map((c) => [c.name, c]));
      const unknown = table.columns.filter((c) => !current.has(c));
      if (unknown.length)
        throw new ArchiveError(`${table.file}: columns this version does not have: ${unknown.join(', ')}.`);
      const cols = table.columns.map(quoteIdent).join(', ');
      const scratch = quoteIdent(`archive_${name}`);
      await client.query(`CREATE TEMP TABLE ${scratch} (LIKE ${quoteIdent(name)} INCLUDING DEFAULTS) ON COMMIT DROP`);
      try {
        // HEADER MATCH: the file's header must name exactly the manifest's columns, in order.
        await pipeline(
          await zip.openReadStreamPromise(entries.get(table.file)!),
          client.query(copyFrom(`COPY ${scratch} (${cols}) FROM STDIN WITH (FORMAT csv, HEADER MATCH)`)),
        );
        const values = table.columns
          .map((c) => (current.get(c)!.text ? `csv_unsafe(${quoteIdent(c)})` : quoteIdent(c)))
          .join(', ');
        const { rowCount } = await client.query(
          `INSERT INTO ${quoteIdent(name)} (${cols}) SELECT ${values} FROM ${scratch}`,
        );
        if (rowCount !== table.rows)
          throw new ArchiveError(`${table.file} holds ${rowCount} rows; the manifest says ${table.rows}.`);
        loaded.push({ name, rows: rowCount ?? 0 });
      } catch (error) {
        throw error instanceof ArchiveError ? error : describe(error, table.file);
      }
    }
    await moveSequencesPastIds(client, ARCHIVE_TABLES);
    await client.query(
      `INSERT INTO "AppMeta" (key, value, "updatedAt") VALUES ($1, $2, now()) ON CONFLICT (key) DO NOTHING`,
      [SEEDED_KEY, `imported ${manifest.createdAt}`],
    );
    await client.query(
      `INSERT INTO "AuditEvent" (actor, action, entity, "entityId", after) VALUES ($1, 'import', 'archive', $2, $3)`,
      [actor, manifest.createdAt, JSON.stringify({ tables: loaded })],
    );
    await client.query('COMMIT');
    return { tables: loaded };
  } catch (error) {
    if (connected) await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    zip.close();
    if (connected) await client.end().catch(() => {});
  }
}
