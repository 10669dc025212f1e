'use client';

// The one way a form cites a source: a recorded one chosen from the list, or "+ A new source"
// named on the spot (its fields appear below the list, and the server creates it with the records
// that cite it: lib/admin/new-source.ts).
import { useId, useState } from 'react';
import { NEW_SOURCE, NEW_SOURCE_FIELDS, newSourceField } from '@/lib/admin/fields';
import { Input, Select } from '@/components/ui/controls';

type Option = readonly [value: string, label: string];

const INPUT_TYPE = { datetime: 'datetime-local', url: 'url' } as Record<string, string>;

/** The new source's fields, as typed (values) and with their errors, keyed "newSource.<name>". */
export function NewSourceFields({
  values = {},
  errors = {},
  className = 'grid gap-3 rounded border border-rule p-3 md:grid-cols-2',
}: {
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  className?: string;
}) {
  const prefix = useId();
  return (
    <fieldset className={className}>
      <legend className="px-1 text-sm font-semibold">New source</legend>
      {NEW_SOURCE_FIELDS.map((f) => {
        const name = newSourceField(f.name);
        const id = `${prefix}-${f.name}`;
        return (
          <label key={name} className="flex min-w-0 flex-col gap-1">
            <span className="text-sm font-medium">
              {f.label}
              {f.required && <span aria-hidden="true"> *</span>}
            </span>
            <Input
              id={id}
              name={name}
              type={INPUT_TYPE[f.type] ?? 'text'}
              required={f.required}
              maxLength={'max' in f ? f.max : 2000}
              defaultValue={String(values[name] ?? '')}
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `${id}-error` : undefined}
            />
            {errors[name] && (
              <span id={`${id}-error`} className="text-sm text-red-800">
                {errors[name]}
              </span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}

/** A source list with "+ A new source", whose fields show when it is chosen. */
export function SourceChoice({
  sources,
  value = '',
  label = 'Source',
  name = 'sourceId',
  values,
  errors = {},
  labelClassName = 'text-sm font-medium',
}: {
  sources: readonly Option[];
  value?: string;
  label?: string;
  name?: string;
  /** What was typed, to refill the new source's fields after an error. */
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  labelClassName?: string;
}) {
  const [choice, setChoice] = useState(value);
  const errorId = `${useId()}-error`;
  return (
    <>
      <label className="flex min-w-0 flex-col gap-1">
        <span className={labelClassName}>
          {label}
          <span aria-hidden="true"> *</span>
        </span>
        <Select
          name={name}
          value={choice}
          required
          onChange={(e) => setChoice(e.target.value)}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? errorId : undefined}
        >
          <option value="">Choose…</option>
          <option value={NEW_SOURCE}>+ A new source</option>
          {sources.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </Select>
        {errors[name] && (
          <span id={errorId} className="text-sm text-red-800">
            {errors[name]}
          </span>
        )}
      </label>
      {choice === NEW_SOURCE && (
        <NewSourceFields values={values} errors={errors} className="grid gap-2 rounded border border-rule p-2" />
      )}
    </>
  );
}
