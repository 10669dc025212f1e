'use client';

// Divisions from Parliament's own record: the Commons or Lords Votes API's JSON, one file or
// several. Each file is checked whole and imported all or nothing; what was wrong is said per file.
import Link from 'next/link';
import { startTransition, useActionState } from 'react';
import { officialDivisionsAction, type OfficialImportState } from '@/app/actions/imports';
import { asOptions, FilterSelect } from '@/components/filter-select';
import type { RefOption } from '@/lib/admin/store';
import { Button, Input } from '@/components/ui/controls';

export function OfficialDivisionsForm({ stages }: { stages: RefOption[] }) {
  const [state, action, pending] = useActionState<OfficialImportState, FormData>(officialDivisionsAction, {});
  return (
    <form
      // Submitted by hand so that React keeps the chosen files after a refusal.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      className="flex flex-col gap-3 rounded-lg border border-rule bg-white p-4"
      aria-labelledby="official-title"
    >
      <h2 id="official-title" className="font-semibold">
        Parliament’s record: divisions (Votes API) and members’ histories (Members API)
      </h2>
      <p className="text-sm text-muted">
        A division as the Commons or Lords Votes API publishes it, or a list of them. Members are matched by
        Parliament’s member id once known, else by name and seat among that house’s members on the day. A file with
        anything unmatched or not adding up is refused whole, saying where. Loading a division again updates it.
      </p>
      <p className="text-sm text-muted">
        A Members API history file (<code>/api/Members/History</code>) updates members’ stints: each membership split
        where the party changes, replacing other sources’ stints for the periods it covers, so party on the day can be
        newer than the roster’s. Members no one matches are added.
      </p>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium">Files (.json)</span>
        <Input type="file" name="file" accept=".json,application/json" multiple required />
      </label>
      <FilterSelect
        name="stageId"
        label="File under a campaign’s stage (optional)"
        labelClassName="text-sm font-medium"
        value={state.stageId}
        anyLabel="None: a house division on its own"
        options={asOptions(stages)}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Importing…' : 'Import'}
        </Button>
      </div>
      <div aria-live="polite" className="flex flex-col gap-2 text-sm">
        {state.message && (
          <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'text-green-900' : 'text-red-900'}>
            {state.message}
          </p>
        )}
        {state.files?.map((f, i) => (
          <div key={i} data-testid="official-file" className="rounded border border-rule p-2">
            <p className="font-medium">{f.message}</p>
            {f.problems.length > 0 && (
              <ul className="ml-4 list-disc text-red-900">
                {f.problems.map((p, j) => (
                  <li key={j}>{p}</li>
                ))}
              </ul>
            )}
            {f.links.map((l) => (
              <p key={l.path}>
                <Link href={l.path}>{l.label} →</Link>
              </p>
            ))}
          </div>
        ))}
      </div>
    </form>
  );
}
