import type { Metadata } from 'next';
import { AddSignaturesForm } from '@/components/admin/add-signatures-form';
import { entityDef } from '@/lib/admin/entities';
import { referenceOptions } from '@/lib/admin/store';
import { NotAllowed } from '@/components/admin/not-allowed';
import { hasRole } from '@/lib/auth/roles';
import { requireRole } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Add signatures' };

export default async function AddSignaturesPage({ searchParams }: { searchParams: Promise<{ campaign?: string }> }) {
  const actor = await requireRole('viewer');
  if (!hasRole(actor.role, 'editor')) return <NotAllowed role={actor.role} needed="editor" />;
  const options = await referenceOptions(entityDef('signatures')!, undefined, { people: false });
  const { campaign } = await searchParams;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Add signatures</h1>
      <p className="max-w-3xl text-muted">
        Paste the names from a story. Each line is matched to the roster: exact and alias matches are chosen for you;
        guesses, ambiguous and unknown names wait for your decision. Nothing is saved until every line is decided.
      </p>
      <AddSignaturesForm campaigns={options.campaign ?? []} sources={options.source ?? []} initialCampaign={campaign} />
    </div>
  );
}
