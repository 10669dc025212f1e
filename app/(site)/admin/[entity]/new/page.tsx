import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EntityForm } from '@/components/admin/entity-form';
import { entityDef } from '@/lib/admin/entities';
import { prefill } from '@/lib/admin/next-steps';
import { referenceOptions, takenSlugs } from '@/lib/admin/store';
import { NotAllowed } from '@/components/admin/not-allowed';
import { hasRole } from '@/lib/auth/roles';
import { requireRole } from '@/lib/auth/session';

type Props = {
  params: Promise<{ entity: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `New ${entityDef((await params).entity)?.label ?? 'record'}` };
}

export default async function NewEntityPage({ params, searchParams }: Props) {
  const { entity } = await params;
  const def = entityDef(entity);
  if (!def) notFound();
  const actor = await requireRole('viewer');
  if (!hasRole(actor.role, 'editor')) return <NotAllowed role={actor.role} needed="editor" />;
  const [options, slugs] = await Promise.all([referenceOptions(def), takenSlugs(def, null)]);
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/${def.key}`}>{def.plural}</Link>
      </nav>
      <h1 className="font-serif text-3xl font-bold">New {def.label}</h1>
      <EntityForm
        entity={def.key}
        id={null}
        initialValues={prefill(def.fields, await searchParams)}
        options={options}
        readOnly={false}
        takenSlugs={slugs}
      />
    </div>
  );
}
