import type { Metadata } from 'next';
import Link from 'next/link';
import { Section } from '@/components/section';
import { formatDay, titleCase } from '@/lib/format';
import { search, SEARCH_MAX_CHARS } from '@/lib/search';
import { Button, Input } from '@/components/ui/controls';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ q?: string | string[] }> };
const queryOf = (q: string | string[] | undefined) => (Array.isArray(q) ? q[0] : q)?.slice(0, SEARCH_MAX_CHARS) ?? '';

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = queryOf((await searchParams).q);
  return { title: q ? `Search: ${q}` : 'Search' };
}

export default async function SearchPage({ searchParams }: Props) {
  const q = queryOf((await searchParams).q);
  const results = q ? await search(q) : null;
  const total = results
    ? results.campaigns.length + results.people.length + results.bodies.length + results.sources.length
    : 0;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-serif text-3xl font-bold">Search</h1>
      <form method="get" action="/search" role="search" className="flex max-w-xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          Search campaigns, people, bodies and sources
        </label>
        <Input
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={SEARCH_MAX_CHARS}
          className="min-w-0 flex-1"
        />
        <Button type="submit">Search</Button>
      </form>
      {results && (
        <p role="status" className="text-sm text-muted" data-testid="search-summary">
          {total === 0 ? `Nothing found for “${q}”.` : `${total} found for “${q}”, by kind.`}
        </p>
      )}
      {results && results.people.length > 0 && (
        <Section id="people" title="People">
          <ul className="flex flex-col gap-1 text-sm" data-testid="search-people">
            {results.people.map((p) => (
              <li key={p.slug}>
                <Link href={`/people/${p.slug}`}>{p.name}</Link>
                <span className="text-muted">
                  {[p.party, p.constituency].filter(Boolean).length
                    ? ` — ${[p.party, p.constituency].filter(Boolean).join(', ')}`
                    : ''}
                  {p.matched !== p.name ? ` (as “${p.matched}”)` : ''}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {results && results.campaigns.length > 0 && (
        <Section id="campaigns" title="Campaigns">
          <ul className="flex flex-col gap-1 text-sm" data-testid="search-campaigns">
            {results.campaigns.map((c) => (
              <li key={c.slug}>
                <Link href={`/campaigns/${c.slug}`}>{c.title}</Link>{' '}
                <span className="text-muted">— {titleCase(c.kind)}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {results && results.bodies.length > 0 && (
        <Section id="bodies" title="Bodies">
          <ul className="flex flex-col gap-1 text-sm">
            {results.bodies.map((b) => (
              <li key={b.slug}>{b.name}</li>
            ))}
          </ul>
        </Section>
      )}
      {results && results.sources.length > 0 && (
        <Section id="sources" title="Sources">
          <ul className="flex flex-col gap-1 text-sm">
            {results.sources.map((s) => (
              <li key={s.id}>
                <Link href={`/sources/${s.id}`}>
                  {s.publisher}: {s.title}
                </Link>{' '}
                <span className="text-muted">— {formatDay(s.publishedAt)}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
