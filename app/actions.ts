'use server';

// Server actions of the admin pages. Each one is a thin door: the data-access layer checks the
// session and role, validates, and audits. Next.js refuses actions posted from a foreign Origin.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { addSignatures, previewNames, type PreviewLine } from '@/lib/admin/add-signatures';
import { NEW_SOURCE } from '@/lib/admin/fields';
import { deleteRecord, saveRecord, type SaveState } from '@/lib/admin/store';
import { createImportJob, discardImportJob, runImportJob } from '@/lib/import/jobs';
import { signIn, signOut } from '@/lib/auth/login';
import { isRole } from '@/lib/auth/roles';
import { publicDataChanged } from '@/lib/cache';
import { AppError, publicMessage } from '@/lib/errors';
import { importOfficialDivisions } from '@/lib/official-divisions';
import { movePosition, pastePositions, recordDivisionList, type WriteResult } from '@/lib/positions';
import { changeOwnPassword, createUser, removeUser, resetUserPassword, setUserRole } from '@/lib/users';
import { safeNextPath } from '@/lib/validation';

// Anyone can post anything to an action: arguments that are not what our forms send are refused
// with a message (a 200 with the form's error state), never a crash.
const UNREADABLE = 'This form could not be read. Reload the page and try again.';
const isForm = (value: unknown): value is FormData => value instanceof FormData;
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

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

export interface LoginState {
  message?: string;
  email?: string;
}

export async function loginAction(_previous: LoginState, form: FormData): Promise<LoginState> {
  if (!isForm(form)) return { message: UNREADABLE };
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return { message: 'Enter your e-mail address and password.', email };
  try {
    await signIn(email, password, { headers: new Headers(await headers()) });
  } catch (error) {
    return { message: error instanceof AppError ? error.message : publicMessage(error, 'login'), email };
  }
  redirect(safeNextPath(form.get('next')));
}

export async function logoutAction(): Promise<void> {
  await signOut({ headers: new Headers(await headers()) });
  redirect('/login?signedOut=1');
}

// ---------------------------------------------------------------------------------------------
// Adding signatures from pasted names

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

// ---------------------------------------------------------------------------------------------
// Users (admins only: checked in lib/users.ts)

export interface UserFormState {
  message?: string;
  ok?: boolean;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export async function createUserAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  if (!isForm(form)) return { message: UNREADABLE };
  const values = {
    name: String(form.get('name') ?? ''),
    email: String(form.get('email') ?? ''),
    role: String(form.get('role') ?? ''),
  };
  try {
    const result = await createUser({ ...values, password: String(form.get('password') ?? '') });
    if (!result.ok)
      return { message: 'Please correct the fields marked below.', fieldErrors: result.fieldErrors, values };
    revalidatePath('/admin/users');
    return { ok: true, message: `Account created for ${values.email}.` };
  } catch (error) {
    return { message: publicMessage(error, 'create user'), values };
  }
}

export async function userRoleAction(userId: string, _previous: UserFormState, form: FormData): Promise<UserFormState> {
  if (typeof userId !== 'string' || !isForm(form)) return { message: UNREADABLE };
  const role = String(form.get('role') ?? '');
  try {
    if (form.get('intent') === 'remove') await removeUser(userId);
    else if (form.get('intent') === 'reset-password') {
      const result = await resetUserPassword(userId, form.get('password'));
      if (!result.ok)
        return { message: result.fieldErrors.password ?? 'Check the password.', fieldErrors: result.fieldErrors };
      return { ok: true, message: 'Password set; their sessions have ended.' };
    } else if (isRole(role)) await setUserRole(userId, role);
    else return { message: 'Choose a role.' };
    revalidatePath('/admin/users');
    return { ok: true, message: 'Done.' };
  } catch (error) {
    return { message: publicMessage(error, 'change user') };
  }
}

/** A signed-in user changes their own password (the current one required); their other sessions end. */
export async function changePasswordAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  if (!isForm(form)) return { message: UNREADABLE };
  try {
    const result = await changeOwnPassword({
      currentPassword: form.get('currentPassword'),
      newPassword: form.get('newPassword'),
      confirmPassword: form.get('confirmPassword'),
    });
    if (!result.ok) return { message: 'Your password was not changed.', fieldErrors: result.fieldErrors };
    return { ok: true, message: 'Your password is changed; your other sessions have ended.' };
  } catch (error) {
    return { message: publicMessage(error, 'change password') };
  }
}

