// A session cookie's value as better-auth signs it (its own signing function), for tests of what
// counts as signed in. tests/auth.test.ts checks the same against a real sign-in's cookie.
import { makeSignature } from 'better-auth/crypto';

// The app server reads the secret from the environment, as it does when serving.
process.env.BETTER_AUTH_SECRET ??= 'a test secret of this site';

/** A signed session token, as `better-auth.session_token` carries it (URI-encoded). */
export async function signedSession(
  secret = process.env.BETTER_AUTH_SECRET!,
  token = 'tok3nTok3nTok3nTok3nTok3nTok3n',
): Promise<string> {
  return encodeURIComponent(`${token}.${await makeSignature(token, secret)}`);
}
