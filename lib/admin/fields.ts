// Form fields, declared once: the same declaration renders the browser's constraints and builds
// the zod schema the server parses with. Pure and client-safe (no database).
import { z } from 'zod';
import { isDay, SLUG_RE } from '../validation';
import { MAX_INT, type NumberRule, numberSchema, RECORDS, textSchema } from '../records';

export type RefKind = 'source' | 'body' | 'campaign' | 'stage' | 'division' | 'term' | 'statement';

export type FieldDef = {
  name: string;
  label: string;
  help?: string;
  required?: boolean;
} & (
  | { type: 'text' | 'textarea'; max?: number; pattern?: { regex: string; message: string } }
  | { type: 'url' }
  | { type: 'int' | 'decimal'; min?: number; max?: number }
  | { type: 'date' | 'datetime' }
  | { type: 'boolean' }
  | { type: 'select'; options: readonly (readonly [string, string])[] }
  | { type: 'multiselect'; options: readonly (readonly [string, string])[] }
  | { type: 'list' }
  | { type: 'ref'; ref: RefKind }
  /** A person picked by slug; `relation` is the Prisma relation the id field belongs to. */
  | { type: 'person'; relation: string }
  /**
   * Several people, each picked by slug, kept in a link table: `link.model` is its Prisma
   * delegate, `link.owner` its column naming this record, `link.relation` the relation to it.
   */
  | { type: 'people'; link: { model: string; owner: string; relation: string } }
);

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

export const SLUG_PATTERN = {
  regex: SLUG_RE.source,
  message: 'Use lower-case letters, digits and single hyphens, e.g. plp-motion.',
};

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

function fieldSchema(field: FieldDef): z.ZodType {
  const optional = (schema: z.ZodType) => (field.required ? schema : z.preprocess(emptyToNull, schema.nullable()));
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (field.max === undefined) throw new Error(`The field ${field.name} has no rule (lib/records.ts).`);
      let s = textSchema(
        { kind: field.type === 'text' ? 'line' : 'block', max: field.max },
        field.label,
        field.required,
      );
      if (field.pattern) s = s.regex(new RegExp(field.pattern.regex), field.pattern.message);
      return field.required ? s : optional(s);
    }
    case 'url':
      return optional(
        z
          .string()
          .trim()
          .max(2000)
          .url('Enter a full web address, starting https://')
          .refine((u) => /^https?:\/\//i.test(u), 'Only http and https addresses.'),
      );
    case 'int':
    case 'decimal': {
      if (field.min === undefined || field.max === undefined)
        throw new Error(`The field ${field.name} has no rule (lib/records.ts).`);
      const rule: NumberRule = { kind: 'number', min: field.min, max: field.max, whole: field.type === 'int' };
      return z.preprocess(
        (v) => (v === null || v === undefined ? '' : v),
        numberSchema(rule, field.label, field.required),
      );
    }
    case 'date':
      return optional(
        z
          .string()
          .refine(isDay, 'Enter a date as YYYY-MM-DD.')
          .transform((d) => new Date(`${d}T00:00:00Z`)),
      );
    case 'datetime':
      return optional(
        z
          .string()
          .refine((d) => !Number.isNaN(Date.parse(d)), 'Enter a date and time.')
          .transform((d) => new Date(d)),
      );
    case 'boolean':
      return z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
    case 'select': {
      const values = field.options.map(([v]) => v) as [string, ...string[]];
      return optional(z.enum(values, { message: `Choose one of the options for ${field.label}.` }));
    }
    case 'multiselect': {
      const values = field.options.map(([v]) => v) as [string, ...string[]];
      const arr = z.array(z.enum(values));
      return field.required ? arr.min(1, `Choose at least one for ${field.label}.`) : arr;
    }
    case 'list':
      return z.preprocess(
        (v) =>
          typeof v === 'string'
            ? v
                .split(/[\n,]/)
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
        z.array(z.string().max(200)).max(50),
      );
    case 'ref':
      return field.ref === 'source'
        ? z.preprocess(
            emptyToNull,
            z
              .union([z.literal('new'), z.coerce.number().int().positive().max(MAX_INT)])
              .nullable()
              .refine((v) => !field.required || v !== null, `${field.label} is required.`),
          )
        : optional(
            z.coerce
              .number({ message: `Choose a ${field.ref}.` })
              .int(`Choose a ${field.ref}.`)
              .positive(`Choose a ${field.ref}.`)
              .max(MAX_INT, `Choose a ${field.ref}.`),
          );
    case 'person':
      return optional(z.string().trim().regex(new RegExp(SLUG_PATTERN.regex), 'Pick a person from the list.'));
    case 'people':
      return z
        .array(z.string().trim().regex(new RegExp(SLUG_PATTERN.regex), 'Pick each person from the list.'))
        .max(50, 'At most 50 people.')
        .transform((slugs) => [...new Set(slugs)]);
  }
}

/** The zod schema for a set of fields: what the server parses a submitted form with. */
export function schemaFor(fields: FieldDef[]) {
  return z.object(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])));
}

/** The raw values of the fields from a submitted form, as typed (kept to refill the form). */
export function valuesFrom(fields: FieldDef[], form: FormData): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    if (f.type === 'multiselect') values[f.name] = form.getAll(f.name).map(String);
    else if (f.type === 'people')
      values[f.name] = form
        .getAll(f.name)
        .map((v) => String(v).trim())
        .filter(Boolean);
    else if (f.type === 'boolean') values[f.name] = form.get(f.name) ? 'on' : '';
    else values[f.name] = String(form.get(f.name) ?? '');
  }
  return values;
}

/** zod issues as one message per field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A stored value as a form value: dates as YYYY-MM-DD, arrays kept, null as empty. */
export function toFormValue(field: FieldDef, value: unknown): string | string[] {
  if (value === null || value === undefined) return field.type === 'multiselect' || field.type === 'people' ? [] : '';
  if (field.type === 'multiselect' || field.type === 'people') return (value as string[]).map(String);
  if (field.type === 'list') return (value as string[]).join(', ');
  if (field.type === 'boolean') return value ? 'on' : '';
  if (value instanceof Date)
    return field.type === 'datetime' ? value.toISOString().slice(0, 16) : value.toISOString().slice(0, 10);
  return String(value);
}

/** The choice of source in a form: a recorded one's id, or this, with the new one's fields beside it. */
export const NEW_SOURCE = 'new';

/** A new source's field as the form names it ("newSource.publisher" …). */
export const newSourceField = (name: string) => `newSource.${name}`;

/** Inline new-source fields, offered wherever a record cites a source. */
export const NEW_SOURCE_FIELDS: FieldDef[] = [
  { name: 'publisher', label: 'Publisher', type: 'text', required: true, max: RECORDS.source.publisher.max },
  { name: 'title', label: 'Title', type: 'text', required: true, max: RECORDS.source.title.max },
  { name: 'publishedAt', label: 'Published at', type: 'datetime' },
  { name: 'url', label: 'Web address', type: 'url' },
];
