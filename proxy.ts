// A comfort, not a guard: sends visitors without a session cookie from /admin to /login.
// Every admin page, action and route handler checks the session and role itself.
import { type NextRequest, NextResponse } from 'next/server';

export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith('better-auth.session_token'));
  if (!hasSession) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = { matcher: ['/admin/:path*'] };
