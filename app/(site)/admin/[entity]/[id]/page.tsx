import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteForm } from '@/components/admin/delete-form';
import { EntityForm } from '@/components/admin/entity-form';
import { entityDef } from '@/lib/admin/entities';
import { getRecord, referenceOptions } from '@/lib/admin/store';
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
  const [record, options] = await Promise.all([getRecord(entity, Number(id)), referenceOptions(def)]);
  if (!record) notFound();
  const canEdit = hasRole(actor.role, 'editor');
  const { saved } = await searchParams;
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/${def.key}`}>{def.plural}</Link>
      </nav>
      <h1 className="font-serif text-3xl font-bold">{record.title}</h1>
      {saved && (
        <p role="status" className="rounded bg-green-50 p-2 text-sm text-green-900">
          Saved.
        </p>
      )}
      {!canEdit && <p className="text-sm text-muted">Your role lets you see this record but not change it.</p>}
      <EntityForm
        entity={def.key}
        id={Number(id)}
        initialValues={record.values}
        version={record.version}
        options={options}
        readOnly={!canEdit}
      />
      {canEdit && <DeleteForm entity={def.key} id={Number(id)} version={record.version} label={def.label} />}
      <Link href={`/admin/audit?entity=${def.model}&entityId=${id}`} className="text-sm">
        History of this record →
      </Link>
    </div>
  );
}
