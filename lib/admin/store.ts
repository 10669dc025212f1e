// Create, read, update and delete for every entity in lib/admin/entities.ts: one code path, so
// that every change is checked for role, validated, version-checked and audited the same way.
import 'server-only';
import { recordAudit } from '../audit';
import { violationOf } from '../db-errors';
import { requireRole, type RequestContext } from '../auth/session';
import { db } from '../db';
import { AppError, publicMessage } from '../errors';
import { clampPage } from '../validation';
import { entityDef, type EntityDef } from './entities';
import { HOOKS } from './hooks';
import { createSource, NEW_SOURCE, type NewSource, newSourceField, parseNewSource } from './new-source';
import {
  type FieldDef,
  type FieldErrors,
  fieldErrorsOf,
  type FormValues,
  NEW_SOURCE_FIELDS,
  schemaFor,
  toFormValue,
  valuesFrom,
} from './fields';

/** What a form shows after a submission. */
export interface SaveState {
  status: 'idle' | 'error' | 'conflict' | 'saved';
  message?: string;
  fieldErrors?: FieldErrors;
  values: FormValues;
  /** The version the next submission is based on. */
  version?: number;
  /** On a conflict: fields where the stored record now differs from what was submitted. */
  changes?: { field: string; label: string; theirs: string; yours: string }[];
  id?: number;
  nonce?: number;
}

// The generic engine reaches models by name; this is the shape it uses of each delegate.
interface Delegate {
  findUnique(args: unknown): Promise<Record<string, unknown> | null>;
  findMany(args: unknown): Promise<Record<string, unknown>[]>;
  count(args: unknown): Promise<number>;
  create(args: unknown): Promise<Record<string, unknown>>;
  update(args: unknown): Promise<Record<string, unknown>>;
  updateMany(args: unknown): Promise<{ count: number }>;
  delete(args: unknown): Promise<Record<string, unknown>>;
}
const delegate = (client: unknown, def: EntityDef) => (client as Record<string, Delegate>)[def.model]!;

function requireDef(key: string): EntityDef {
  const def = entityDef(key);
  if (!def) throw new AppError('NOT_FOUND', 'There is no such kind of record.');
  return def;
}

const personFields = (def: EntityDef) => def.fields.flatMap((f) => (f.type === 'person' ? [f] : []));
const peopleLists = (def: EntityDef) => def.fields.flatMap((f) => (f.type === 'people' ? [f] : []));

/** A record with the people of its link tables (as person ids), for the audit trail. */
async function readWithLinks(client: unknown, def: EntityDef, id: number) {
  const links = peopleLists(def);
  const include = Object.fromEntries(
    links.map((f) => [f.link.relation, { select: { personId: true }, orderBy: { personId: 'asc' } }]),
  );
  return delegate(client, def).findUnique({ where: { id }, include: links.length ? include : undefined });
}

/** Replaces the people linked to a record. */
async function writeLinks(tx: unknown, def: EntityDef, id: number, people: Record<string, number[]>) {
  for (const f of peopleLists(def)) {
    const link = (
      tx as Record<string, { deleteMany(a: unknown): Promise<unknown>; createMany(a: unknown): Promise<unknown> }>
    )[f.link.model]!;
    await link.deleteMany({ where: { [f.link.owner]: id } });
    const ids = people[f.name] ?? [];
    if (ids.length) await link.createMany({ data: ids.map((personId) => ({ [f.link.owner]: id, personId })) });
  }
}

