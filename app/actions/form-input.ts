// What every server action shares. Anyone can post anything to an action: arguments that are not
// what our forms send are refused with a message (a 200 with the form's error state), never a
// crash (docs/decisions/012-action-requests-checked-first.md). Each action is a thin door: the
// data-access layer checks the session and role, validates and audits.

export const UNREADABLE = 'This form could not be read. Reload the page and try again.';
export const isForm = (value: unknown): value is FormData => value instanceof FormData;
export const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
