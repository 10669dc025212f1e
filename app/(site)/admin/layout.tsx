import Link from 'next/link';
import { redirect } from 'next/navigation';
import { logoutAction } from '@/app/actions';
import { ENTITIES } from '@/lib/admin/entities';
import { currentActor } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect('/login?next=/admin');
  return (
    <div className="flex flex-col gap-4 lg:flex-row">
      <aside className="lg:w-56 lg:shrink-0">
        <nav aria-label="Admin" className="rounded-lg border border-rule bg-white p-3 text-sm">
          <p className="mb-2 text-xs text-muted">
            Signed in as <strong className="text-ink">{actor.email}</strong> ({actor.role})
          </p>
          <ul className="flex flex-wrap gap-x-3 gap-y-1 lg:flex-col">
            <li>
              <Link href="/admin">Admin home</Link>
            </li>
            <li>
              <Link href="/admin/add-signatures">Add signatures</Link>
            </li>
            {ENTITIES.map((e) => (
              <li key={e.key}>
                <Link href={`/admin/${e.key}`}>{e.plural}</Link>
              </li>
            ))}
            <li>
              <Link href="/admin/imports">Imports</Link>
            </li>
            <li>
              <Link href="/admin/audit">Audit log</Link>
            </li>
            {actor.role === 'admin' && (
              <li>
                <Link href="/admin/users">Users</Link>
              </li>
            )}
            <li>
              <Link href="/admin/account">Your account</Link>
            </li>
          </ul>
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
