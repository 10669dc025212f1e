import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/admin/login-form';
import { currentActor } from '@/lib/auth/session';
import { safeNextPath } from '@/lib/validation';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; signedOut?: string }>;
}) {
  const { next, signedOut } = await searchParams;
  // One validator for this page and the sign-in action: a path of this site, else /admin.
  const target = safeNextPath(next);
  if (await currentActor()) redirect(target);
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4 rounded-lg border border-rule bg-white p-6 shadow-sm">
      <h1 className="font-serif text-2xl font-bold">Sign in</h1>
      {signedOut && <p className="text-sm text-muted">You have signed out.</p>}
      <p className="text-sm text-muted">
        For editors and researchers with an account. Accounts are created by an administrator.
      </p>
      <LoginForm next={target} />
    </div>
  );
}
