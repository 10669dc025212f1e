// A person's seats and parties, term by term, each stint with its dates, why it began and its source.
import { SourceLink } from '@/components/source-link';
import { formatDay, titleCase } from '@/lib/format';
import type { PersonDetail } from '@/lib/people';

type Stint = PersonDetail['memberships'][number];

const CHANGE: Record<string, string> = {
  ELECTED: 'elected',
  BY_ELECTION: 'by-election',
  DEFECTION: 'changed party',
  WHIP_WITHDRAWN: 'whip withdrawn',
  WHIP_SUSPENDED: 'whip suspended',
  WHIP_RESTORED: 'whip restored',
  OTHER: 'other change',
};

export function StintsByTerm({ stints }: { stints: Stint[] }) {
  if (stints.length === 0) return null;
  const terms = new Map<string, { label: string; stints: Stint[] }>();
  for (const s of stints) {
    const key = s.term ? `${s.house}|${s.term.id}` : `${s.house}|none`;
    const label = s.term ? `${titleCase(s.house)}, ${s.term.label ?? `term ${s.term.name}`}` : titleCase(s.house);
    terms.set(key, { label, stints: [...(terms.get(key)?.stints ?? []), s] });
  }
  return (
    <section aria-labelledby="stints" className="mt-4">
      <h3 id="stints" className="mb-1 text-sm font-semibold">
        Seats and parties, term by term
      </h3>
      {[...terms.entries()].map(([key, term]) => (
        <div key={key} className="mb-2" data-testid="term">
          <h4 className="text-sm font-medium">{term.label}</h4>
          <ul className="text-sm">
            {term.stints.map((m) => (
              <li key={m.id}>
                {m.party ?? 'no party'}
                {m.constituency ? `, ${m.constituency}` : ''}{' '}
                <span className="text-muted">
                  ({m.startDate ? formatDay(m.startDate) : 'start not known'} –{' '}
                  {m.endDate ? formatDay(m.endDate) : 'present'}
                  {m.change ? `; ${CHANGE[m.change]}` : ''})
                </span>
                {m.note ? <span className="text-muted"> {m.note}</span> : null} <SourceLink source={m.source} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
