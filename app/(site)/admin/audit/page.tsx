import type { Metadata } from 'next';
import Link from 'next/link';
import { DownloadLinks } from '@/components/download-links';
import { FilterSelect } from '@/components/filter-select';
import { Pager, TableShell } from '@/components/table-shell';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit';
import { Button } from '@/components/ui/controls';

export const metadata: Metadata = { title: 'Audit log' };

type Props = {
  searchParams: Promise<{ entity?: string; actor?: string; action?: string; entityId?: string; page?: string }>;
};

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !['updatedAt', 'createdAt', 'version'].includes(k) && JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  if (keys.length === 0) return <span className="text-muted">no field changed</span>;
  return (
    <ul className="text-xs">
      {keys.slice(0, 12).map((k) => (
        <li key={k}>
          <span className="font-medium">{k}</span>:{' '}
          {before ? <del className="text-red-800">{JSON.stringify(b[k]) ?? '—'}</del> : null}
          {before && after ? ' → ' : ''}
          {after ? <ins className="text-green-900 no-underline">{JSON.stringify(a[k]) ?? '—'}</ins> : null}
        </li>
      ))}
    </ul>
  );
}

export default async function AuditPage({ searchParams }: Props) {
  const q = await searchParams;
  const { events, total, entities, page } = await listAuditEvents({
    entity: q.entity || undefined,
    actor: q.actor?.slice(0, 200) || undefined,
    action: q.action || undefined,
    entityId: q.entityId?.slice(0, 40) || undefined,
    page: Number(q.page) || 1,
  });
  const pages = Math.ceil(total / AUDIT_PAGE_SIZE);
  const link = (p: number) =>
    `?${new URLSearchParams(Object.entries({ ...q, page: String(p) }).filter((e): e is [string, string] => !!e[1]))}`;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-bold">Audit log</h1>
        <DownloadLinks name="audit" label="Whole log" />
      </div>
      <p className="text-sm text-muted">
        Every change, who made it and when, with what it was before and after. The database refuses to edit or delete
        this log.
      </p>
      <form
        method="get"
        className="flex flex-wrap items-end gap-2 rounded border border-rule bg-white p-3 text-sm"
        aria-label="Filter the audit log"
      >
        <FilterSelect name="entity" label="Record type" value={q.entity} options={entities} />
        <FilterSelect name="action" label="Action" value={q.action} options={['create', 'update', 'delete']} />
        <label className="flex flex-col gap-1">
          <span className="text-xs text-muted">Who</span>
          <input name="actor" defaultValue={q.actor ?? ''} className="rounded border border-rule px-2 py-1.5" />
        </label>
        {q.entityId && <input type="hidden" name="entityId" value={q.entityId} />}
        <Button type="submit">Filter</Button>
        <Link href="/admin/audit">Clear</Link>
      </form>
      <p className="text-sm text-muted">
        {total} event{total === 1 ? '' : 's'}
      </p>
      <TableShell testId="audit-table" columns={['When', 'Who', 'What', 'Changes']}>
        {events.map((e) => (
          <tr key={e.id} className="align-top">
            <td className="whitespace-nowrap px-3 py-2">{e.at.toISOString().replace('T', ' ').slice(0, 19)} UTC</td>
            <td className="px-3 py-2">{e.actor}</td>
            <td className="px-3 py-2">
              {e.action} {e.entity} #{e.entityId}
            </td>
            <td className="px-3 py-2">
              <Changes before={e.before} after={e.after} />
            </td>
          </tr>
        ))}
      </TableShell>
      <Pager page={page} pages={pages} href={link} />
    </div>
  );
}
