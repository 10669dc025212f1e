import type { Metadata } from 'next';
import Link from 'next/link';
import { NotAllowed } from '@/components/admin/not-allowed';
import { UploadForm } from '@/components/admin/import-forms';
import { OfficialDivisionsForm } from '@/components/admin/official-divisions-form';
import { entityDef } from '@/lib/admin/entities';
import { referenceOptions } from '@/lib/admin/store';
import { hasRole } from '@/lib/auth/roles';
import { requireRole } from '@/lib/auth/session';
import { listImportJobs } from '@/lib/import/jobs';
import { IMPORT_KINDS } from '@/lib/import/kinds';
import { columnNames } from '@/lib/import/columns';

export const metadata: Metadata = { title: 'Imports' };

export default async function ImportsPage({ searchParams }: { searchParams: Promise<{ discarded?: string }> }) {
  const discarded = (await searchParams).discarded === '1';
  const actor = await requireRole('viewer');
  const [jobs, options, votes] = await Promise.all([
    listImportJobs(),
    referenceOptions(entityDef('signatures')!, undefined, { people: false }),
    referenceOptions(entityDef('ballots')!, undefined, { people: false }),
  ]);
  const stages = (await referenceOptions(entityDef('positions')!, undefined, { people: false })).stage ?? [];
  const kinds = Object.entries(IMPORT_KINDS).map(([value, k]) => {
    const { required, optional } = columnNames(k.columns);
    return {
      value,
      label: k.label,
      needs: k.needs,
      columns: `${required.join(', ')} (required); ${optional.join(', ')}`,
      names: [...required, ...optional],
    };
  });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Imports</h1>
      {discarded && (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-900">
          The import was discarded; nothing was written.
        </p>
      )}
      <p className="max-w-3xl text-sm text-muted">
        A file is checked first: you see every invalid row with its line, column and reason, and nothing is written. The
        import then runs in one transaction: all valid rows or none. Importing the same file again changes nothing.
      </p>
      <p className="max-w-3xl text-sm text-muted">
        <strong>
          A <code>note</code> column is public
        </strong>
        : it is shown on the site and in its downloads, feeds and API. What must not be published goes in a
        record&rsquo;s private note, in its form.
      </p>
      {hasRole(actor.role, 'editor') ? (
        <>
          <UploadForm
            kinds={kinds}
            campaigns={options.campaign ?? []}
            sources={options.source ?? []}
            stages={stages}
            divisions={votes.division ?? []}
          />
          <OfficialDivisionsForm stages={stages} />
        </>
      ) : (
        <NotAllowed role={actor.role} needed="editor" />
      )}
      <h2 className="font-semibold">Recent imports</h2>
      {jobs.length === 0 ? (
        <p className="text-sm text-muted">No imports yet.</p>
      ) : (
        <ul className="text-sm">
          {jobs.map((j) => (
            <li key={j.id}>
              <Link href={`/admin/imports/${j.id}`}>
                #{j.id} {j.fileName}
              </Link>{' '}
              — {IMPORT_KINDS[j.kind]?.label ?? j.kind}, {j.status.toLowerCase()}, {j.validRows} valid / {j.invalidRows}{' '}
              invalid rows, by {j.createdBy}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
