// Whether a request carries a session cookie that better-auth signed (issue 23 §10). Only such a
// request is private and rendered afresh; any other cookie, even one named `better-auth…`, is an
// anonymous reader's and gets the shared, cached answer. The signature is better-call's
// (`value.base64(HMAC-SHA256(secret, value))`, URI-encoded), checked here without the database: a
// cookie that verifies was made by this site for someone who signed in (it may since have expired
// or been revoked; the data layer still checks the session itself, so it only costs a fresh render).
import { createHmac, timingSafeEqual } from 'node:crypto';

const SESSION_COOKIE = /^(__Secure-)?better-auth\.session_token$/;

/** True when `cookieHeader` holds a better-auth session cookie signed with `secret`. */
export function hasSignedSession(
  cookieHeader: string | undefined,
  secret: string | undefined = process.env.BETTER_AUTH_SECRET,
): boolean {
  if (!cookieHeader || !secret) return false;
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0 || !SESSION_COOKIE.test(pair.slice(0, at).trim())) continue;
    let value: string;
    try {
      value = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      continue;
    }
    const dot = value.lastIndexOf('.');
    if (dot <= 0) continue;
    const expected = createHmac('sha256', secret).update(value.slice(0, dot)).digest();
    const given = Buffer.from(value.slice(dot + 1), 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  }
  return false;
}
