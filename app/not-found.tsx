import Link from 'next/link';
import { SiteChrome } from '@/components/site-chrome';

// An address that matches no page, or a page that found nothing (embeds have their own).
export default function NotFound() {
  return (
    <SiteChrome>
      <div className="mx-auto max-w-xl py-12 text-center">
        <h1 className="font-serif text-3xl font-bold">Not found</h1>
        <p className="mt-3 text-muted">
          There is no page at this address. The campaign or person may have been renamed or removed.
        </p>
        <p className="mt-6 flex justify-center gap-4">
          <Link href="/">Overview</Link>
          <Link href="/people">People</Link>
          <Link href="/timeline">Timeline</Link>
        </p>
      </div>
    </SiteChrome>
  );
}