// ---------------------------------------------------------------------------------------------
// CSV imports

export interface UploadState {
  message?: string;
  kind?: string;
}

export async function uploadImportAction(_previous: UploadState, form: FormData): Promise<UploadState> {
  if (!isForm(form)) return { message: UNREADABLE };
  const kind = String(form.get('kind') ?? '');
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0)
    return { message: file instanceof File ? 'The file is empty.' : 'Choose a CSV file.', kind };
  let id: number;
  try {
    id = await createImportJob({
      kind,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      campaignId: Number(form.get('campaignId')) || undefined,
      sourceId: form.get('sourceId') === NEW_SOURCE ? NEW_SOURCE : Number(form.get('sourceId')) || undefined,
      newSource: Object.fromEntries(
        [...form.entries()].filter(([k, v]) => k.startsWith('newSource.') && typeof v === 'string'),
      ),
      stageId: Number(form.get('stageId')) || undefined,
      divisionId: Number(form.get('divisionId')) || undefined,
      term: {
        startDate: String(form.get('termStart') ?? ''),
        endDate: String(form.get('termEnd') ?? ''),
        sourceId: form.get('termSourceId') === 'file' ? 'file' : Number(form.get('termSourceId')) || undefined,
        label: String(form.get('termLabel') ?? ''),
      },
      mapping: Object.fromEntries(
        [...form.entries()]
          .filter(([k, v]) => k.startsWith('map.') && typeof v === 'string' && v.trim())
          .map(([k, v]) => [k.slice(4), String(v).slice(0, 100)]),
      ),
    });
  } catch (error) {
    return { message: publicMessage(error, 'upload import'), kind };
  }
  redirect(`/admin/imports/${id}`);
}

export async function runImportAction(id: number, _previous: UploadState, form: FormData): Promise<UploadState> {
  if (!isId(id) || !isForm(form)) return { message: UNREADABLE };
  try {
    const result = await runImportJob(id, { skipInvalid: form.get('skipInvalid') === 'on' });
    publicDataChanged();
    return { message: result.message };
  } catch (error) {
    return { message: publicMessage(error, 'run import') };
  }
}

/** Discards a checked import that has not run; back to the list of imports. */
export async function discardImportAction(id: number, _previous: UploadState, form: FormData): Promise<UploadState> {
  if (!isId(id) || !isForm(form)) return { message: UNREADABLE };
  try {
    await discardImportJob(id);
  } catch (error) {
    return { message: publicMessage(error, 'discard import') };
  }
  redirect('/admin/imports?discarded=1');
}

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

// ---------------------------------------------------------------------------------------------
// Divisions from Parliament's own record

export interface OfficialImportState {
  ok?: boolean;
  message?: string;
  /** Per file: its outcome line, what was wrong with it, and the divisions it recorded. */
  files?: { message: string; problems: string[]; links: { path: string; label: string }[] }[];
  stageId?: string;
}

export async function officialDivisionsAction(
  _previous: OfficialImportState,
  form: FormData,
): Promise<OfficialImportState> {
  if (!isForm(form)) return { message: UNREADABLE };
  const stageId = String(form.get('stageId') ?? '');
  const files = form.getAll('file').filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length === 0) return { ok: false, message: 'Choose one or more division files (.json).', stageId };
  const outcomes: NonNullable<OfficialImportState['files']> = [];
  try {
    for (const file of files) {
      const result = await importOfficialDivisions({
        fileName: file.name,
        text: await file.text(),
        stageId: Number(stageId) || null,
      });
      outcomes.push({
        message: result.message,
        problems: result.problems,
        links: result.divisions.map((d) => ({ path: d.path, label: `Division ${d.number}, ${d.date}: ${d.title}` })),
      });
    }
  } catch (error) {
    return { ok: false, message: publicMessage(error, 'official divisions'), files: outcomes, stageId };
  }
  const refused = outcomes.filter((o) => o.problems.length).length;
  if (refused < outcomes.length) publicDataChanged();
  return {
    ok: refused === 0,
    message: refused
      ? `${refused} of ${outcomes.length} file${outcomes.length === 1 ? ' was' : 's were'} refused; nothing of ${refused === 1 ? 'it' : 'them'} was written.`
      : `${outcomes.length} file${outcomes.length === 1 ? '' : 's'} imported.`,
    files: outcomes,
    stageId,
  };
}
