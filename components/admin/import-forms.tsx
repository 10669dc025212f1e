'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useState } from 'react';
import { discardImportAction, runImportAction, type UploadState, uploadImportAction } from '@/app/actions/imports';
import { SourceChoice } from '@/components/admin/source-choice';
import { asOptions, FilterSelect } from '@/components/filter-select';
import type { RefOption } from '@/lib/admin/store';
import { MAX_BYTES as MAX_UPLOAD_BYTES } from '@/lib/import/limits';
import { Input, Select } from '@/components/ui/controls';
import { RECORDS } from '@/lib/records';

export function UploadForm({
  kinds,
  campaigns,
  sources,
  stages = [],
  divisions = [],
}: {
  kinds: { value: string; label: string; needs: string[]; columns: string; names: string[] }[];
  campaigns: RefOption[];
  sources: RefOption[];
  stages?: RefOption[];
  divisions?: RefOption[];
}) {
  const [state, action, pending] = useActionState<UploadState, FormData>(uploadImportAction, {});
  const [kind, setKind] = useState(state.kind ?? kinds[0]!.value);
  // A file over the limit is refused here, before a byte is sent: the server would refuse it too,
  // but only after the browser had sent all of it.
  const [tooBig, setTooBig] = useState<string | null>(null);
  const message = tooBig ?? state.message;
  const chosen = kinds.find((k) => k.value === kind)!;
  return (
    <form
      // Submitted by hand rather than through the action prop, so that React does not reset the
      // form: after an error the chosen file and options stay, ready to fix and send again.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const file = data.get('file');
        if (file instanceof File && file.size > MAX_UPLOAD_BYTES) {
          setTooBig(
            `The file is larger than 20 MB (${(file.size / 1024 / 1024).toFixed(1)} MB), the most an import takes. Split it into smaller files.`,
          );
          return;
        }
        setTooBig(null);
        startTransition(() => action(data));
      }}
      className="flex flex-col gap-3 rounded-lg border border-rule bg-white p-4"
    >
      <h2 className="font-semibold">Upload a CSV file</h2>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium">The file contains</span>
        <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
      </label>
      <p className="text-xs text-muted">Columns: {chosen.columns}</p>
      {chosen.needs.includes('campaign') && (
        <FilterSelect
          name="campaignId"
          label="Campaign"
          options={asOptions(campaigns)}
          anyLabel="Given by the file’s campaign column"
          labelClassName="text-sm font-medium"
        />
      )}
      {chosen.needs.includes('source') && <SourceChoice sources={asOptions(sources)} label="Source of the data" />}
      {chosen.needs.includes('stage') && (
        <FilterSelect
          name="stageId"
          label="Stage whose vote the positions are about"
          options={asOptions(stages)}
          anyLabel="Choose…"
          required
          labelClassName="text-sm font-medium"
        />
      )}
      {chosen.needs.includes('division') && (
        <FilterSelect
          name="divisionId"
          label="Division the ballots were cast in"
          options={asOptions(divisions)}
          anyLabel="Choose…"
          required
          labelClassName="text-sm font-medium"
        />
      )}
      {chosen.needs.includes('term') && (
        <details
          className="rounded border border-rule p-2 text-sm"
          open={Boolean(state.message && /term/i.test(state.message))}
        >
          <summary className="cursor-pointer">
            The file names a term (Parliament) this database does not know yet
          </summary>
          <p className="mt-1 text-xs text-muted">
            Give that term’s dates and where they come from; its stints with no dates of their own take these. Leave
            empty when every term in the file is known.
          </p>
          <div className="mt-2 grid grid-cols-[minmax(0,1fr)] gap-2 sm:grid-cols-2">
            <label className="flex flex-col gap-1">
              <span className="text-xs">First day of the term</span>
              <Input type="date" name="termStart" />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-xs">Last day (empty while it runs)</span>
              <Input type="date" name="termEnd" />
            </label>
            <label className="flex flex-col gap-1">
              <span className="text-xs">Name (e.g. 56th Parliament (2015–2017))</span>
              <Input name="termLabel" maxLength={RECORDS.term.label.max} />
            </label>
            <FilterSelect
              name="termSourceId"
              label="Source of the dates"
              options={[['file', 'The file’s source (chosen above)'], ...asOptions(sources)]}
              anyLabel="Choose…"
              labelClassName="text-xs"
            />
          </div>
        </details>
      )}
      <details className="rounded border border-rule p-2 text-sm">
        <summary className="cursor-pointer">My file names its columns differently</summary>
        <p className="mt-1 text-xs text-muted">
          Give the name your file uses for each column it has; leave the rest empty. Columns the import does not use are
          then ignored.
        </p>
        <div className="mt-2 grid grid-cols-[minmax(0,1fr)] gap-2 sm:grid-cols-3" key={kind}>
          {chosen.names.map((name) => (
            <label key={name} className="flex flex-col gap-1">
              <span className="text-xs">{name}</span>
              <Input name={`map.${name}`} placeholder={name} />
            </label>
          ))}
        </div>
      </details>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium">CSV file (UTF-8, comma-separated, header row; at most 20 MB)</span>
        <input type="file" name="file" accept=".csv,text/csv" required className="text-sm" />
      </label>
      {message && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900" data-testid="upload-error">
          {message}
        </p>
      )}
      <button type="submit" disabled={pending} className="self-start rounded bg-accent px-4 py-2 text-white">
        {pending ? 'Checking…' : 'Check the file'}
      </button>
    </form>
  );
}

/** Runs a checked import; while any import runs, the page refreshes to show its progress. */
export function RunImportForm({
  id,
  status,
  invalidRows,
  validRows,
}: {
  id: number;
  status: string;
  invalidRows: number;
  validRows: number;
}) {
  const [state, action, pending] = useActionState<UploadState, FormData>(runImportAction.bind(null, id), {});
  const router = useRouter();
  useEffect(() => {
    if (status !== 'RUNNING' && !pending) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [status, pending, router]);
  if (status === 'SUCCEEDED') return null;
  return (
    <form action={action} className="flex flex-col gap-2 rounded-lg border border-rule bg-white p-4">
      {invalidRows > 0 && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="skipInvalid" /> Skip the {invalidRows} invalid row{invalidRows === 1 ? '' : 's'}{' '}
          and import the {validRows} valid one{validRows === 1 ? '' : 's'}
        </label>
      )}
      <button
        type="submit"
        disabled={pending || status === 'RUNNING'}
        className="self-start rounded bg-accent px-4 py-2 text-white disabled:opacity-60"
      >
        {pending || status === 'RUNNING'
          ? 'Importing…'
          : status === 'FAILED'
            ? 'Try the import again'
            : `Import ${validRows} row${validRows === 1 ? '' : 's'}`}
      </button>
      {state.message && (
        <p role="status" className="text-sm" data-testid="run-result">
          {state.message}
        </p>
      )}
    </form>
  );
}

/** Throws away a checked import that has not run: nothing it names was written. */
export function DiscardImportForm({ id }: { id: number }) {
  const [state, action, pending] = useActionState<UploadState, FormData>(discardImportAction.bind(null, id), {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-rule bg-white px-3 py-1 hover:bg-paper disabled:opacity-60"
      >
        {pending ? 'Discarding…' : 'Discard this import'}
      </button>
      <span className="text-muted">Nothing has been written; the file is deleted.</span>
      {state.message && (
        <p role="alert" className="w-full text-red-900">
          {state.message}
        </p>
      )}
    </form>
  );
}
