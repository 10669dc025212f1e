// The one error type the data-access layer throws for expected failures. Route handlers map
// `status` to HTTP; actions turn it into a message. Anything else is unexpected: logged in
// detail, shown as a safe generic message.
import { markDatabaseDown } from './outage';

export type AppErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'RATE_LIMITED' | 'IN_USE' | 'UNAVAILABLE';

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
  IN_USE: 409,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }
}

/** True when the error (or one it wraps) means the database could not be reached. */
export function isDatabaseDown(error: unknown): boolean {
  for (
    let e = error as { message?: string; code?: string; meta?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e !== 'object') break;
    if (e.code && /^(P1001|P1002|P1017|ECONNREFUSED|ECONNRESET|57P01|57P03)$/.test(e.code)) return true;
    const text = `${e.message ?? ''} ${JSON.stringify(e.meta ?? '')}`;
    if (/DatabaseNotReachable|ECONNREFUSED|Can't reach database|Connection terminated|ETIMEDOUT|57P01|57P03/.test(text))
      return true;
  }
  return false;
}

/** A message safe to show for any error: an AppError's own, else a generic one (logged in full). */
export function publicMessage(error: unknown, where: string): string {
  if (error instanceof AppError) return error.message;
  console.error(`[${where}] unexpected error:`, error);
  if (isDatabaseDown(error)) {
    markDatabaseDown();
    return 'The database is unavailable just now. Nothing was saved; please try again shortly.';
  }
  return 'Something went wrong and nothing was saved. Please try again; if it keeps happening, tell an administrator.';
}
