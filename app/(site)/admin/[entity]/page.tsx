import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Pager, TableShell } from '@/components/table-shell';
import { entityDef } from '@/lib/admin/entities';
import { listRecords } from '@/lib/admin/store';
import { currentActor } from '@/lib/auth/session';
import { hasRole } from '@/lib/auth/roles';
import { buttonClass } from '@/components/ui/controls';

type Props = {
  params: Promise<{ entity: string }>;
  searchParams: Promise<{ q?: string; page?: string; deleted?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: entityDef((await params).entity)?.plural ?? 'Not found' };
}

export default async function EntityListPage({ params, searchParams }: Props) {
  const { entity } = await params;
  const def = entityDef(entity);
  if (!def) notFound();
  const { q, page, deleted } = await searchParams;
  const [list, actor] = await Promise.all([
    listRecords(entity, { q: q?.slice(0, 100), page: Number(page) || 1 }),
    currentActor(),
  ]);
  const canEdit = hasRole(actor?.role, 'editor');
  const pages = Math.ceil(list.total / list.pageSize);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-bold">{def.plural}</h1>
        {canEdit && (
          <Link href={`/admin/${def.key}/new`} className={buttonClass('primary', 'no-underline')}>
            New {def.label}
          </Link>
        )}
      </div>
      {deleted && (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-900">
          Deleted.
        </p>
      )}
      {def.search.length > 0 && (
        <form method="get" className="flex gap-2" aria-label={`Search ${def.plural}`}>
          <label className="sr-only" htmlFor="q">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q ?? ''}
            placeholder="Search…"
            className="rounded border border-rule px-2 py-1.5"
          />
          <button type="submit" className="rounded border border-rule bg-white px-3">
            Search
          </button>
        </form>
      )}
      <p className="text-sm text-muted">
        {list.total} record{list.total === 1 ? '' : 's'}
        {pages > 1 ? ` · page ${list.page} of ${pages}` : ''}
      </p>
      {list.rows.length === 0 ? (
        <p className="rounded border border-dashed border-rule bg-white p-4 text-muted">Nothing here yet.</p>
      ) : (
        <TableShell
          testId="admin-list"
          minWidth=""
          columns={[
            ...def.columns.map((c) => def.fields.find((f) => f.name === c)?.label),
            <span key="actions" className="sr-only">
              Actions
            </span>,
          ]}
        >
          {list.rows.map((row) => (
            <tr key={row.id}>
              {row.cells.map((cell, i) => (
                <td key={i} className="max-w-xs truncate px-3 py-2">
                  {cell}
                </td>
              ))}
              <td className="px-3 py-2">
                <Link href={`/admin/${def.key}/${row.id}`} aria-label={`${canEdit ? 'Edit' : 'View'} ${row.title}`}>
                  {canEdit ? 'Edit' : 'View'}
                </Link>
              </td>
            </tr>
          ))}
        </TableShell>
      )}
      <Pager
        page={list.page}
        pages={pages}
        href={(p) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`}
      />
    </div>
  );
}
