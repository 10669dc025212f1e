import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { houseLabel, RebelList } from '@/components/division/division-parts';
import { findDivisionAt } from '@/lib/divisions';
import { formatDay } from '@/lib/format';
import { pageMetadata } from '@/lib/metadata';
import { shareImageMeta } from '@/lib/share-image';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ house: string; date: string; number: string }> };

async function load(params: Props['params']) {
  const { house, date, number } = await params;
  return findDivisionAt(house, date, number);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const d = await load(params);
  if (!d) return { title: 'Division not found' };
  return pageMetadata({
    title: `Rebels: ${d.question}`,
    description: `${d.rebels.length} members voted against their party in division ${d.number}.`,
    path: `${d.path}/rebels`,
    image: await shareImageMeta('division', d.path),
  });
}

/** The rebels of one division on a page of their own, to link to and cite. */
export default async function RebelsPage({ params }: Props) {
  const d = await load(params);
  if (!d) notFound();
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/divisions">Divisions</Link> › <Link href={d.path}>Division {d.number}</Link> › Rebels
      </nav>
      <h1 className="font-serif text-3xl font-bold">
        Rebels: {d.question}{' '}
        <span className="text-muted">
          ({houseLabel(d.house)}, {d.heldOn ? formatDay(d.heldOn) : ''})
        </span>
      </h1>
      <RebelList d={d} path={d.path} />
    </div>
  );
}
