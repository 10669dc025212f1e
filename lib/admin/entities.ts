// What editors can create, edit and delete, declared as data: the admin pages, the forms, the
// server-side parsing and the audit trail are all driven from these definitions. Client-safe.
import type { Prisma } from '../generated/prisma/client';
import {
  CampaignKind,
  CampaignStatus,
  type Confidence,
  type DatePrecision,
  type DecisionRuleKind,
  type House,
  Stance,
  StageStatus,
  type Stand,
  type StintChange,
  TallyQualifier,
  ThresholdPurpose,
  type TieRule,
  Vote,
  type WhipDirection,
} from '../generated/prisma/enums';
import { STAND_LABEL, STAND_ORDER } from '../decision-rule';
import { normalizeName } from '../names';
import { type FieldDef, type FieldErrors, SLUG_PATTERN } from './fields';
import { type ColumnOf, type ModelKey, ruleOf } from '../records';

/** Every value of a generated enum, in the schema's order, titled ("IN_PROGRESS" → "In progress"). */
const titled = <E extends string>(values: Record<string, E>) =>
  Object.values(values).map((v) => [v, v.charAt(0) + v.slice(1).toLowerCase().replace(/_/g, ' ')] as const);

/**
 * Every value of a generated enum with the label editors see. The labels are a `Record` of the
 * enum's type, so renaming, adding or removing a value in schema.prisma fails `tsc` here until the
 * labels follow; the order is the labels'.
 */
export const labelled = <E extends string>(labels: Record<E, string>) => Object.entries(labels) as [E, string][];

export const HOUSES = labelled<House>({ COMMONS: 'House of Commons', LORDS: 'House of Lords', NONE: 'Neither' });
export const CONFIDENCE = labelled<Confidence>({
  REPORTED: 'Reported (by the press)',
  CONFIRMED: 'Confirmed (by them or an official record)',
  CLAIMED: 'Claimed (not corroborated)',
});

export const DIVISION_HOUSES = labelled<'COMMONS' | 'LORDS'>({ COMMONS: 'House of Commons', LORDS: 'House of Lords' });
export const WHIP_DIRECTIONS = labelled<WhipDirection>({ AYE: 'Vote aye', NO: 'Vote no', FREE: 'Free vote' });
export const STANDS = STAND_ORDER.map((s) => [s, STAND_LABEL[s]] as [Stand, string]);
export const RULE_KINDS = labelled<DecisionRuleKind>({
  UNKNOWN: 'Not known',
  MAJORITY_OF_VOTING: 'A majority of those voting',
  MAJORITY_OF_BODY: 'A majority of all members',
  FRACTION_OF_VOTING: 'A fraction of those voting',
  FRACTION_OF_BODY: 'A fraction of all members',
  ABSOLUTE: 'A fixed number of ayes',
});
export const STINT_CHANGES = labelled<StintChange>({
  ELECTED: 'Elected',
  BY_ELECTION: 'By-election',
  DEFECTION: 'Changed party',
  WHIP_WITHDRAWN: 'Whip withdrawn',
  WHIP_SUSPENDED: 'Whip suspended',
  WHIP_RESTORED: 'Whip restored',
  OTHER: 'Other',
});

/** A shared field, its name kept as a literal so that each entity checks it against its model. */
const field = <N extends string>(f: FieldDef & { name: N }) => f;

const source = field({
  name: 'sourceId',
  label: 'Source',
  type: 'ref',
  ref: 'source',
  required: true,
  help: 'Where this fact comes from.',
});
/** What every note field says about who reads it (issue 23 §9). */
export const PUBLIC_NOTE_HELP = 'Public: shown on the site and in its downloads, feeds and API.';
export const PRIVATE_NOTE_HELP = 'Never published: seen only here, by signed-in users.';
/** The public note of a record, and its private one beside it. */
const notes = (label = 'Note') =>
  [
    field({
      name: 'note',
      label: `${label} (public)`,
      type: 'textarea',
      help: PUBLIC_NOTE_HELP,
    }),
    field({
      name: 'privateNote',
      label: 'Private note',
      type: 'textarea',
      help: PRIVATE_NOTE_HELP,
    }),
  ] as const;
const confidence = field({
  name: 'confidence',
  label: 'Confidence',
  type: 'select',
  options: CONFIDENCE,
  required: true,
});
const slug = field({
  name: 'slug',
  label: 'Slug (in the address)',
  type: 'text',
  required: true,
  pattern: SLUG_PATTERN,
});

export type { ColumnOf, ModelKey };
type Payload<M extends ModelKey> = Prisma.TypeMap['model'][Capitalize<M> & Prisma.ModelName]['payload'];
/** A column or a relation of the model (a form field may name a link table by its relation). */
export type FieldOf<M extends ModelKey> = (keyof Payload<M>['scalars'] | keyof Payload<M>['objects']) & string;
/** A model that may be deleted with a row, and its column naming the row. */
type Cascade = { [K in ModelKey]: { model: K; field: ColumnOf<K>; label: string } }[ModelKey];

