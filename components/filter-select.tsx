import { Select } from '@/components/ui/controls';
/** A labelled <select>: filters (with "Any" as the empty choice) and form fields alike. */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel = 'Any',
  required,
  disabled,
  invalid,
  labelClassName = 'text-xs text-muted',
}: {
  name: string;
  label: string;
  value?: string;
  options: readonly (string | readonly [value: string, label: string])[];
  anyLabel?: string | null;
  required?: boolean;
  /** Not chosen and not sent (another field stands in for it). */
  disabled?: boolean;
  invalid?: boolean;
  labelClassName?: string;
}) {
  return (
    <label className="flex flex-col gap-1">
      <span className={labelClassName}>{label}</span>
      <Select
        name={name}
        defaultValue={value ?? ''}
        required={required}
        disabled={disabled}
        aria-invalid={invalid || undefined}
      >
        {anyLabel !== null && <option value="">{anyLabel}</option>}
        {options.map((option) => {
          const [v, text] = typeof option === 'string' ? [option, option] : option;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </Select>
    </label>
  );
}

export const HOUSE_OPTIONS = [
  ['COMMONS', 'Commons'],
  ['LORDS', 'Lords'],
  ['NONE', 'Neither'],
] as const;

/** Options from the data-access layer ({ value, label }) in the form FilterSelect takes. */
export const asOptions = (options: readonly { value: string; label: string }[]) =>
  options.map((o) => [o.value, o.label] as const);
