'use server';

// Saving and deleting a record through its admin form (lib/admin/store.ts checks, validates and audits).
import { redirect } from 'next/navigation';
import { deleteRecord, saveRecord, type SaveState } from '@/lib/admin/store';
import { publicDataChanged } from '@/lib/cache';
import { isForm, isId, UNREADABLE } from './form-input';

export async function saveEntityAction(
  key: string,
  id: number | null,
  _previous: SaveState,
  form: FormData,
): Promise<SaveState> {
  if (typeof key !== 'string' || !(id === null || isId(id)) || !isForm(form))
    return { status: 'error', message: UNREADABLE, values: {} };
  const state = await saveRecord(key, id, form);
  if (state.status !== 'saved') return { ...state, nonce: Date.now() };
  publicDataChanged();
  redirect(`/admin/${key}/${state.id}?saved=1`);
}

export interface DeleteState {
  message?: string;
  /** After a refusal: what refers to the record and may be deleted with it, if the editor asks. */
  dependents?: { label: string; count: number }[];
}

export async function deleteEntityAction(
  key: string,
  id: number,
  _previous: DeleteState,
  form: FormData,
): Promise<DeleteState> {
  if (typeof key !== 'string' || !isId(id) || !isForm(form)) return { message: UNREADABLE };
  const version = form.get('_version') ? Number(form.get('_version')) : null;
  const result = await deleteRecord(key, id, version, undefined, { cascade: form.get('cascade') === 'on' });
  if (!result.ok) return { message: result.message, dependents: result.dependents };
  publicDataChanged();
  redirect(`/admin/${key}?deleted=1`);
}
