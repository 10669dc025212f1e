// A first look at a server action's request, before Next.js decodes it: a body over the size
// limit is refused with 413, and one that is not what React's encodeReply sends (valid UTF-8
// without a byte-order mark, arguments as a JSON array, a "0" field when multipart) with 400,
// instead of the 500 Next.js answers when decoding fails. Browsers running our pages never send either; this is for
// hostile or broken clients. No `server-only` here: proxy.ts imports it.

/** The largest action request accepted: a 20 MB CSV upload and its form (next.config.js says the same). */
export const ACTION_BODY_LIMIT = 21 * 1024 * 1024;

function isArguments(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** The most a request without a session may send: signing in is the only action open to anyone. */
export const ANONYMOUS_BODY_LIMIT = 64 * 1024;

/** The request carries a better-auth session cookie (valid or not: the data layer checks that). */
export function hasSessionCookie(request: Request): boolean {
  return /(^|;\s*)(__Secure-)?better-auth\.session_token=/.test(request.headers.get('cookie') ?? '');
}

/** Why the request cannot be an action call our pages made, or null when it may be. */
export async function actionRequestProblem(
  request: Request,
): Promise<{ status: 400 | 411 | 413; message: string } | null> {
  const declared = request.headers.get('content-length');
  const length = Number(declared ?? 0);
  if (length > ACTION_BODY_LIMIT)
    return { status: 413, message: 'This request is larger than 20 MB, the most a form or upload may send.' };
  // Without a session only the sign-in form may post, and it is small: refuse anything large (or
  // of unknown length) before reading a byte of it.
  if (!hasSessionCookie(request)) {
    if (declared === null)
      return { status: 411, message: 'Sign in first: a request without a session must say its length.' };
    if (length > ANONYMOUS_BODY_LIMIT)
      return { status: 413, message: 'Sign in first: without a session a form may send at most 64 kB.' };
  }
  const type = request.headers.get('content-type') ?? '';
  const unreadable = { status: 400 as const, message: 'This form could not be read. Reload the page and try again.' };
  try {
    if (type.startsWith('multipart/form-data')) {
      const root = (await request.clone().formData()).get('0');
      return typeof root === 'string' && isArguments(root) ? null : unreadable;
    }
    const bytes = await request.clone().arrayBuffer();
    if (bytes.byteLength > ACTION_BODY_LIMIT)
      return { status: 413, message: 'This request is larger than 20 MB, the most a form or upload may send.' };
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return isArguments(text) ? null : unreadable;
  } catch {
    return unreadable;
  }
}
