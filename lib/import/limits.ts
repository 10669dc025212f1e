// How large an import may be: one number for the upload form (checked before sending), the
// parser and the server. Client-safe.
export const MAX_BYTES = 20 * 1024 * 1024;
