import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DiscardImportForm, RunImportForm } from '@/components/admin/import-forms';
import { TableShell } from '@/components/table-shell';
import { hasRole } from '@/lib/auth/roles';
import { requireRole } from '@/lib/auth/session';
import { getImportJob } from '@/lib/import/jobs';
import { IMPORT_KINDS } from '@/lib/import/kinds';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireRole('viewer');
  const job = await getImportJob(Number(id));
  if (!job) notFound();
  const percent = job.validRows ? Math.round((job.processedRows / job.validRows) * 100) : 0;
  const columns = job.preview[0] ? Object.keys(job.preview[0].values) : [];
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/imports">Imports</Link>
      </nav>
      <h1 className="font-serif text-3xl font-bold">
        Import #{job.id}: {job.fileName}
      </h1>
      <p data-testid="import-summary">
        {IMPORT_KINDS[job.kind]?.label}. <strong>{job.totalRows}</strong> rows: <strong>{job.validRows}</strong> valid,{' '}
        <strong>{job.invalidRows}</strong> invalid. Status:{' '}
        <strong data-testid="import-status">{job.status.toLowerCase()}</strong>.
      </p>
      {(job.status === 'RUNNING' || job.status === 'SUCCEEDED') && (
        <div>
          <div
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-3 w-full overflow-hidden rounded bg-rule"
          >
            <div className="h-full bg-accent" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-muted">
            {job.processedRows} of {job.validRows} rows
          </p>
        </div>
      )}
      {job.message && (
        <p
          role="status"
          className={`rounded p-3 text-sm ${job.status === 'FAILED' ? 'bg-red-50 text-red-900' : 'bg-green-50 text-green-900'}`}
          data-testid="import-message"
        >
          {job.message}
        </p>
      )}
      {hasRole(actor.role, 'editor') && (
        <RunImportForm id={job.id} status={job.status} invalidRows={job.invalidRows} validRows={job.validRows} />
      )}
      {hasRole(actor.role, 'editor') && (job.status === 'PREVIEWED' || job.status === 'FAILED') && (
        <DiscardImportForm id={job.id} />
      )}
      {job.errors.length > 0 && (
        <section aria-labelledby="invalid-rows">
          <h2 id="invalid-rows" className="mb-2 font-semibold">
            Invalid rows
          </h2>
          <TableShell testId="import-errors" minWidth="" maxHeight="max-h-96" columns={['Line', 'Column', 'Reason']}>
            {job.errors.slice(0, 1000).map((e, i) => (
              <tr key={i}>
                <td className="px-3 py-1 tabular-nums">{e.row}</td>
                <td className="px-3 py-1">{e.column || '—'}</td>
                <td className="px-3 py-1">{e.reason}</td>
              </tr>
            ))}
          </TableShell>
        </section>
      )}
      <section aria-labelledby="preview">
        <h2 id="preview" className="mb-2 font-semibold">
          First rows
        </h2>
        <TableShell testId="import-preview" minWidth="" columns={['Line', ...columns, 'What happens']}>
          {job.preview.map((row) => (
            <tr key={row.line}>
              <td className="px-3 py-1 tabular-nums">{row.line}</td>
              {columns.map((c) => (
                <td key={c} className="max-w-48 truncate px-3 py-1">
                  {row.values[c]}
                </td>
              ))}
              <td className="px-3 py-1">{row.outcome}</td>
            </tr>
          ))}
        </TableShell>
      </section>
    </div>
  );
}
