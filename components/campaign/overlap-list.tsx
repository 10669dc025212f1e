import Link from 'next/link';
import type { Overlap, PersonLink } from '@/lib/signatures';

function People({ people }: { people: PersonLink[] }) {
  return (
    <ul className="mt-2 columns-1 gap-6 text-sm sm:columns-2 lg:columns-3">
      {people.map((p) => (
        <li key={p.slug} className="break-inside-avoid">
          <Link href={`/people/${p.slug}`}>{p.name}</Link>
          <span className="text-xs text-muted"> {[p.party, p.constituency].filter(Boolean).join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}

/** Who signed this and another campaign, and who eligible for both signed neither. */
export function OverlapList({ overlaps }: { overlaps: Overlap[] }) {
  if (overlaps.length === 0) return <p className="text-sm text-muted">There are no other campaigns to compare with.</p>;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">The campaigns that share the most named signatories with this one.</p>
      {overlaps.map((o) => (
        <div key={o.other.slug} className="rounded border border-rule bg-white p-4" data-testid="overlap">
          <h3 className="font-semibold">
            With <Link href={`/campaigns/${o.other.slug}`}>{o.other.title}</Link>
          </h3>
          <p className="mt-1 text-sm">
            <strong data-testid="overlap-both">{o.both.length}</strong> signed both ·{' '}
            <strong data-testid="overlap-neither">{o.neitherTotal.toLocaleString('en-GB')}</strong> eligible for both
            are not named as signing either
          </p>
          {o.both.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-accent">Signed both ({o.both.length})</summary>
              <People people={o.both} />
            </details>
          )}
          {o.neitherTotal > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-accent">
                Eligible, named on neither ({o.neitherTotal.toLocaleString('en-GB')}
                {o.neither.length < o.neitherTotal ? `, first ${o.neither.length} shown` : ''})
              </summary>
              <People people={o.neither} />
            </details>
          )}
        </div>
      ))}
    </div>
  );
}