/**
 * An entity as declared: typed against the generated client, so that a renamed model, column or
 * relation fails `tsc` here rather than at run time. `entity()` checks one and hands the engine
 * the untyped view it works with (`EntityDef`).
 */
interface TypedEntityDef<M extends ModelKey> {
  key: string;
  /** The Prisma model's delegate name. */
  model: M;
  label: string;
  plural: string;
  fields: (FieldDef & { name: FieldOf<M> })[];
  /** Columns of the list page, by field name (references are shown by their label). */
  columns: FieldOf<M>[];
  /** How a row is named in lists, links and the audit log. */
  title: (row: Record<string, unknown>) => string;
  /** Rows carry a `version` for optimistic locking. */
  versioned: boolean;
  /** Checks across fields, after each field parsed. */
  check?: (data: Record<string, unknown>) => FieldErrors | null;
  /** Database constraint names mapped to the field and message they mean. */
  constraints?: Record<string, [field: FieldOf<M> | '_form', message: string]>;
  /** What may depend on a row, for the refusal message when deleting it is not allowed. */
  dependents?: string;
  /**
   * Records that refer to a row and may be deleted with it, when the editor asks for that
   * explicitly after a refusal: the Prisma delegate, the column naming the row, a plural label.
   */
  cascade?: Cascade[];
  /** Fields filled from others before saving (e.g. an alias's normalized form). */
  derive?: (data: Record<string, unknown>) => Record<string, unknown>;
  /** Text columns the list page searches. */
  search: ColumnOf<M>[];
  /** Columns by which the list is sorted. */
  orderBy: { [C in ColumnOf<M>]?: 'asc' | 'desc' }[];
}

/** The engine's view of an entity (lib/admin/store.ts reaches models by these names). */
export interface EntityDef {
  key: string;
  model: ModelKey;
  label: string;
  plural: string;
  fields: FieldDef[];
  columns: string[];
  title: (row: Record<string, unknown>) => string;
  versioned: boolean;
  check?: (data: Record<string, unknown>) => FieldErrors | null;
  constraints?: Record<string, [field: string, message: string]>;
  dependents?: string;
  cascade?: { model: ModelKey; field: string; label: string }[];
  derive?: (data: Record<string, unknown>) => Record<string, unknown>;
  search: string[];
  orderBy: Record<string, 'asc' | 'desc'>[];
}

/**
 * Checks an entity's declaration against the generated client's types, and gives each text and
 * number field the limits of its column's rule (lib/records.ts): a form never has limits of its
 * own, and a text or number field whose column has no rule fails at load.
 */
export function entity<M extends ModelKey>(def: TypedEntityDef<M>): EntityDef {
  const fields = def.fields.map((f): FieldDef => {
    if (f.type !== 'text' && f.type !== 'textarea' && f.type !== 'int' && f.type !== 'decimal') return f;
    const rule = ruleOf(def.model, f.name);
    const wanted = f.type === 'int' || f.type === 'decimal' ? 'number' : f.type === 'text' ? 'line' : 'block';
    if (!rule || rule.kind !== wanted || (rule.kind === 'number' && rule.whole !== (f.type === 'int')))
      throw new Error(`${def.model}.${f.name}: a ${f.type} field needs a ${wanted} rule in lib/records.ts.`);
    if (rule.kind === 'number' && (f.type === 'int' || f.type === 'decimal'))
      return { ...f, min: rule.min, max: rule.max };
    return { ...f, max: rule.max };
  });
  return { ...def, fields } as unknown as EntityDef;
}

