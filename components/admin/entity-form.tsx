'use client';

import { useActionState, useRef, useState } from 'react';
import { saveEntityAction } from '@/app/actions/records';
import { entityDef } from '@/lib/admin/entities';
import { type FieldDef, type FormValues } from '@/lib/admin/fields';
import { NewSourceFields } from '@/components/admin/source-choice';
import type { RefOption, SaveState } from '@/lib/admin/store';
import { cx, FIELD } from '@/components/ui/controls';
import { proposeSlug } from '@/lib/names';

const inputClass = cx(FIELD, 'w-full aria-[invalid=true]:border-red-700');

/** A field's help and error lines, with the ids its control's aria-describedby names. */
function FieldNotes({ id, help, error }: { id: string; help?: string; error?: string }) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="text-xs text-muted">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      )}
    </>
  );
}

function Field({
  field,
  value,
  error,
  options,
  readOnly,
}: {
  field: FieldDef;
  value: string | string[];
  error?: string;
  options: Record<string, RefOption[]>;
  readOnly: boolean;
}) {
  const id = `field-${field.name}`;
  const describedBy =
    [error ? `${id}-error` : null, field.help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    disabled: readOnly,
    required: field.required,
  };
  let control: React.ReactNode;
  switch (field.type) {
    case 'textarea':
      control = (
        <textarea
          {...common}
          defaultValue={String(value)}
          rows={4}
          maxLength={field.max ?? 5000}
          className={inputClass}
        />
      );
      break;
    case 'int':
    case 'decimal':
      control = (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          step={field.type === 'int' ? 1 : 'any'}
          min={field.min}
          max={field.max}
          defaultValue={String(value)}
          className={inputClass}
        />
      );
      break;
    case 'date':
      control = <input {...common} type="date" defaultValue={String(value)} className={inputClass} />;
      break;
    case 'datetime':
      control = <input {...common} type="datetime-local" defaultValue={String(value)} className={inputClass} />;
      break;
    case 'url':
      control = <input {...common} type="url" defaultValue={String(value)} className={inputClass} />;
      break;
    case 'boolean':
      control = (
        <input {...common} required={false} type="checkbox" defaultChecked={value === 'on'} className="h-5 w-5" />
      );
      break;
    case 'select':
      control = (
        <select {...common} defaultValue={String(value)} className={inputClass}>
          <option value="">Choose…</option>
          {field.options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      );
      break;
    case 'multiselect':
      return (
        <fieldset className="flex flex-col gap-1" aria-describedby={describedBy}>
          <legend className="text-sm font-medium">
            {field.label}
            {field.required && <span aria-hidden="true"> *</span>}
          </legend>
          {field.options.map(([v, label]) => (
            <label key={v} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={field.name}
                value={v}
                defaultChecked={([] as string[]).concat(value).includes(v)}
                disabled={readOnly}
              />{' '}
              {label}
            </label>
          ))}
          <FieldNotes id={id} help={field.help} error={error} />
        </fieldset>
      );
    case 'people': {
      // One box per person, each with the people list to pick from; two empty ones to add more.
      const chosen = ([] as string[]).concat(value).filter(Boolean);
      return (
        <fieldset className="flex flex-col gap-1" aria-describedby={describedBy}>
          <legend className="text-sm font-medium">{field.label}</legend>
          <datalist id={`${id}-people`}>
            {(options.person ?? []).map((o) => (
              <option key={o.value} value={o.value} label={o.label} />
            ))}
          </datalist>
          {[...chosen, '', ''].map((slug, i) => (
            <input
              key={`${i}-${slug}`}
              name={field.name}
              aria-label={`${field.label}: person ${i + 1}`}
              aria-invalid={error ? true : undefined}
              list={`${id}-people`}
              defaultValue={slug}
              autoComplete="off"
              placeholder="Type a name, pick from the list"
              disabled={readOnly}
              className={inputClass}
            />
          ))}
          <FieldNotes id={id} help={field.help} error={error} />
        </fieldset>
      );
    }
    case 'ref':
      control = (
        <select {...common} defaultValue={String(value)} className={inputClass}>
          <option value="">{field.required ? 'Choose…' : 'None'}</option>
          {field.ref === 'source' && <option value="new">+ A new source (fill in below)</option>}
          {(options[field.ref] ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'person':
      control = (
        <>
          <input
            {...common}
            list={`${id}-people`}
            defaultValue={String(value)}
            autoComplete="off"
            placeholder="Type a name, pick from the list"
            className={inputClass}
          />
          <datalist id={`${id}-people`}>
            {(options.person ?? []).map((o) => (
              <option key={o.value} value={o.value} label={o.label} />
            ))}
          </datalist>
        </>
      );
      break;
    default:
      control = (
        <input
          {...common}
          type="text"
          defaultValue={String(value)}
          maxLength={'max' in field ? field.max : undefined}
          pattern={'pattern' in field && field.pattern ? field.pattern.regex : undefined}
          title={'pattern' in field && field.pattern ? field.pattern.message : undefined}
          className={inputClass}
        />
      );
  }
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
      </label>
      {control}
      <FieldNotes id={id} help={field.help} error={error} />
    </div>
  );
}

/** The create/edit form of any entity, driven by its definition. Keeps every typed value after any error. */
export function EntityForm({
  entity,
  id,
  initialValues,
  version,
  options,
  readOnly,
  takenSlugs = [],
}: {
  entity: string;
  id: number | null;
  initialValues: FormValues;
  version?: number;
  options: Record<string, RefOption[]>;
  readOnly: boolean;
  /** Slugs other records already use: a taken one is said as it is typed, before saving. */
  takenSlugs?: string[];
}) {
  const def = entityDef(entity)!;
  const [state, action, pending] = useActionState<SaveState, FormData>(saveEntityAction.bind(null, entity, id), {
    status: 'idle',
    values: initialValues,
    version,
  });
  const [sourceChoice, setSourceChoice] = useState(String(state.values.sourceId ?? initialValues.sourceId ?? ''));
  // A new record's slug is proposed from its title or name until the editor types one of their own.
  const [slug, setSlug] = useState(String(state.values.slug ?? initialValues.slug ?? ''));
  const slugTyped = useRef(id !== null);
  const [taken] = useState(() => new Set(takenSlugs));
  const errors = { ...state.fieldErrors };
  if (!errors.slug && taken.has(slug.trim()))
    errors.slug = `Another ${def.label} already uses this slug; choose another.`;
  return (
    <form
      key={state.nonce ?? 0}
      action={action}
      className="flex flex-col gap-4"
      noValidate
      onChange={(e) => {
        const target = e.target as unknown as HTMLSelectElement;
        if (target.name === 'sourceId') setSourceChoice(target.value);
        if (target.name === 'slug') {
          slugTyped.current = target.value !== '';
          setSlug(target.value);
        }
        const slugInput = e.currentTarget.elements.namedItem('slug');
        if (
          (target.name === 'title' || target.name === 'name') &&
          !slugTyped.current &&
          slugInput instanceof HTMLInputElement
        ) {
          slugInput.value = proposeSlug(target.value);
          setSlug(slugInput.value);
        }
      }}
    >
      {state.version !== undefined && <input type="hidden" name="_version" value={state.version} />}
      {state.message && (
        <div
          role={state.status === 'saved' ? 'status' : 'alert'}
          className={`rounded p-3 text-sm ${state.status === 'conflict' ? 'bg-amber-50 text-amber-950' : 'bg-red-50 text-red-900'}`}
        >
          <p>{state.message}</p>
          {errors._form && <p className="mt-1 font-medium">{errors._form}</p>}
          {state.changes && state.changes.length > 0 && (
            <table className="mt-2 w-full text-left text-sm" data-testid="conflict-changes">
              <thead>
                <tr>
                  <th className="pr-3">Field</th>
                  <th className="pr-3">Saved meanwhile</th>
                  <th>Yours</th>
                </tr>
              </thead>
              <tbody>
                {state.changes.map((c) => (
                  <tr key={c.field}>
                    <td className="pr-3">{c.label}</td>
                    <td className="pr-3">{c.theirs || '—'}</td>
                    <td>{c.yours || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {def.fields.map((field) => (
          <div key={field.name} className={field.type === 'textarea' ? 'md:col-span-2' : ''}>
            <Field
              field={field}
              value={state.values[field.name] ?? ''}
              error={errors[field.name]}
              options={options}
              readOnly={readOnly}
            />
          </div>
        ))}
      </div>
      {sourceChoice === 'new' && !readOnly && <NewSourceFields values={state.values} errors={errors} />}
      {!readOnly && (
        <div className="flex gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-accent px-4 py-2 font-medium text-white disabled:opacity-60"
          >
            {pending
              ? 'Saving…'
              : state.status === 'conflict'
                ? 'Save mine over theirs'
                : id === null
                  ? `Create ${def.label}`
                  : 'Save changes'}
          </button>
        </div>
      )}
    </form>
  );
}
