'use server';

// Signing in and out.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signIn, signOut } from '@/lib/auth/login';
import { AppError, publicMessage } from '@/lib/errors';
import { safeNextPath } from '@/lib/validation';
import { isForm, UNREADABLE } from './form-input';

export interface LoginState {
  message?: string;
  email?: string;
}

export async function loginAction(_previous: LoginState, form: FormData): Promise<LoginState> {
  if (!isForm(form)) return { message: UNREADABLE };
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return { message: 'Enter your e-mail address and password.', email };
  try {
    await signIn(email, password, { headers: new Headers(await headers()) });
  } catch (error) {
    return { message: error instanceof AppError ? error.message : publicMessage(error, 'login'), email };
  }
  redirect(safeNextPath(form.get('next')));
}

export async function logoutAction(): Promise<void> {
  await signOut({ headers: new Headers(await headers()) });
  redirect('/login?signedOut=1');
}
