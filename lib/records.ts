// What each column of each kind of record may hold, written once (issue 25 §1). Every path that
// writes a record checks it with these rules: the admin forms (lib/admin/entities.ts takes its
// limits from here), the whip-count forms (lib/positions.ts), every CSV import
// (lib/import/kinds.ts) and the readers of Parliament's APIs. docs/csv.md's import tables are
// generated from them (`npm run docs`), and tests/records.test.ts fails when the two differ.
// Pure and client-safe.
import { z } from 'zod';
import type { Prisma } from './generated/prisma/client';

/** A Prisma model by its delegate's name: 'campaign', 'personAlias'. */
export type ModelKey = Uncapitalize<Prisma.ModelName>;
type Payload<M extends ModelKey> = Prisma.TypeMap['model'][Capitalize<M> & Prisma.ModelName]['payload'];
/** A column of the model, as the generated client names it. */
export type ColumnOf<M extends ModelKey> = keyof Payload<M>['scalars'] & string;

/** Text on one line (names, titles, labels), or a block that may hold tabs and line breaks. */
export type TextRule = { kind: 'line' | 'block'; max: number };
/** A number written in plain decimals; `whole` when it must be an integer. */
export type NumberRule = { kind: 'number'; min: number; max: number; whole: boolean };
export type Rule = TextRule | NumberRule;

export const line = (max: number): TextRule => ({ kind: 'line', max });
export const block = (max: number): TextRule => ({ kind: 'block', max });
const whole = (min: number, max: number): NumberRule => ({ kind: 'number', min, max, whole: true });
const decimal = (min: number, max: number): NumberRule => ({ kind: 'number', min, max, whole: false });

/** PostgreSQL's integer. */
export const MAX_INT = 2_147_483_647;

/**
 * Characters no text may hold: control characters. A line refuses tabs and line breaks too; a
 * block keeps them.
 */
const CONTROL = { line: /[\u0000-\u001f\u007f]/, block: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ } as const;

const NOTE = block(2000);
const PROSE = block(5000);
const SLUG = line(120);
const NAME = line(200);
const PARTY = line(100);
const SEAT = line(200);
const SHARE = decimal(0, 100);

/** The rules, by record kind and column. A column written as text or a number by any path is here. */
export const RECORDS = {
  campaign: { slug: SLUG, title: line(300), summary: PROSE },
  threshold: { label: line(200), absoluteValue: whole(1, 1_000_000), sharePercent: decimal(0.01, 100) },
  signature: { roleAtSigning: line(200), withdrawalReason: line(500), note: NOTE, privateNote: NOTE },
  tally: { count: whole(0, 10_000_000), scope: line(200) },
  stage: {
    position: whole(1, 100),
    name: line(200),
    scheduleNote: line(300),
    decisionRule: line(300),
    ruleNumerator: whole(1, 1000),
    ruleDenominator: whole(1, 1000),
    ruleCount: whole(1, 100_000),
    quorum: whole(1, 100_000),
  },
  division: {
    number: whole(1, 1_000_000),
    question: line(500),
    ayes: whole(0, MAX_INT),
    noes: whole(0, MAX_INT),
    abstentions: whole(0, MAX_INT),
  },
  divisionWhip: { party: PARTY, lines: whole(1, 3), note: NOTE, privateNote: NOTE },
  statement: { speakerLabel: NAME, subject: line(300), quote: PROSE, summary: PROSE },
  poll: {
    pollster: NAME,
    subjectRole: NAME,
    satisfied: SHARE,
    dissatisfied: SHARE,
    dontKnow: SHARE,
    net: decimal(-100, 100),
    sampleSize: whole(1, 10_000_000),
    note: NOTE,
    privateNote: NOTE,
  },
  timelineEvent: { title: line(300), description: PROSE },
  person: { name: NAME, honorific: line(50), sortName: NAME, slug: SLUG, party: PARTY, constituency: SEAT },
  personAlias: { alias: NAME },
  role: { title: NAME, organisation: NAME },
  body: { slug: SLUG, name: NAME, description: PROSE },
  bodySize: { size: whole(0, 10_000) },
  term: { name: line(50), label: NAME },
  membership: { party: PARTY, constituency: SEAT, note: NOTE, privateNote: NOTE },
  position: { quote: PROSE, note: NOTE, privateNote: NOTE },
  positionRule: { note: NOTE, privateNote: NOTE },
  source: { publisher: NAME, title: line(500), excerpt: PROSE },
} as const satisfies { [M in ModelKey]?: { [C in ColumnOf<M>]?: Rule } };

/** The rule of a model's column, or undefined where it has none (a reference, a date, a choice). */
export function ruleOf(model: string, column: string): Rule | undefined {
  return (RECORDS as Record<string, Record<string, Rule> | undefined>)[model]?.[column];
}

/** What is wrong with a text under a rule, or null: too long, or holding control characters. */
export function textProblem(rule: TextRule, value: string, label: string): string | null {
  if (value.length > rule.max) return `${label} is longer than ${rule.max.toLocaleString('en-GB')} characters.`;
  if (CONTROL[rule.kind].test(value))
    return rule.kind === 'line'
      ? `${label} holds control characters or a line break.`
      : `${label} holds control characters.`;
  return null;
}

/** A text from elsewhere (Parliament's files) within a rule, or not. */
export const fits = (rule: TextRule, value: string) => textProblem(rule, value, '') === null;

/**
 * A text column as a form or a file gives it: trimmed, within the rule. Empty is `''` unless
 * `required`, when it is an error.
 */
export function textSchema(rule: TextRule, label: string, required = false) {
  return z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = required && v === '' ? `${label} is required.` : textProblem(rule, v, label);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** The one number notation every form and file accepts: plain decimals (no exponents, hex, NaN). */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** What is wrong with a number as typed under a rule, or null. */
export function numberProblem(rule: NumberRule, text: string, label: string): string | null {
  const n = Number(text);
  const fits = DECIMAL.test(text) && n >= rule.min && n <= rule.max && (!rule.whole || Number.isInteger(n));
  if (fits) return null;
  const range = `${rule.min.toLocaleString('en-GB')} to ${rule.max.toLocaleString('en-GB')}`;
  return `${label} must be ${rule.whole ? 'a whole number' : 'a number'} from ${range}.`;
}

/** A number column as typed: null when empty (an error when `required`), else a number within the rule. */
export function numberSchema(rule: NumberRule, label: string, required = false) {
  return z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = v === '' ? (required ? `${label} is required.` : null) : numberProblem(rule, v, label);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((v) => (v === '' ? null : Number(v)));
}

/** A rule in words, as the docs print it ("one line, at most 200 characters"). */
export function describeRule(rule: Rule): string {
  if (rule.kind === 'number')
    return `${rule.whole ? 'a whole number' : 'a number'} from ${rule.min.toLocaleString('en-GB')} to ${rule.max.toLocaleString('en-GB')}`;
  return `${rule.kind === 'line' ? 'one line' : 'text (line breaks kept)'}, at most ${rule.max.toLocaleString('en-GB')} characters`;
}
