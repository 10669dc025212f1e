import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form';
import { EntityForm } from '@/components/admin/entity-form';
import { entityDef } from '@/lib/admin/entities';
import { nextSteps } from '@/lib/admin/next-steps';
import { getRecord, referenceOptions, takenSlugs } from '@/lib/admin/store';
import { campaignSlugById } from '@/lib/campaigns';
import { hasRole } from '@/lib/auth/roles';
import { requireRole } from '@/lib/auth/session';

type Props = { params: Promise<{ entity: string; id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit ${entityDef((await params).entity)?.label ?? 'record'}` };
}

export default async function EditEntityPage({ params, searchParams }: Props) {
  const { entity, id } = await params;
  const def = entityDef(entity);
  if (!def || !/^\d{1,9}$/.test(id)) notFound();
  const actor = await requireRole('viewer');
  const [record, options, slugs] = await Promise.all([
    getRecord(entity, Number(id)),
    referenceOptions(def),
    takenSlugs(def, Number(id)),
  ]);
  if (!record) notFound();
  const canEdit = hasRole(actor.role, 'editor');
  const { saved } = await searchParams;
  const campaignId = def.key === 'campaigns' ? Number(id) : Number(record.values.campaignId);
  const steps = saved
    ? nextSteps(def.key, Number(id), record.values, campaignId ? await campaignSlugById(campaignId) : null)
    : null;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/${def.key}`}>{def.plural}</Link>
      </nav>
      <h1 className="font-serif text-3xl font-bold">{record.title}</h1>
      {saved && (
        <div role="status" className="flex flex-col gap-1 rounded bg-green-50 p-2 text-sm text-green-900">
          <p>Saved.</p>
          {steps && (steps.page || steps.next.length > 0) && (
            <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Next steps">
              {steps.page && (
                <li>
                  <Link href={steps.page.href}>{steps.page.label} →</Link>
                </li>
              )}
              {steps.next.map((s) => (
                <li key={s.href}>
                  <Link href={s.href}>{s.label} →</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!canEdit && <p className="text-sm text-muted">Your role lets you see this record but not change it.</p>}
      <EntityForm
        entity={def.key}
        id={Number(id)}
        initialValues={record.values}
        version={record.version}
        options={options}
        readOnly={!canEdit}
        takenSlugs={slugs}
      />
      {canEdit && <DeleteForm entity={def.key} id={Number(id)} version={record.version} label={def.label} />}
      <Link href={`/admin/audit?entity=${def.model}&entityId=${id}`} className="text-sm">
        History of this record →
      </Link>
    </div>
  );
}
