'use server';

// The whip count's editor forms: move a member, place a pasted list, record a division list.
import { publicDataChanged } from '@/lib/cache';
import { publicMessage } from '@/lib/errors';
import { movePosition, pastePositions, recordDivisionList, type WriteResult } from '@/lib/positions';
import { isForm, UNREADABLE } from './form-input';

export interface WhipCountState extends WriteResult {
  /** What was typed, to refill the form after an error (or the lines left after a paste). */
  values?: Record<string, string>;
  nonce?: number;
}

const WHIP_COUNT_WRITES = { move: movePosition, paste: pastePositions, division: recordDivisionList } as const;

/** The whip count's editor forms: move a member, paste a list at one position, paste a division list. */
export async function whipCountAction(
  kind: keyof typeof WHIP_COUNT_WRITES,
  _previous: WhipCountState,
  form: FormData,
): Promise<WhipCountState> {
  if (!Object.hasOwn(WHIP_COUNT_WRITES, kind) || !isForm(form)) return { ok: false, message: UNREADABLE };
  const values = Object.fromEntries(
    [...form.entries()].filter(([k, v]) => !k.startsWith('$') && typeof v === 'string').map(([k, v]) => [k, String(v)]),
  );
  try {
    const result = await WHIP_COUNT_WRITES[kind](values);
    if (result.ok) publicDataChanged();
    const kept =
      result.ok && kind === 'paste'
        ? { ...values, names: result.remaining ?? '' }
        : result.ok && kind !== 'move'
          ? { ...values, list: '' }
          : values;
    return { ...result, values: kept, nonce: Date.now() };
  } catch (error) {
    return { ok: false, message: publicMessage(error, `whip count ${kind}`), values, nonce: Date.now() };
  }
}
