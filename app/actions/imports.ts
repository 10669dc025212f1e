'use server';

// CSV imports (upload, run, discard) and divisions and members' histories from Parliament's own record.
import { redirect } from 'next/navigation';
import { NEW_SOURCE } from '@/lib/admin/fields';
import { publicDataChanged } from '@/lib/cache';
import { publicMessage } from '@/lib/errors';
import { createImportJob, discardImportJob, runImportJob } from '@/lib/import/jobs';
import { importOfficialDivisions } from '@/lib/official-divisions';
import { isForm, isId, UNREADABLE } from './form-input';

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
