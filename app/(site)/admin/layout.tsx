import Link from 'next/link';
import { redirect } from 'next/navigation';
import { logoutAction } from '@/app/actions/session';
import { ENTITIES } from '@/lib/admin/entities';
import { currentActor } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect('/login?next=/admin');
  const links = [
    ['/admin', 'Admin home'],
    ['/admin/add-signatures', 'Add signatures'],
    ...ENTITIES.map((e) => [`/admin/${e.key}`, e.plural]),
    ['/admin/imports', 'Imports'],
    ['/admin/audit', 'Audit log'],
    ...(actor.role === 'admin' ? [['/admin/users', 'Users']] : []),
    ['/admin/account', 'Your account'],
  ].map(([href, label]) => (
    <li key={href}>
      <Link href={href!}>{label}</Link>
    </li>
  ));
  return (
    <div className="flex flex-col gap-4 lg:flex-row">
      <aside className="lg:w-56 lg:shrink-0">
        <nav aria-label="Admin" className="rounded-lg border border-rule bg-white p-3 text-sm">
          <p className="mb-2 text-xs text-muted">
            Signed in as <strong className="text-ink">{actor.email}</strong> ({actor.role})
          </p>
          {/* A column beside the page on a wide screen; on a phone, folded, so the page comes first. */}
          <ul className="hidden flex-col gap-y-1 lg:flex">{links}</ul>
          <details className="lg:hidden">
            <summary className="cursor-pointer py-1 font-medium text-accent">Records and tools</summary>
            <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-2">{links}</ul>
          </details>
          <form action={logoutAction} className="mt-3">
            <button type="submit" className="rounded border border-rule px-2 py-1">
              Sign out
            </button>
          </form>
        </nav>
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
