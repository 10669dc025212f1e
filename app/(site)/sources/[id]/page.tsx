import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatDay } from '@/lib/format';
import { getSource } from '@/lib/sources';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Source' };

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const source = await getSource(Number(id));
  if (!source) notFound();
  return (
    <article className="flex max-w-3xl flex-col gap-3">
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">Source</p>
      <h1 className="font-serif text-3xl font-bold">{source.title}</h1>
      <p>
        {source.publisher}
        {source.publishedAt
          ? `, ${formatDay(source.publishedAt)} ${source.publishedAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })} UK time`
          : ', date not recorded'}
      </p>
      {source.url ? (
        <p>
          <a href={source.url} rel="noreferrer">
            Read the original
          </a>
        </p>
      ) : (
        <p className="text-sm text-muted">No web address is recorded for this source.</p>
      )}
      {source.excerpt && <blockquote className="border-l-4 border-rule pl-3 font-serif">{source.excerpt}</blockquote>}
      <h2 className="mt-3 font-semibold">Cited by</h2>
      <ul className="text-sm">
        {source.citedBy.map((c) => (
          <li key={c.kind}>
            {c.count.toLocaleString('en-GB')} {c.kind}
          </li>
        ))}
      </ul>
    </article>
  );
}
