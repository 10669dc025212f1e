'use server';

// Adding signatures from pasted names: a preview step, then a save step, in one action.
import { addSignatures, previewNames, type PreviewLine } from '@/lib/admin/add-signatures';
import { publicDataChanged } from '@/lib/cache';
import { publicMessage } from '@/lib/errors';
import { isForm, UNREADABLE } from './form-input';

export interface PasteState {
  step: 'paste' | 'review' | 'done';
  campaignId: string;
  text: string;
  lines: PreviewLine[];
  /** Everything typed on the review step, kept after an error. */
  review: Record<string, string>;
  message?: string;
  fieldErrors?: Record<string, string>;
  undecided?: number[];
}

async function previewStep(previous: PasteState, form: FormData): Promise<PasteState> {
  const campaignId = String(form.get('campaignId') ?? '');
  const text = String(form.get('names') ?? '');
  const base = {
    ...previous,
    campaignId,
    text,
    review: {},
    message: undefined,
    fieldErrors: undefined,
    undecided: undefined,
  };
  if (!/^\d+$/.test(campaignId))
    return {
      ...base,
      step: 'paste',
      message: 'Choose the campaign they signed.',
      fieldErrors: { campaignId: 'Choose a campaign.' },
    };
  try {
    return { ...base, step: 'review', lines: await previewNames(Number(campaignId), text) };
  } catch (error) {
    return { ...base, step: 'paste', message: publicMessage(error, 'preview names') };
  }
}

async function saveStep(previous: PasteState, form: FormData): Promise<PasteState> {
  const review = Object.fromEntries(
    [...form.entries()].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)]),
  );
  const entries = previous.lines.map((l) => ({
    line: l.line,
    name: l.input,
    choice: review[`line-${l.line}`] || undefined,
  }));
  try {
    const result = await addSignatures({
      common: {
        campaignId: previous.campaignId,
        confidence: review.confidence,
        signedOn: review.signedOn ?? '',
        sourceId: review.sourceId,
      },
      entries,
      newSource: review,
    });
    if (!result.ok)
      return {
        ...previous,
        review,
        message: result.message,
        fieldErrors: result.fieldErrors,
        undecided: result.undecided,
      };
    publicDataChanged();
    return { ...previous, step: 'done', review, message: result.message, fieldErrors: undefined, undecided: undefined };
  } catch (error) {
    return { ...previous, review, message: publicMessage(error, 'add signatures') };
  }
}

/** One action for both steps of the paste form, so that each step sees the latest state. */
export async function pasteFlowAction(previous: PasteState, form: FormData): Promise<PasteState> {
  const lines = typeof previous === 'object' && previous !== null ? (previous.lines as unknown) : null;
  const readable =
    Array.isArray(lines) &&
    lines.every(
      (l) => typeof l === 'object' && l !== null && typeof l.line === 'number' && typeof l.input === 'string',
    );
  if (!isForm(form) || !readable || typeof previous.review !== 'object' || previous.review === null) {
    return { step: 'paste', campaignId: '', text: '', lines: [], review: {}, message: UNREADABLE };
  }
  return form.get('intent') === 'save' ? saveStep(previous, form) : previewStep(previous, form);
}
