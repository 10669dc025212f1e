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

/** Why the request cannot be an action call our pages made, or null when it may be. */
export async function actionRequestProblem(request: Request): Promise<{ status: 400 | 413; message: string } | null> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > ACTION_BODY_LIMIT) return { status: 413, message: 'This request is larger than 20 MB, the most a form or upload may send.' };
  const type = request.headers.get('content-type') ?? '';
  const unreadable = { status: 400 as const, message: 'This form could not be read. Reload the page and try again.' };
  try {
    if (type.startsWith('multipart/form-data')) {
      const root = (await request.clone().formData()).get('0');
      return typeof root === 'string' && isArguments(root) ? null : unreadable;
    }
    const bytes = await request.clone().arrayBuffer();
    if (bytes.byteLength > ACTION_BODY_LIMIT) return { status: 413, message: 'This request is larger than 20 MB, the most a form or upload may send.' };
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return isArguments(text) ? null : unreadable;
  } catch {
    return unreadable;
  }
}
