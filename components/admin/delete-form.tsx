'use client';

import { useActionState } from 'react';
import { deleteEntityAction, type DeleteState } from '@/app/actions/records';

/** Deleting asks first: the button only appears once the confirmation is opened. */
export function DeleteForm({
  entity,
  id,
  version,
  label,
}: {
  entity: string;
  id: number;
  version?: number;
  label: string;
}) {
  const [state, action, pending] = useActionState<DeleteState, FormData>(deleteEntityAction.bind(null, entity, id), {});
  return (
    <details className="rounded border border-red-200 bg-red-50 p-3 text-sm">
      <summary className="cursor-pointer font-medium text-red-900">Delete this {label}…</summary>
      <form action={action} className="mt-2 flex flex-col gap-2">
        {version !== undefined && <input type="hidden" name="_version" value={version} />}
        <p>This cannot be undone. The audit log keeps a copy of what is deleted.</p>
        {state.dependents && state.dependents.length > 0 && (
          <label className="flex items-start gap-2">
            <input type="checkbox" name="cascade" className="mt-1 h-4 w-4" />
            <span>
              Also delete the {state.dependents.map((d) => `${d.count} ${d.label}`).join(' and ')} that refer to this{' '}
              {label}
            </span>
          </label>
        )}
        <button type="submit" disabled={pending} className="self-start rounded bg-red-800 px-3 py-1.5 text-white">
          Yes, delete this {label}
        </button>
        {state.message && (
          <p role="alert" className="font-medium text-red-900">
            {state.message}
          </p>
        )}
      </form>
    </details>
  );
}
