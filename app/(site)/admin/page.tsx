import type { Metadata } from 'next';
import Link from 'next/link';
import { ENTITIES } from '@/lib/admin/entities';
import { requireRole } from '@/lib/auth/session';
import { ROLE_DESCRIPTIONS } from '@/lib/auth/roles';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminHome() {
  const actor = await requireRole('viewer');
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Admin</h1>
      <p className="text-muted">
        Your role: <strong>{actor.role}</strong> — {ROLE_DESCRIPTIONS[actor.role]}.
      </p>
      <Link
        href="/admin/add-signatures"
        className="block rounded-lg border-2 border-accent bg-accent-soft p-4 no-underline"
      >
        <span className="font-serif text-xl font-bold text-ink">Add signatures from a news story →</span>
        <span className="block text-sm text-muted">
          Paste names as the press writes them; check each match; save them all with one source.
        </span>
      </Link>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {ENTITIES.map((e) => (
          <li key={e.key} className="rounded border border-rule bg-white p-3">
            <Link href={`/admin/${e.key}`} className="font-semibold">
              {e.plural}
            </Link>
            {actor.role !== 'viewer' && (
              <Link href={`/admin/${e.key}/new`} className="ml-2 text-sm">
                + New
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