export const ENTITIES: EntityDef[] = [
  entity({
    key: 'campaigns',
    model: 'campaign',
    label: 'campaign',
    plural: 'Campaigns',
    fields: [
      slug,
      { name: 'title', label: 'Title', type: 'text', required: true },
      {
        name: 'kind',
        label: 'Kind',
        type: 'select',
        required: true,
        options: titled(CampaignKind),
      },
      {
        name: 'status',
        label: 'Status',
        type: 'select',
        required: true,
        options: titled(CampaignStatus),
      },
      { name: 'summary', label: 'Summary', type: 'textarea' },
      { name: 'bodyId', label: 'Body it belongs to', type: 'ref', ref: 'body' },
      { name: 'leadSponsorId', label: 'Lead sponsor', type: 'person', relation: 'leadSponsor' },
      { name: 'openedOn', label: 'Opened on', type: 'date' },
      { name: 'eligibleHouses', label: 'Who may sign', type: 'multiselect', required: true, options: HOUSES },
      {
        name: 'eligibleParties',
        label: 'Parties that may sign',
        type: 'list',
        help: 'As the roster names them, separated by commas; leave empty for any party.',
      },
      source,
    ],
    columns: ['title', 'kind', 'status'],
    title: (r) => String(r.title),
    versioned: true,
    check: (d): FieldErrors | null => {
      const houses = (d.eligibleHouses as string[] | null) ?? [];
      if (houses.includes('NONE') && houses.length > 1)
        return { eligibleHouses: 'Choose “Neither” alone, or one or both houses: not a house and “Neither”.' };
      return null;
    },
    constraints: {
      Campaign_slug_key: ['slug', 'Another campaign already uses this slug.'],
      Campaign_slug_check: ['slug', SLUG_PATTERN.message],
    },
    dependents: 'signatures',
    cascade: [{ model: 'signature', field: 'campaignId', label: 'signatures' }],
    search: ['title', 'slug'],
    orderBy: [{ title: 'asc' }],
  }),
  entity({
    key: 'thresholds',
    model: 'threshold',
    label: 'threshold',
    plural: 'Thresholds',
    fields: [
      { name: 'campaignId', label: 'Campaign', type: 'ref', ref: 'campaign', required: true },
      { name: 'label', label: 'Label', type: 'text', required: true },
      {
        name: 'purpose',
        label: 'Purpose',
        type: 'select',
        required: true,
        options: titled(ThresholdPurpose),
      },
      {
        name: 'absoluteValue',
        label: 'Absolute number',
        type: 'int',
        help: 'Either a number…',
      },
      { name: 'sharePercent', label: 'Or a share of a body (%)', type: 'decimal' },
      { name: 'bodyId', label: 'Body (for a share)', type: 'ref', ref: 'body' },
      source,
    ],
    columns: ['label', 'campaignId', 'absoluteValue', 'sharePercent'],
    title: (r) => String(r.label),
    versioned: true,
    check: (d): FieldErrors | null => {
      const absolute = d.absoluteValue !== null;
      const share = d.sharePercent !== null || d.bodyId !== null;
      if (absolute && share) return { absoluteValue: 'Give either an absolute number or a share of a body, not both.' };
      if (!absolute && !share) return { absoluteValue: 'Give an absolute number, or a share of a body.' };
      if (!absolute && (d.sharePercent === null || d.bodyId === null)) {
        return d.sharePercent === null
          ? { sharePercent: 'A share needs a percentage.' }
          : { bodyId: 'A share needs the body it is a share of.' };
      }
      return null;
    },
    search: ['label'],
    orderBy: [{ campaignId: 'asc' }, { absoluteValue: 'asc' }],
  }),
  entity({
    key: 'signatures',
    model: 'signature',
    label: 'signature',
    plural: 'Signatures',
    fields: [
      { name: 'campaignId', label: 'Campaign', type: 'ref', ref: 'campaign', required: true },
      { name: 'personId', label: 'Person', type: 'person', relation: 'person', required: true },
      { name: 'signedOn', label: 'Signed on', type: 'date' },
      { name: 'roleAtSigning', label: 'Role at signing', type: 'text' },
      confidence,
      { name: 'isLeadSponsor', label: 'Lead sponsor', type: 'boolean' },
      { name: 'withdrawnOn', label: 'Withdrawn on', type: 'date' },
      { name: 'withdrawalReason', label: 'Why withdrawn', type: 'text' },
      ...notes(),
      source,
    ],
    columns: ['personId', 'campaignId', 'signedOn', 'confidence', 'withdrawnOn'],
    title: (r) => `Signature #${r.id}`,
    versioned: true,
    check: (d): FieldErrors | null => {
      if (d.withdrawnOn && d.signedOn && (d.withdrawnOn as Date) < (d.signedOn as Date))
        return { withdrawnOn: 'A signature cannot be withdrawn before it was signed.' };
      if (d.withdrawalReason && !d.withdrawnOn) return { withdrawnOn: 'Give the date it was withdrawn.' };
      return null;
    },
    constraints: {
      Signature_campaignId_personId_key: ['personId', 'This person has already signed this campaign.'],
      Signature_withdrawn_after_signed_check: ['withdrawnOn', 'A signature cannot be withdrawn before it was signed.'],
    },
    search: ['roleAtSigning', 'note'],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'tallies',
    model: 'tally',
    label: 'reported tally',
    plural: 'Reported tallies',
    fields: [
      { name: 'campaignId', label: 'Campaign', type: 'ref', ref: 'campaign', required: true },
      { name: 'asOf', label: 'As of', type: 'date', required: true },
      {
        name: 'qualifier',
        label: 'Qualifier',
        type: 'select',
        required: true,
        options: titled(TallyQualifier),
      },
      { name: 'count', label: 'Count', type: 'int', required: true },
      { name: 'scope', label: 'Who is counted (the source’s words)', type: 'text' },
      confidence,
      source,
    ],
    columns: ['campaignId', 'asOf', 'qualifier', 'count'],
    title: (r) => `${String(r.qualifier).toLowerCase().replace('_', ' ')} ${r.count}`,
    versioned: true,
    search: ['scope'],
    orderBy: [{ asOf: 'desc' }],
  }),
  entity({
    key: 'stages',
    model: 'stage',
    label: 'stage',
    plural: 'Procedure stages',
    fields: [
      { name: 'campaignId', label: 'Campaign', type: 'ref', ref: 'campaign', required: true },
      { name: 'position', label: 'Position (1 = first)', type: 'int', required: true },
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'bodyId', label: 'Body', type: 'ref', ref: 'body' },
      { name: 'scheduledOn', label: 'Scheduled on', type: 'date' },
      { name: 'scheduleNote', label: 'Schedule in the source’s words', type: 'text' },
      {
        name: 'status',
        label: 'Status',
        type: 'select',
        required: true,
        options: titled(StageStatus),
      },
      { name: 'decisionRule', label: 'Decision rule in the source’s words', type: 'text' },
      {
        name: 'ruleKind',
        label: 'What the vote needs to pass',
        type: 'select',
        required: true,
        options: RULE_KINDS,
        help: 'Leave “not known” unless a source says: the whip count then shows counts without pass/fail arithmetic.',
      },
      { name: 'ruleNumerator', label: 'Fraction: numerator (e.g. 2)', type: 'int' },
      { name: 'ruleDenominator', label: 'Fraction: denominator (e.g. 3)', type: 'int' },
      { name: 'ruleCount', label: 'Ayes needed (for a fixed number)', type: 'int' },
      { name: 'quorum', label: 'Quorum (members who must vote)', type: 'int' },
      {
        name: 'tie',
        label: 'A tie',
        type: 'select',
        required: true,
        options: labelled<TieRule>({ FAILS: 'fails', PASSES: 'passes' }),
      },
      {
        name: 'membersOn',
        label: 'Count members as on',
        type: 'date',
        help: 'Who may vote is decided by membership on this day until the vote is dated (then the vote’s day).',
      },
      source,
    ],
    check: (d): FieldErrors | null => {
      const fraction = d.ruleKind === 'FRACTION_OF_VOTING' || d.ruleKind === 'FRACTION_OF_BODY';
      if (fraction && (d.ruleNumerator === null || d.ruleDenominator === null))
        return { ruleNumerator: 'A fraction needs a numerator and a denominator.' };
      if (fraction && (d.ruleNumerator as number) > (d.ruleDenominator as number))
        return { ruleNumerator: 'The numerator cannot be larger than the denominator.' };
      if (d.ruleKind === 'ABSOLUTE' && d.ruleCount === null) return { ruleCount: 'Give the number of ayes needed.' };
      return null;
    },
    columns: ['campaignId', 'position', 'name', 'status'],
    title: (r) => String(r.name),
    versioned: true,
    constraints: {
      Stage_campaignId_position_key: ['position', 'This campaign already has a stage at this position.'],
      Stage_rule_check: ['ruleKind', 'The rule’s numbers do not fit its kind.'],
    },
    dependents: 'divisions and positions',
    cascade: [{ model: 'position', field: 'stageId', label: 'positions' }],
    search: ['name'],
    orderBy: [{ campaignId: 'asc' }, { position: 'asc' }],
  }),
  entity({
    key: 'divisions',
    model: 'division',
    label: 'division (vote)',
    plural: 'Divisions (votes)',
    fields: [
      {
        name: 'stageId',
        label: 'Stage',
        type: 'ref',
        ref: 'stage',
        help: 'The campaign stage whose vote this is; a house’s division may stand alone and be attached later.',
      },
      {
        name: 'house',
        label: 'House',
        type: 'select',
        options: DIVISION_HOUSES,
        help: 'For a division of the Commons or the Lords: who could vote is that house’s members on the day.',
      },
      { name: 'number', label: 'Division number', type: 'int' },
      { name: 'question', label: 'Question', type: 'text', required: true },
      { name: 'heldOn', label: 'Held on', type: 'date' },
      { name: 'ayes', label: 'Ayes (if reported, tellers apart)', type: 'int' },
      { name: 'noes', label: 'Noes (if reported, tellers apart)', type: 'int' },
      { name: 'abstentions', label: 'Abstentions (if reported)', type: 'int' },
      { name: 'deferred', label: 'Deferred division (votes cast on paper)', type: 'boolean' },
      source,
    ],
    check: (d): FieldErrors | null => {
      if (d.stageId === null && d.house === null)
        return { stageId: 'Choose the stage whose vote this is, or the house that divided.' };
      if (d.house !== null && (d.number === null || d.heldOn === null))
        return { number: 'A house’s division needs its day and number (they make its address).' };
      return null;
    },
    columns: ['question', 'house', 'number', 'heldOn', 'ayes', 'noes'],
    title: (r) => String(r.question),
    versioned: true,
    constraints: {
      Division_house_heldOn_number_key: ['number', 'That house already has a division with this number on that day.'],
      Division_house_externalId_key: ['number', 'This division is already recorded.'],
      Division_belongs_check: ['stageId', 'Choose the stage whose vote this is, or the house that divided.'],
    },
    dependents: 'ballots and whips',
    search: ['question'],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'division-whips',
    model: 'divisionWhip',
    label: 'whip on a division',
    plural: 'Whips on divisions',
    fields: [
      { name: 'divisionId', label: 'Division', type: 'ref', ref: 'division', required: true },
      {
        name: 'party',
        label: 'Party',
        type: 'text',
        required: true,
        help: 'As the roster writes it (“Labour”); a parliamentary party’s whip covers all its member parties.',
      },
      { name: 'whip', label: 'Whip', type: 'select', required: true, options: WHIP_DIRECTIONS },
      { name: 'lines', label: 'Lines (1, 2 or 3)', type: 'int' },
      ...notes('Note'),
      source,
    ],
    columns: ['divisionId', 'party', 'whip', 'lines'],
    title: (r) => `${r.party}: ${String(r.whip).toLowerCase()}`,
    versioned: true,
    constraints: {
      DivisionWhip_divisionId_party_key: ['party', 'This party’s whip on this division is already recorded.'],
      DivisionWhip_lines_check: ['lines', 'A whip has one, two or three lines.'],
    },
    search: ['party'],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'ballots',
    model: 'ballot',
    label: 'ballot',
    plural: 'Ballots',
    fields: [
      { name: 'divisionId', label: 'Division', type: 'ref', ref: 'division', required: true },
      { name: 'personId', label: 'Person', type: 'person', relation: 'person', required: true },
      { name: 'vote', label: 'Vote', type: 'select', required: true, options: titled(Vote) },
      {
        name: 'teller',
        label: 'Teller',
        type: 'boolean',
        help: 'Tellers are counted apart from the totals, as Hansard prints them.',
      },
    ],
    columns: ['divisionId', 'personId', 'vote'],
    title: (r) => `Ballot #${r.id}`,
    versioned: false,
    constraints: { Ballot_divisionId_personId_key: ['personId', 'This person already has a ballot in this division.'] },
    search: [],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'statements',
    model: 'statement',
    label: 'statement',
    plural: 'Statements',
    fields: [
      { name: 'personId', label: 'Speaker', type: 'person', relation: 'person' },
      {
        name: 'speakerLabel',
        label: 'Or the source’s words for the speaker',
        type: 'text',
        help: 'e.g. “A Labour source”',
      },
      { name: 'subject', label: 'Subject', type: 'text', required: true },
      { name: 'campaignId', label: 'Campaign it concerns', type: 'ref', ref: 'campaign' },
      {
        name: 'stance',
        label: 'Stance',
        type: 'select',
        required: true,
        options: titled(Stance),
      },
      { name: 'quote', label: 'Quote', type: 'textarea' },
      { name: 'summary', label: 'Summary', type: 'textarea' },
      { name: 'saidOn', label: 'Said on', type: 'date' },
      confidence,
      source,
    ],
    columns: ['personId', 'speakerLabel', 'subject', 'stance'],
    title: (r) => String(r.subject),
    versioned: true,
    check: (d) =>
      d.personId === null && d.speakerLabel === null
        ? { personId: 'Name the speaker: pick a person or give the source’s words.' }
        : null,
    search: ['subject', 'quote', 'speakerLabel'],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'polls',
    model: 'poll',
    label: 'poll',
    plural: 'Polls',
    fields: [
      { name: 'pollster', label: 'Pollster', type: 'text', required: true },
      { name: 'subjectPersonId', label: 'Subject', type: 'person', relation: 'subject', required: true },
      {
        name: 'subjectRole',
        label: 'Role rated',
        type: 'text',
        required: true,
        help: 'Records compare within a role, e.g. Leader of the Opposition.',
      },
      { name: 'fieldworkStart', label: 'Fieldwork from', type: 'date' },
      { name: 'fieldworkEnd', label: 'Fieldwork to', type: 'date' },
      { name: 'satisfied', label: 'Satisfied (%)', type: 'decimal' },
      { name: 'dissatisfied', label: 'Dissatisfied (%)', type: 'decimal' },
      { name: 'dontKnow', label: 'Don’t know (%)', type: 'decimal' },
      { name: 'net', label: 'Net (satisfied − dissatisfied)', type: 'decimal', required: true },
      { name: 'sampleSize', label: 'Sample size', type: 'int' },
      ...notes(),
      confidence,
      source,
    ],
    columns: ['pollster', 'subjectPersonId', 'subjectRole', 'net'],
    title: (r) => `${r.pollster} poll #${r.id}`,
    versioned: true,
    check: (d): FieldErrors | null => {
      if (d.fieldworkStart && d.fieldworkEnd && (d.fieldworkEnd as Date) < (d.fieldworkStart as Date))
        return { fieldworkEnd: 'Fieldwork cannot end before it starts.' };
      if (
        typeof d.satisfied === 'number' &&
        typeof d.dissatisfied === 'number' &&
        Math.abs(d.satisfied - d.dissatisfied - (d.net as number)) > 1
      ) {
        return { net: `Net should be satisfied minus dissatisfied (${d.satisfied - d.dissatisfied}).` };
      }
      return null;
    },
    search: ['pollster', 'subjectRole'],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'events',
    model: 'timelineEvent',
    label: 'timeline event',
    plural: 'Timeline events',
    fields: [
      { name: 'title', label: 'What happened', type: 'text', required: true },
      { name: 'occurredOn', label: 'Date', type: 'date', required: true },
      {
        name: 'datePrecision',
        label: 'Date known to the',
        type: 'select',
        required: true,
        options: labelled<DatePrecision>({ DAY: 'Day', MONTH: 'Month', YEAR: 'Year' }),
      },
      { name: 'onOrBefore', label: 'Only known to have happened by this date', type: 'boolean' },
      { name: 'description', label: 'Description', type: 'textarea' },
      { name: 'campaignId', label: 'Campaign', type: 'ref', ref: 'campaign' },
      {
        name: 'people',
        label: 'People involved',
        type: 'people',
        link: { model: 'timelineEventPerson', owner: 'eventId', relation: 'people' },
        help: 'Type a name and pick from the list; leave a box empty to remove someone.',
      },
      source,
    ],
    columns: ['occurredOn', 'title', 'campaignId'],
    title: (r) => String(r.title),
    versioned: true,
    search: ['title', 'description'],
    orderBy: [{ occurredOn: 'desc' }],
  }),
  entity({
    key: 'people',
    model: 'person',
    label: 'person',
    plural: 'People',
    fields: [
      { name: 'name', label: 'Name (without honorific)', type: 'text', required: true },
      { name: 'honorific', label: 'Honorific', type: 'text', help: 'Sir, Dame, Lord, Baroness…' },
      { name: 'sortName', label: 'Sort name', type: 'text', required: true, help: 'e.g. Hodge, Margaret' },
      slug,
      { name: 'house', label: 'House', type: 'select', required: true, options: HOUSES },
      { name: 'party', label: 'Party', type: 'text' },
      { name: 'constituency', label: 'Constituency', type: 'text' },
      source,
    ],
    columns: ['name', 'house', 'party', 'constituency'],
    title: (r) => String(r.name),
    versioned: true,
    constraints: {
      Person_slug_key: ['slug', 'Another person already uses this slug.'],
      Person_slug_check: ['slug', SLUG_PATTERN.message],
    },
    dependents: 'signatures, roles, statements, ballots, polls or timeline events',
    cascade: [
      { model: 'signature', field: 'personId', label: 'signatures' },
      { model: 'role', field: 'personId', label: 'roles' },
      { model: 'statement', field: 'personId', label: 'statements' },
      { model: 'ballot', field: 'personId', label: 'ballots' },
      { model: 'position', field: 'personId', label: 'positions on votes' },
      { model: 'bodyMember', field: 'personId', label: 'body memberships' },
      { model: 'poll', field: 'subjectPersonId', label: 'polls' },
      { model: 'timelineEventPerson', field: 'personId', label: 'mentions in timeline events' },
    ],
    search: ['name', 'constituency', 'party'],
    orderBy: [{ sortName: 'asc' }],
  }),
  entity({
    key: 'aliases',
    model: 'personAlias',
    label: 'alias',
    plural: 'Name aliases',
    fields: [
      { name: 'personId', label: 'Person', type: 'person', relation: 'person', required: true },
      { name: 'alias', label: 'Name as sources write it', type: 'text', required: true },
      { name: 'sourceId', label: 'Source', type: 'ref', ref: 'source' },
    ],
    columns: ['alias', 'personId'],
    title: (r) => String(r.alias),
    versioned: false,
    constraints: {
      PersonAlias_personId_normalized_key: [
        'alias',
        'This person already has this alias (ignoring honorifics and case).',
      ],
    },
    derive: (d) => ({ normalized: normalizeName(String(d.alias)) }),
    search: ['alias'],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'roles',
    model: 'role',
    label: 'role',
    plural: 'Roles held',
    fields: [
      { name: 'personId', label: 'Person', type: 'person', relation: 'person', required: true },
      { name: 'title', label: 'Title', type: 'text', required: true },
      { name: 'organisation', label: 'Organisation', type: 'text' },
      { name: 'bodyId', label: 'Body', type: 'ref', ref: 'body' },
      { name: 'startedOn', label: 'From', type: 'date' },
      { name: 'endedOn', label: 'To', type: 'date' },
      { name: 'heldOn', label: 'Or: held on (when from/to are unknown)', type: 'date' },
      confidence,
      source,
    ],
    columns: ['personId', 'title', 'organisation'],
    title: (r) => String(r.title),
    versioned: true,
    check: (d) =>
      d.startedOn && d.endedOn && (d.endedOn as Date) < (d.startedOn as Date)
        ? { endedOn: 'A role cannot end before it starts.' }
        : null,
    search: ['title', 'organisation'],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'bodies',
    model: 'body',
    label: 'body',
    plural: 'Bodies',
    fields: [
      slug,
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'description', label: 'Description', type: 'textarea' },
      {
        name: 'memberHouses',
        label: 'Members: whoever sits in',
        type: 'multiselect',
        options: HOUSES,
        help: 'With houses chosen, its members on a day are counted from the stints in force that day.',
      },
      {
        name: 'memberParties',
        label: 'for the parties',
        type: 'list',
        help: 'As the roster names them, separated by commas; empty for any party.',
      },
      source,
    ],
    columns: ['name', 'slug'],
    title: (r) => String(r.name),
    versioned: true,
    constraints: { Body_slug_key: ['slug', 'Another body already uses this slug.'] },
    dependents: 'thresholds',
    search: ['name', 'slug'],
    orderBy: [{ name: 'asc' }],
  }),
  entity({
    key: 'body-sizes',
    model: 'bodySize',
    label: 'body size',
    plural: 'Body sizes',
    fields: [
      { name: 'bodyId', label: 'Body', type: 'ref', ref: 'body', required: true },
      { name: 'asOf', label: 'As of', type: 'date', required: true },
      { name: 'size', label: 'Members', type: 'int', required: true },
      source,
    ],
    columns: ['bodyId', 'asOf', 'size'],
    title: (r) => `${r.size} members`,
    versioned: false,
    constraints: { BodySize_bodyId_asOf_key: ['asOf', 'This body already has a size on this date.'] },
    search: [],
    orderBy: [{ asOf: 'desc' }],
  }),
  entity({
    key: 'terms',
    model: 'term',
    label: 'term',
    plural: 'Terms (Parliaments)',
    fields: [
      { name: 'house', label: 'House', type: 'select', required: true, options: HOUSES },
      {
        name: 'name',
        label: 'Number or name, as rosters write it',
        type: 'text',
        required: true,
        help: 'e.g. 57',
      },
      { name: 'label', label: 'Usual name', type: 'text', help: 'e.g. 57th Parliament (2017–2019)' },
      { name: 'startDate', label: 'First day', type: 'date', required: true },
      { name: 'endDate', label: 'Last day', type: 'date', help: 'Empty while the term runs.' },
      source,
    ],
    columns: ['house', 'name', 'label', 'startDate', 'endDate'],
    title: (r) => String(r.label ?? `Term ${r.name}`),
    versioned: true,
    check: (d): FieldErrors | null =>
      d.endDate && (d.endDate as Date) < (d.startDate as Date)
        ? { endDate: 'A term cannot end before it starts.' }
        : null,
    constraints: {
      Term_house_name_key: ['name', 'This house already has a term of that name.'],
      Term_dates_check: ['endDate', 'A term cannot end before it starts.'],
      // Its stints follow a corrected first or last day (lib/admin/hooks.ts).
      Membership_no_overlap: ['startDate', 'A stint of this term would then overlap another stint of the same person.'],
      Membership_dates_check: ['endDate', 'A stint of this term would then end before it starts.'],
    },
    dependents: 'stints',
    search: ['name', 'label'],
    orderBy: [{ startDate: 'desc' }],
  }),
  entity({
    key: 'memberships',
    model: 'membership',
    label: 'stint',
    plural: 'Stints (seats and parties over time)',
    fields: [
      { name: 'personId', label: 'Person', type: 'person', relation: 'person', required: true },
      { name: 'house', label: 'House', type: 'select', required: true, options: HOUSES },
      {
        name: 'termId',
        label: 'Term',
        type: 'ref',
        ref: 'term',
        help: 'Empty: the term of the stint this one follows.',
      },
      { name: 'party', label: 'Party (or “Independent” while the whip is withdrawn)', type: 'text' },
      { name: 'constituency', label: 'Seat', type: 'text' },
      { name: 'change', label: 'Why it began', type: 'select', options: STINT_CHANGES },
      {
        name: 'startDate',
        label: 'From',
        type: 'date',
        required: true,
        help: 'Saving a new stint ends the person’s stint in the same house that was open on this day, the day before.',
      },
      { name: 'endDate', label: 'To', type: 'date', help: 'Empty: to the end of the stint it follows, or open.' },
      ...notes(),
      source,
    ],
    columns: ['personId', 'house', 'party', 'startDate', 'endDate', 'change'],
    title: (r) => `Stint #${r.id}`,
    versioned: true,
    check: (d): FieldErrors | null =>
      d.endDate && d.startDate && (d.endDate as Date) < (d.startDate as Date)
        ? { endDate: 'A stint cannot end before it starts.' }
        : null,
    constraints: {
      Membership_no_overlap: [
        'startDate',
        'This stint overlaps another stint of the same person in the same house. Change the dates, or end the other stint first.',
      ],
      Membership_dates_check: ['endDate', 'A stint cannot end before it starts.'],
    },
    search: ['party', 'constituency', 'note'],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'body-members',
    model: 'bodyMember',
    label: 'named body member',
    plural: 'Named body members',
    fields: [
      { name: 'bodyId', label: 'Body', type: 'ref', ref: 'body', required: true },
      { name: 'personId', label: 'Person', type: 'person', relation: 'person', required: true },
      { name: 'startDate', label: 'From', type: 'date' },
      { name: 'endDate', label: 'To', type: 'date' },
      source,
    ],
    columns: ['bodyId', 'personId', 'startDate', 'endDate'],
    title: (r) => `Member #${r.id}`,
    versioned: true,
    check: (d): FieldErrors | null =>
      d.endDate && d.startDate && (d.endDate as Date) < (d.startDate as Date)
        ? { endDate: 'Membership cannot end before it starts.' }
        : null,
    search: [],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'positions',
    model: 'position',
    label: 'position on a vote',
    plural: 'Positions on votes (whip count)',
    fields: [
      { name: 'stageId', label: 'Vote (stage)', type: 'ref', ref: 'stage', required: true },
      { name: 'personId', label: 'Member', type: 'person', relation: 'person', required: true },
      { name: 'stand', label: 'Where they stand', type: 'select', required: true, options: STANDS },
      {
        name: 'statedOn',
        label: 'Stated on',
        type: 'date',
        required: true,
        help: 'A newer position supersedes an older one; nothing is overwritten.',
      },
      confidence,
      { name: 'quote', label: 'Their words', type: 'textarea' },
      { name: 'statementId', label: 'Statement it rests on', type: 'ref', ref: 'statement' },
      ...notes(),
      source,
    ],
    columns: ['personId', 'stageId', 'stand', 'statedOn'],
    title: (r) => `Position #${r.id}`,
    versioned: true,
    constraints: {
      Position_stageId_personId_statedOn_stand_key: [
        'stand',
        'This member already has this position on this vote on this day.',
      ],
    },
    search: ['quote', 'note'],
    orderBy: [{ statedOn: 'desc' }, { id: 'desc' }],
  }),
  entity({
    key: 'position-rules',
    model: 'positionRule',
    label: 'derived-position rule',
    plural: 'Derived-position rules',
    fields: [
      { name: 'stageId', label: 'Vote (stage)', type: 'ref', ref: 'stage', required: true },
      { name: 'campaignId', label: 'Signatories of the campaign', type: 'ref', ref: 'campaign', required: true },
      { name: 'stand', label: 'count as', type: 'select', required: true, options: STANDS },
      ...notes('Why'),
      source,
    ],
    columns: ['stageId', 'campaignId', 'stand'],
    title: (r) => `Rule #${r.id}`,
    versioned: true,
    constraints: {
      PositionRule_stageId_campaignId_key: [
        'campaignId',
        'This vote already has a rule for this campaign’s signatories.',
      ],
    },
    search: ['note'],
    orderBy: [{ id: 'desc' }],
  }),
  entity({
    key: 'sources',
    model: 'source',
    label: 'source',
    plural: 'Sources',
    fields: [
      { name: 'publisher', label: 'Publisher', type: 'text', required: true },
      { name: 'title', label: 'Title', type: 'text', required: true },
      { name: 'publishedAt', label: 'Published at', type: 'datetime' },
      { name: 'url', label: 'Web address', type: 'url' },
      { name: 'excerpt', label: 'Excerpt', type: 'textarea' },
    ],
    columns: ['publisher', 'title', 'publishedAt'],
    title: (r) => `${r.publisher}: ${r.title}`,
    versioned: true,
    dependents: 'the records that cite it',
    search: ['publisher', 'title'],
    orderBy: [{ publishedAt: 'desc' }],
  }),
];

export function entityDef(key: string): EntityDef | undefined {
  return ENTITIES.find((e) => e.key === key);
}