/** The field and message for the database rule a save broke, by the constraint's name (decision 006). */
function constraintError(def: EntityDef, error: unknown): FieldErrors | null {
  const violation = violationOf(error);
  if (!violation) return null;
  const known =
    violation.constraint && Object.hasOwn(def.constraints ?? {}, violation.constraint)
      ? def.constraints![violation.constraint]
      : undefined;
  if (known) return { [known[0]]: known[1] };
  switch (violation.kind) {
    case 'unique':
      return { _form: 'A record with these details already exists.' };
    case 'foreign-key':
    case 'restrict':
      return { _form: 'A record this one refers to does not exist (it may have been deleted).' };
    case 'check':
    case 'exclusion':
    case 'not-null':
      return { _form: 'These values break one of the rules for this record.' };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface RefOption {
  value: string;
  label: string;
}

/**
 * The slugs other records of an entity already use (none: it has no slug), so that its form says
 * a slug is taken as it is typed, before saving (issue 24). Slugs are public addresses anyway.
 */
export async function takenSlugs(def: EntityDef, exceptId: number | null, ctx?: RequestContext): Promise<string[]> {
  await requireRole('viewer', ctx);
  if (!def.fields.some((f) => f.name === 'slug')) return [];
  const rows = (await delegate(db(), def).findMany({
    where: exceptId === null ? {} : { id: { not: exceptId } },
    select: { slug: true },
  })) as { slug: string }[];
  return rows.map((r) => r.slug);
}

/** Choices for every reference field of an entity, and the people list where people are picked. */
export async function referenceOptions(
  def: EntityDef,
  ctx?: RequestContext,
  { people = true } = {},
): Promise<Record<string, RefOption[]>> {
  await requireRole('viewer', ctx);
  const prisma = db();
  const kinds = new Set(
    def.fields.flatMap((f) =>
      f.type === 'ref' ? [f.ref] : (f.type === 'person' || f.type === 'people') && people ? ['person'] : [],
    ),
  );
  const out: Record<string, RefOption[]> = {};
  await Promise.all(
    [...kinds].map(async (kind) => {
      switch (kind) {
        case 'source':
          out.source = (
            await prisma.source.findMany({
              orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
              take: 500,
              select: { id: true, publisher: true, title: true, publishedAt: true },
            })
          ).map((s) => ({
            value: String(s.id),
            label: `${s.publisher}${s.publishedAt ? `, ${s.publishedAt.toISOString().slice(0, 10)}` : ''}: ${s.title}`,
          }));
          break;
        case 'body':
          out.body = (await prisma.body.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } })).map(
            (b) => ({ value: String(b.id), label: b.name }),
          );
          break;
        case 'campaign':
          out.campaign = (
            await prisma.campaign.findMany({ orderBy: { title: 'asc' }, select: { id: true, title: true } })
          ).map((c) => ({ value: String(c.id), label: c.title }));
          break;
        case 'stage':
          out.stage = (
            await prisma.stage.findMany({
              orderBy: [{ campaignId: 'asc' }, { position: 'asc' }],
              select: { id: true, name: true, position: true, campaign: { select: { title: true } } },
            })
          ).map((s) => ({ value: String(s.id), label: `${s.campaign.title} — ${s.position}. ${s.name}` }));
          break;
        case 'division':
          out.division = (
            await prisma.division.findMany({
              orderBy: { id: 'desc' },
              take: 500,
              select: {
                id: true,
                question: true,
                house: true,
                number: true,
                heldOn: true,
                stage: { select: { name: true } },
              },
            })
          ).map((d) => ({
            value: String(d.id),
            label: d.stage
              ? `${d.stage.name}: ${d.question}`
              : `${d.house === 'LORDS' ? 'Lords' : 'Commons'} division ${d.number ?? '?'} (${d.heldOn?.toISOString().slice(0, 10) ?? 'undated'}): ${d.question}`,
          }));
          break;
        case 'term':
          out.term = (
            await prisma.term.findMany({
              orderBy: [{ house: 'asc' }, { startDate: 'desc' }],
              select: { id: true, house: true, name: true, label: true },
            })
          ).map((t) => ({
            value: String(t.id),
            label: `${t.house === 'COMMONS' ? 'House of Commons' : t.house === 'LORDS' ? 'House of Lords' : 'Other'}: ${t.label ?? `term ${t.name}`}`,
          }));
          break;
        case 'statement':
          out.statement = (
            await prisma.statement.findMany({
              orderBy: { id: 'desc' },
              take: 500,
              select: { id: true, subject: true, speakerLabel: true, person: { select: { name: true } } },
            })
          ).map((s) => ({
            value: String(s.id),
            label: `${s.person?.name ?? s.speakerLabel ?? 'Unnamed'}: ${s.subject}`,
          }));
          break;
        case 'person':
          out.person = (
            await prisma.person.findMany({
              orderBy: { sortName: 'asc' },
              select: { slug: true, name: true, party: true, constituency: true },
            })
          ).map((p) => ({
            value: p.slug,
            label: [p.name, p.party, p.constituency].filter(Boolean).join(' — '),
          }));
          break;
      }
    }),
  );
  return out;
}

