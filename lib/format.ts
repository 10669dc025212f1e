// Display helpers shared by pages. Dates are calendar days, shown in UK style.

export function formatDay(date: Date | string | null | undefined, precision: 'DAY' | 'MONTH' | 'YEAR' = 'DAY'): string {
  if (!date) return 'date not known';
  const d = typeof date === 'string' ? new Date(date) : date;
  const options: Intl.DateTimeFormatOptions =
    precision === 'YEAR' ? { year: 'numeric' } : precision === 'MONTH' ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return d.toLocaleDateString('en-GB', { ...options, timeZone: 'UTC' });
}

/** 2019-06-28 */
export function isoDay(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export function titleCase(enumValue: string): string {
  const text = enumValue.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatNet(net: number): string {
  return net > 0 ? `+${net}` : String(net);
}
