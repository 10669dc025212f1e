// Comfort and an early no, never the only guard: every page, action and route handler checks the
// session and role itself, and Next.js checks server actions' Origin too.
// - Signed-out visitors of /admin are sent to /login.
// - A server action posted from another origin gets a plain 403 here instead of Next's 500.
// - Requests carrying the internal x-middleware-subrequest header are refused outright.
import { type NextRequest, NextResponse } from 'next/server';

function foreignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  if (request.headers.has('x-middleware-subrequest')) {
    return new NextResponse('Forbidden', { status: 403 });
  }
  if (request.method === 'POST' && request.headers.has('next-action') && foreignOrigin(request)) {
    return new NextResponse('Forbidden: this form was sent from another site.', { status: 403 });
  }
  if (request.nextUrl.pathname.startsWith('/admin')) {
    const hasSession = request.cookies.getAll().some((c) => c.name.endsWith('better-auth.session_token'));
    if (!hasSession) {
      const login = new URL('/login', request.url);
      login.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
      return NextResponse.redirect(login);
    }
  }
  return NextResponse.next();
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'] };