/** A stored record as form values, with its version; null when there is none. */
export async function getRecord(key: string, id: number, ctx?: RequestContext) {
  await requireRole('viewer', ctx);
  const def = requireDef(key);
  const include = Object.fromEntries([
    ...personFields(def).map((f) => [f.relation, { select: { slug: true } }]),
    ...peopleLists(def).map((f) => [
      f.link.relation,
      { select: { person: { select: { slug: true, sortName: true } } } },
    ]),
  ]);
  const row = await delegate(db(), def).findUnique({
    where: { id },
    include: Object.keys(include).length ? include : undefined,
  });
  if (!row) return null;
  const values: FormValues = {};
  for (const f of def.fields) {
    if (f.type === 'person') {
      const relation = row[f.relation] as { slug: string } | null;
      values[f.name] = relation?.slug ?? '';
    } else if (f.type === 'people') {
      const links = row[f.link.relation] as { person: { slug: string; sortName: string } }[];
      values[f.name] = [...links]
        .sort((a, b) => a.person.sortName.localeCompare(b.person.sortName))
        .map((l) => l.person.slug);
    } else values[f.name] = toFormValue(f, row[f.name]);
  }
  return { values, version: def.versioned ? (row.version as number) : undefined, title: def.title(row) };
}

/** One page of an entity's records, for its list page. */
export async function listRecords(key: string, query: { q?: string; page?: number }, ctx?: RequestContext) {
  await requireRole('viewer', ctx);
  const def = requireDef(key);
  const pageSize = 50;
  const where =
    query.q && def.search.length
      ? { OR: def.search.map((field) => ({ [field]: { contains: query.q, mode: 'insensitive' } })) }
      : {};
  const d = delegate(db(), def);
  const total = await d.count({ where });
  const page = clampPage(query.page, total, pageSize);
  const [rows, options] = await Promise.all([
    d.findMany({ where, orderBy: def.orderBy, take: pageSize, skip: (page - 1) * pageSize }),
    // Rows name their people by id; the list looks those up below instead of loading everyone.
    referenceOptions(def, ctx, { people: false }),
  ]);
  const personIds = personFields(def)
    .flatMap((f) => rows.map((r) => r[f.name] as number | null))
    .filter((v): v is number => typeof v === 'number');
  const people = new Map(
    (await db().person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } })).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const show = (f: FieldDef, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (f.type === 'person') return people.get(value as number) ?? String(value);
    if (f.type === 'ref') return options[f.ref]?.find((o) => o.value === String(value))?.label ?? `#${value}`;
    const v = toFormValue(f, value);
    return Array.isArray(v) ? v.join(', ') : v;
  };
  return {
    def,
    total,
    page,
    pageSize,
    rows: rows.map((row) => ({
      id: row.id as number,
      title: def.title(row),
      cells: def.columns.map((name) =>
        show(
          def.fields.find((f) => f.name === name)!,
          row[name],
        ),
      ),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

async function resolvePeople(def: EntityDef, data: Record<string, unknown>): Promise<FieldErrors | null> {
  const fields = personFields(def);
  const lists = peopleLists(def);
  const slugs = [
    ...fields.map((f) => data[f.name]).filter((v): v is string => typeof v === 'string'),
    ...lists.flatMap((f) => (data[f.name] as string[] | undefined) ?? []),
  ];
  if (slugs.length === 0) return null;
  const found = new Map(
    (await db().person.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((p) => [
      p.slug,
      p.id,
    ]),
  );
  const errors: FieldErrors = {};
  for (const f of fields) {
    const slug = data[f.name];
    if (typeof slug !== 'string') continue;
    const id = found.get(slug);
    if (id === undefined) errors[f.name] = 'No such person: pick one from the list, or add them under People first.';
    else data[f.name] = id;
  }
  for (const f of lists) {
    const listed = (data[f.name] as string[] | undefined) ?? [];
    const unknown = listed.filter((slug) => !found.has(slug));
    if (unknown.length)
      errors[f.name] =
        `No such person: ${unknown.join(', ')}. Pick each from the list, or add them under People first.`;
    else data[f.name] = listed.map((slug) => found.get(slug)!);
  }
  return Object.keys(errors).length ? errors : null;
}

/**
 * Creates (id null) or updates a record from a submitted form. Expected problems come back as
 * field errors with everything typed kept; a stale version comes back as a conflict showing
 * what changed; nothing is written unless all of it is.
 */
export async function saveRecord(
  key: string,
  id: number | null,
  form: FormData,
  ctx?: RequestContext,
): Promise<SaveState> {
  const def = requireDef(key);
  // A new source's fields, when one is named, are kept with the rest whatever else is wrong.
  const typedSource =
    form.get('sourceId') === NEW_SOURCE
      ? valuesFrom(
          NEW_SOURCE_FIELDS.map((f) => ({ ...f, name: newSourceField(f.name) })),
          form,
        )
      : {};
  const values = { ...valuesFrom(def.fields, form), ...typedSource };
  const submittedVersion = Number(form.get('_version'));
  const fail = (
    fieldErrors: FieldErrors,
    message = 'Please correct the fields marked below. Nothing was saved.',
  ): SaveState => ({
    status: 'error',
    message,
    fieldErrors,
    values,
    version: Number.isFinite(submittedVersion) ? submittedVersion : undefined,
  });
  try {
    const actor = await requireRole('editor', ctx);
    const parsed = schemaFor(def.fields).safeParse(values);
    if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
    const data: Record<string, unknown> = { ...parsed.data };

    let newSource: NewSource | undefined;
    if (data.sourceId === NEW_SOURCE) {
      const source = parseNewSource(typedSource);
      if ('errors' in source) return fail(source.errors);
      newSource = source.data;
    }
    const peopleErrors = await resolvePeople(def, data);
    if (peopleErrors) return fail(peopleErrors);
    const checkErrors = def.check?.(data);
    if (checkErrors) return fail(checkErrors);
    Object.assign(data, def.derive?.(data));
    // People in link tables are written beside the record, not as its columns.
    const links: Record<string, number[]> = {};
    for (const f of peopleLists(def)) {
      links[f.name] = data[f.name] as number[];
      delete data[f.name];
    }

    const result = await db().$transaction(async (tx) => {
      if (newSource) data.sourceId = await createSource(tx, actor, newSource);
      const d = delegate(tx, def);
      if (id === null) {
        await HOOKS[def.key]?.beforeCreate?.(tx, data, (action, model, rowId, before, after) =>
          recordAudit(tx, actor, action, model, rowId, before, after),
        );
        const created = await d.create({ data });
        await writeLinks(tx, def, created.id as number, links);
        await recordAudit(
          tx,
          actor,
          'create',
          def.model,
          created.id as number,
          null,
          await readWithLinks(tx, def, created.id as number),
        );
        await HOOKS[def.key]?.afterWrite?.(tx, created);
        return { kind: 'saved' as const, row: created };
      }
      const before = await readWithLinks(tx, def, id);
      if (!before) return { kind: 'missing' as const };
      if (def.versioned) {
        const { count } = await d.updateMany({
          where: { id, version: submittedVersion },
          data: { ...data, version: { increment: 1 } },
        });
        if (count === 0) return { kind: 'conflict' as const, current: before };
      } else {
        await d.update({ where: { id }, data });
      }
      await writeLinks(tx, def, id, links);
      const after = await readWithLinks(tx, def, id);
      await recordAudit(tx, actor, 'update', def.model, id, before, after);
      await HOOKS[def.key]?.afterWrite?.(tx, after!, before);
      return { kind: 'saved' as const, row: after! };
    });

    if (result.kind === 'missing')
      return {
        status: 'error',
        message: 'This record no longer exists: someone deleted it. Your values are still here.',
        values,
      };
    if (result.kind === 'conflict') {
      const current = (await getRecord(key, id!, ctx))!;
      const changes = def.fields
        .map((f) => {
          const theirs = current.values[f.name] ?? '';
          const yours = values[f.name] ?? '';
          return {
            field: f.name,
            label: f.label,
            theirs: [theirs].flat().join(', '),
            yours: [yours].flat().join(', '),
          };
        })
        .filter((c) => c.theirs !== c.yours);
      return {
        status: 'conflict',
        message:
          'Someone else saved this record while you were editing it. Nothing was overwritten. Their values are shown beside yours; save again to replace theirs with yours.',
        values,
        version: current.version,
        changes,
      };
    }
    return {
      status: 'saved',
      message: 'Saved.',
      values,
      id: result.row.id as number,
      version: result.row.version as number | undefined,
    };
  } catch (error) {
    const fieldErrors = constraintError(def, error);
    if (fieldErrors && !(error instanceof AppError)) return fail(fieldErrors);
    return {
      status: 'error',
      message: publicMessage(error, `save ${key}`),
      values,
      version: Number.isFinite(submittedVersion) ? submittedVersion : undefined,
    };
  }
}

export type DeleteResult =
  { ok: true; deleted: number } | { ok: false; message: string; dependents?: { label: string; count: number }[] };

type CascadeDelegate = {
  findMany(a: unknown): Promise<Record<string, unknown>[]>;
  deleteMany(a: unknown): Promise<{ count: number }>;
  count(a: unknown): Promise<number>;
};
const cascadeDelegate = (client: unknown, model: string) => (client as Record<string, CascadeDelegate>)[model]!;

/** How many records of each kind the entity may take with it refer to this row. */
async function countDependents(def: EntityDef, id: number) {
  const counts = await Promise.all(
    (def.cascade ?? []).map(async (c) => ({
      label: c.label,
      count: await cascadeDelegate(db(), c.model).count({ where: { [c.field]: id } }),
    })),
  );
  return counts.filter((c) => c.count > 0);
}

/**
 * Deletes a record; refused with the reason when other records depend on it or it changed
 * meanwhile. With `cascade` (the editor ticked "also delete …" after such a refusal), the
 * entity's declared dependents are deleted first, each audited, all in the same transaction.
 */
export async function deleteRecord(
  key: string,
  id: number,
  version: number | null,
  ctx?: RequestContext,
  { cascade = false } = {},
): Promise<DeleteResult> {
  const def = requireDef(key);
  try {
    const actor = await requireRole('editor', ctx);
    return await db().$transaction(async (tx) => {
      const d = delegate(tx, def);
      const before = await readWithLinks(tx, def, id);
      if (!before) return { ok: false as const, message: 'This record no longer exists.' };
      if (def.versioned && version !== null && before.version !== version) {
        return {
          ok: false as const,
          message: 'Someone changed this record since you opened it. Review their change before deleting.',
        };
      }
      let deleted = 1;
      for (const c of cascade ? (def.cascade ?? []) : []) {
        const dependents = cascadeDelegate(tx, c.model);
        for (const row of await dependents.findMany({ where: { [c.field]: id } })) {
          const rowId = row.id !== undefined ? String(row.id) : Object.values(row).join(':');
          await recordAudit(tx, actor, 'delete', c.model, rowId, row, null);
        }
        deleted += (await dependents.deleteMany({ where: { [c.field]: id } })).count;
      }
      await d.delete({ where: { id } });
      await recordAudit(tx, actor, 'delete', def.model, id, before, null);
      await HOOKS[def.key]?.afterWrite?.(tx, before, before);
      return { ok: true as const, deleted };
    });
  } catch (error) {
    const kind = violationOf(error)?.kind;
    if (kind === 'restrict' || kind === 'foreign-key') {
      const dependents = cascade ? [] : await countDependents(def, id);
      if (dependents.length) {
        const list = dependents.map((c) => `${c.count} ${c.label}`).join(', ');
        return {
          ok: false,
          message: `This ${def.label} cannot be deleted on its own: ${list} refer to it. Remove or reassign those first, or tick the box to delete them with it.`,
          dependents,
        };
      }
      return {
        ok: false,
        message: `This ${def.label} cannot be deleted: ${def.dependents ?? 'other records'} refer to it. Remove or reassign those first.`,
      };
    }
    return { ok: false, message: publicMessage(error, `delete ${key}`) };
  }
}
