// Comfort and an early no, never the only guard: every page, action and route handler checks the
// session and role itself, and Next.js checks server actions' Origin too.
// - Signed-out visitors of /admin are sent to /login.
// - A POST (a server action, with JavaScript or without) from another origin, or with no Origin and
//   no same-origin Sec-Fetch-Site, gets a plain 403 here instead of Next's 500; an action whose body
//   is too big (413) or not an encoded call (400) is refused before Next.js decodes it.
// - Requests carrying the internal x-middleware-subrequest header are refused outright.
// - An address with a NUL or bytes that are not UTF-8 is refused with 400 (lib/validation.ts).
// - While the database is known to be down, pages and API reads answer 503 at once (lib/outage.ts).
// - Every answer gets a Content-Security-Policy with a nonce of its own (lib/csp.ts).
import { type NextRequest, NextResponse } from 'next/server';
import { actionRequestProblem } from './lib/action-request';
import { siteUrl } from './lib/site-url';
import { addressProblem } from './lib/validation';
import { contentSecurityPolicy, makeNonce } from './lib/csp';
import { stillDown, unavailableResponse } from './lib/outage';
import { NO_STORE } from './lib/cache-rules';

/**
 * A POST comes from this site: its Origin is the site's (BETTER_AUTH_URL) or this server's own
 * address as the client reached it (`http://` and the Host header; a proxy in front sets Host),
 * compared whole: scheme, host and port. A client-sent X-Forwarded-Host is never believed. With no
 * Origin, only a browser's `Sec-Fetch-Site: same-origin` will do (issue 23 §6: a POST with no
 * Origin, a forged X-Forwarded-Host or an https Origin for an http site was accepted).
 */
function fromThisSite(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return request.headers.get('sec-fetch-site') === 'same-origin';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const host = request.headers.get('host');
  return parsed.origin === siteUrl() || (host !== null && parsed.origin === `http://${host}`);
}

export async function proxy(request: NextRequest) {
  // A Content-Security-Policy with a nonce of its own for every answer (lib/csp.ts): on the
  // request, where Next.js finds the nonce for the scripts it writes, and on the answer, the
  // refusals and redirects below included.
  const policy = contentSecurityPolicy(
    makeNonce(),
    request.nextUrl.pathname.startsWith('/embed/') ? '*' : "'none'",
    process.env.NODE_ENV === 'development',
  );
  const response = await answer(request, policy);
  response.headers.set('content-security-policy', policy);
  // Served over https (BETTER_AUTH_URL says so): browsers are told to keep to https for two years.
  if (siteUrl().startsWith('https:')) response.headers.set('strict-transport-security', 'max-age=63072000');
  return response;
}

async function answer(request: NextRequest, policy: string): Promise<Response> {
  if (request.headers.has('x-middleware-subrequest')) {
    return new NextResponse('Forbidden', { status: 403 });
  }
  // One rule for every address: a NUL or bytes that are not UTF-8 are refused here, with 400.
  const badAddress = addressProblem(request.url);
  if (badAddress)
    return new NextResponse(`${badAddress}\n`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_STORE },
    });
  const { pathname } = request.nextUrl;
  // /api/health answers for itself; actions (POST) fail closed in the data layer with a message.
  if ((request.method === 'GET' || request.method === 'HEAD') && pathname !== '/api/health' && (await stillDown())) {
    return unavailableResponse(pathname);
  }
  // Every POST is a form or a server action (JavaScript or not): from this site, or refused.
  if (request.method === 'POST' && !fromThisSite(request))
    return new NextResponse('Forbidden: this form was sent from another site.', { status: 403 });
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const problem = await actionRequestProblem(request);
    if (problem)
      return new NextResponse(problem.message, {
        status: problem.status,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
  }
  if (request.nextUrl.pathname.startsWith('/admin')) {
    const hasSession = request.cookies.getAll().some((c) => c.name.endsWith('better-auth.session_token'));
    if (!hasSession) {
      const login = new URL('/login', request.url);
      login.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
      return NextResponse.redirect(login);
    }
  }
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'] };
