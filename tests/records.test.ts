// One rule per record column (issue 25 §1): the admin forms, the CSV imports and the whip-count
// forms check a column the same way, and the docs say what the code checks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { entityDef } from '../lib/admin/entities';
import { schemaFor } from '../lib/admin/fields';
import { columnNames, rowOf } from '../lib/import/columns';
import { IMPORT_KINDS } from '../lib/import/kinds';
import { RECORDS, textProblem } from '../lib/records';
import { divisionListQuerySchema } from '../lib/divisions';
import { peopleQuerySchema } from '../lib/people';
import { signatureQuerySchema } from '../lib/signatures';
import { CSV_DOC, withImportDocs } from '../scripts/docs';

const adminError = (entity: string, values: Record<string, string>, field: string) => {
  const def = entityDef(entity)!;
  const blank = Object.fromEntries(def.fields.map((f) => [f.name, '']));
  const parsed = schemaFor(def.fields).safeParse({ ...blank, ...values });
  return parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === field)?.message;
};
const importError = (kind: string, values: Record<string, string>, column: string) => {
  const parsed = rowOf(IMPORT_KINDS[kind]!.columns).safeParse(values);
  return parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === column)?.message;
};

describe('a column follows one rule on every path', () => {
  it('a position’s note: 2,000 characters through the admin form and the import alike', () => {
    const max = RECORDS.position.note.max;
    const row = { name: 'Ann Example', position: 'for', stated_on: '2019-06-27' };
    expect(adminError('positions', { note: 'n'.repeat(max) }, 'note')).toBeUndefined();
    expect(importError('positions', { ...row, note: 'n'.repeat(max) }, 'note')).toBeUndefined();
    expect(adminError('positions', { note: 'n'.repeat(max + 1) }, 'note')).toMatch(/longer than 2,000 characters/);
    expect(importError('positions', { ...row, note: 'n'.repeat(max + 1) }, 'note')).toBe(
      'note is longer than 2,000 characters.',
    );
  });

  it('a signature’s note and a whip’s note have the same limit as a position’s', () => {
    expect(RECORDS.signature.note).toEqual(RECORDS.position.note);
    expect(entityDef('signatures')!.fields.find((f) => f.name === 'note')).toMatchObject({ max: 2000 });
    expect(entityDef('division-whips')!.fields.find((f) => f.name === 'note')).toMatchObject({ max: 2000 });
  });

  it('a line refuses control characters and line breaks on every path; a text keeps line breaks', () => {
    const bell = 'Ann\u0007Example';
    expect(adminError('people', { name: bell }, 'name')).toMatch(/control characters/);
    expect(importError('ballots', { name: bell, vote: 'aye' }, 'name')).toMatch(/control characters/);
    expect(importError('ballots', { name: 'Ann\nExample', vote: 'aye' }, 'name')).toMatch(/line break/);
    expect(
      importError('positions', { name: 'A', position: 'for', stated_on: '2019-06-27', note: 'a\nb' }, 'note'),
    ).toBe(undefined);
    expect(importError('signatures', { name: 'A', note: 'a\u0000b' }, 'note')).toMatch(/control characters/);
    expect(textProblem(RECORDS.position.quote, 'a\u007fb', 'Quote')).toMatch(/control characters/);
  });

  it('a party has one limit wherever it is written (person, stint, whip, roster import)', () => {
    expect(RECORDS.person.party).toEqual(RECORDS.membership.party);
    expect(RECORDS.divisionWhip.party).toEqual(RECORDS.membership.party);
    expect(importError('roster', { id: 'x1', name: 'A', group: 'p'.repeat(101) }, 'group')).toMatch(/longer than 100/);
  });

  it('a poll’s numbers are read alike by the admin form and the import', () => {
    expect(adminError('polls', { net: '101' }, 'net')).toBe(
      'Net (satisfied − dissatisfied) must be a number from -100 to 100.',
    );
    expect(importError('polls', { pollster: 'P', subject: 's', subject_role: 'r', net: '101' }, 'net')).toBe(
      'net must be a number from -100 to 100.',
    );
    expect(importError('polls', { pollster: 'P', subject: 's', subject_role: 'r', net: '1e2' }, 'net')).toBe(
      'net must be a number from -100 to 100.',
    );
    expect(adminError('polls', { net: '-12.5', sampleSize: '10000001' }, 'sampleSize')).toMatch(/10,000,000/);
  });

  it('every text and number field of every admin form takes its limits from a rule', () => {
    // entity() refuses a field without one when the module loads; this names what it found.
    for (const key of ['campaigns', 'positions', 'people', 'memberships', 'polls', 'sources'])
      for (const f of entityDef(key)!.fields)
        if (f.type === 'text' || f.type === 'textarea' || f.type === 'int' || f.type === 'decimal')
          expect(f.max, `${key}.${f.name}`).toBeGreaterThan(0);
  });
});

describe('the docs say what the code checks', () => {
  it('docs/csv.md’s import columns are the import kinds’ (run `npm run docs` after changing one)', () => {
    const doc = readFileSync(CSV_DOC, 'utf8');
    expect(withImportDocs(doc)).toBe(doc);
    for (const kind of Object.values(IMPORT_KINDS))
      for (const name of [...columnNames(kind.columns).required, ...columnNames(kind.columns).optional])
        expect(doc).toContain(`| \`${name}\` |`);
  });

  /** The filters docs/api.md lists for a path: name → the values it lists, if any. */
  function documentedFilters(path: string): Map<string, string[] | null> {
    const row = readFileSync('docs/api.md', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`| \`${path}\` |`));
    if (!row) throw new Error(`docs/api.md has no row for ${path}`);
    const cell = row.split(' | ').at(-1)!.replace(/ \|$/, '');
    const filters = new Map<string, string[] | null>();
    for (const item of cell.match(/[a-z_]+(=[a-z]+| \([^)]*\))?/g) ?? []) {
      const [, name, values] = /^([a-z_]+)(?:=([a-z]+)| \(([^)]*)\))?$/.exec(item)!.filter((v) => v !== undefined);
      filters.set(name!, values && values !== 'YYYY-MM-DD' ? values.split(', ') : null);
    }
    return filters;
  }
  /** A query schema's filters: name → the values its enum allows (null for free text). */
  function schemaFilters(schema: z.ZodObject): Map<string, string[] | null> {
    const filters = new Map<string, string[] | null>();
    for (const [name, field] of Object.entries(schema.shape)) {
      if (name === 'page') continue; // pagination is documented once, above the table
      let inner = field as z.ZodType & { options?: string[] };
      while ((inner._zod.def as { innerType?: z.ZodType }).innerType)
        inner = (inner._zod.def as unknown as { innerType: typeof inner }).innerType;
      filters.set(name, Array.isArray(inner.options) ? inner.options : null);
    }
    return filters;
  }

  it.each([
    ['/api/v1/campaigns/{slug}/signatures', signatureQuerySchema],
    ['/api/v1/divisions', divisionListQuerySchema],
    ['/api/v1/people', peopleQuerySchema],
  ] as const)('docs/api.md lists the filters %s reads, with their values', (path, schema) => {
    const documented = documentedFilters(path);
    const read = schemaFilters(schema);
    expect([...documented.keys()].sort()).toEqual([...read.keys()].sort());
    for (const [name, values] of documented)
      if (values) for (const value of values) expect(read.get(name), `${path} ${name}`).toContain(value);
  });
});
