/** A labelled <select> for GET filter forms, with "Any" as the empty choice. */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel = 'Any',
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (string | readonly [value: string, label: string])[];
  anyLabel?: string | null;
}) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-muted">{label}</span>
      <select name={name} defaultValue={value ?? ''} className="rounded border border-rule bg-white px-2 py-1.5">
        {anyLabel !== null && <option value="">{anyLabel}</option>}
        {options.map((option) => {
          const [v, text] = typeof option === 'string' ? [option, option] : option;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}

export const HOUSE_OPTIONS = [
  ['COMMONS', 'Commons'],
  ['LORDS', 'Lords'],
  ['NONE', 'Neither'],
] as const;
