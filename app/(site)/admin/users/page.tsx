import Link from 'next/link';
import type { Metadata } from 'next';
import { NewUserForm, UserRoleForm } from '@/components/admin/user-forms';
import { NotAllowed } from '@/components/admin/not-allowed';
import { hasRole } from '@/lib/auth/roles';
import { requireRole } from '@/lib/auth/session';
import { listUsers } from '@/lib/users';
import { TABLE_CELLS } from '@/components/table-shell';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requireRole('viewer');
  if (!hasRole(actor.role, 'admin')) return <NotAllowed role={actor.role} needed="admin" />;
  const users = await listUsers();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Users</h1>
      <div className="overflow-x-auto rounded border border-rule bg-white">
        <table className={`w-full text-left text-sm ${TABLE_CELLS}`} data-testid="users-table">
          <thead className="bg-paper text-xs uppercase text-muted">
            <tr>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                E-mail
              </th>
              <th scope="col" className="px-3 py-2">
                Role
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  {u.id === actor.id ? (
                    // Changing one's own role or removing oneself is refused (lib/users.ts): not offered.
                    <p className="text-sm" data-testid="own-account">
                      {u.role ?? 'viewer'} (you). Another admin can change your role;{' '}
                      <Link href="/admin/account">change your password</Link>.
                    </p>
                  ) : (
                    <UserRoleForm userId={u.id} role={u.role ?? 'viewer'} email={u.email} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewUserForm />
    </div>
  );
}
