import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/admin/user-forms';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requireRole('viewer');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Your account</h1>
      <p className="text-sm text-muted">
        Signed in as {actor.email} ({actor.role}). Changing your password ends your sessions on other devices.
      </p>
      <ChangePasswordForm />
    </div>
  );
}
