import Link from 'next/link';

const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/campaigns', label: 'Campaigns' },
  { href: '/people', label: 'People' },
  { href: '/divisions', label: 'Divisions' },
  { href: '/polls', label: 'Polls' },
  { href: '/timeline', label: 'Timeline' },
  { href: '/sources', label: 'Sources' },
  { href: '/admin', label: 'Admin' },
];

/** The site's header, navigation, search box and footer around a page (never around an embed). */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="border-b border-rule bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/" className="font-serif text-2xl font-bold tracking-tight text-ink no-underline">
            Whipcount
          </Link>
          <nav aria-label="Main">
            <ul className="flex flex-wrap gap-1 text-sm">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="rounded px-3 py-2 text-ink no-underline hover:bg-accent-soft">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <form method="get" action="/search" role="search" className="flex w-full gap-1 sm:w-auto">
            <label htmlFor="site-search" className="sr-only">
              Search Whipcount
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              placeholder="Search"
              maxLength={200}
              className="min-w-0 flex-1 rounded border border-rule px-2 py-1 text-sm sm:w-44"
            />
            <button type="submit" className="rounded border border-rule px-2 py-1 text-sm">
              Search
            </button>
          </form>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 pt-4 text-xs text-muted">
        Every figure links to its source. Counts of named signatories exclude withdrawn names.{' '}
        <a href="/feed.xml">Follow the changes (Atom feed)</a>.
      </footer>
    </>
  );
}
