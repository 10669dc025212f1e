import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfidenceBadge } from '@/components/badges';
import { Section } from '@/components/section';
import { SourceLink } from '@/components/source-link';
import { StatementList } from '@/components/statement-list';
import { StintsByTerm } from '@/components/stints-by-term';
import { formatDay, formatNet } from '@/lib/format';
import { pageMetadata } from '@/lib/metadata';
import { getPerson } from '@/lib/people';
import { listEvents } from '@/lib/timeline';
import { personVotingRecord } from '@/lib/divisions';
import { isSlug } from '@/lib/validation';
import { shareImageMeta } from '@/lib/share-image';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const person = isSlug(slug) ? await getPerson(slug) : null;
  if (!person) return { title: 'Person not found' };
  const standing = person.signatures.filter((s) => !s.withdrawnOn).length;
  return pageMetadata({
    title: person.name,
    description: `${[person.party, person.constituency].filter(Boolean).join(', ') || 'Person'}. ${standing} signature${standing === 1 ? '' : 's'} standing, ${person.statements.length} statement${person.statements.length === 1 ? '' : 's'} recorded.`,
    path: `/people/${person.slug}`,
    image: await shareImageMeta('person'),
  });
}

function roleDates(r: { startedOn: Date | null; endedOn: Date | null; heldOn: Date | null }): string {
  if (r.startedOn || r.endedOn)
    return `${r.startedOn ? formatDay(r.startedOn) : '?'} – ${r.endedOn ? formatDay(r.endedOn) : 'present'}`;
  if (r.heldOn) return `held on ${formatDay(r.heldOn)}`;
  return 'dates not known';
}

export default async function PersonPage({ params }: Props) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const [person, events] = await Promise.all([getPerson(slug), listEvents({ person: slug })]);
  if (!person) notFound();
  const record = await personVotingRecord(person.id);
  // Their seat and party are those of their latest stint; say so when it has ended.
  const latestEnd =
    person.memberships.length && person.memberships.every((m) => m.endDate)
      ? new Date(Math.max(...person.memberships.map((m) => +m.endDate!)))
      : null;
  const lastStintEnded = latestEnd && latestEnd < new Date() ? latestEnd : null;
  return (
    <article className="flex flex-col gap-5">
      <header>
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/people">People</Link>
        </nav>
        <h1 className="font-serif text-3xl font-bold">
          {person.honorific ? `${person.honorific} ` : ''}
          {person.name}
        </h1>
        <p className="text-muted">
          {[
            person.house === 'NONE' ? null : person.house === 'COMMONS' ? 'MP' : 'Peer',
            person.party,
            person.constituency,
          ]
            .filter(Boolean)
            .join(' · ') || 'Not a member of either house'}
          {lastStintEnded ? ` (until ${formatDay(lastStintEnded)})` : ''}
        </p>
        <SourceLink source={person.source} />
      </header>

      <div className="grid gap-5 lg:grid-cols-2">
        <Section id="roles" title="Positions held">
          {person.roles.length === 0 ? (
            <p className="text-sm text-muted">No positions recorded.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {person.roles.map((r) => (
                <li key={r.id} className="text-sm">
                  <strong>{r.title}</strong>
                  {r.organisation ? `, ${r.organisation}` : ''}
                  {r.body ? ` (${r.body.name})` : ''} <span className="text-muted">— {roleDates(r)}</span>{' '}
                  <ConfidenceBadge value={r.confidence} />
                  <br />
                  <SourceLink source={r.source} />
                </li>
              ))}
            </ul>
          )}
          <StintsByTerm stints={person.memberships} />
        </Section>

        <Section id="signed" title="What they signed">
          {person.signatures.length === 0 ? (
            <p className="text-sm text-muted">Not named as signing anything recorded here.</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {person.signatures.map((s) => (
                <li key={s.id} className="text-sm">
                  <Link href={`/campaigns/${s.campaign.slug}`}>{s.campaign.title}</Link>{' '}
                  <ConfidenceBadge value={s.confidence} />
                  {s.isLeadSponsor && <span className="ml-1 text-xs font-semibold text-warn">lead sponsor</span>}
                  <br />
                  <span className="text-muted">
                    {s.signedOn ? `Signed ${formatDay(s.signedOn)}` : 'Date of signing not known'}
                    {s.roleAtSigning ? ` as ${s.roleAtSigning}` : ''}
                    {s.withdrawnOn
                      ? ` · withdrawn ${formatDay(s.withdrawnOn)}${s.withdrawalReason ? `: ${s.withdrawalReason}` : ''}`
                      : ''}
                  </span>{' '}
                  <SourceLink source={s.source} />
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      {record.length > 0 && (
        <Section id="votes" title="Voting record">
          <p className="mb-2 text-sm text-muted">
            {record.length} division{record.length === 1 ? '' : 's'}; {record.filter((r) => r.rebel).length} against
            their own party.
          </p>
          <ul className="flex flex-col gap-1 text-sm" data-testid="voting-record">
            {record.map((r) => (
              <li key={r.divisionId}>
                <span className="text-muted">{r.heldOn ? formatDay(r.heldOn) : 'date not known'}</span> —{' '}
                <Link href={r.path}>{r.question}</Link>:{' '}
                <strong>{r.vote === 'AYE' ? 'aye' : r.vote === 'NO' ? 'no' : 'abstained'}</strong>
                {r.teller ? ' (teller)' : ''}
                {r.rebel ? (
                  <span className="ml-1 text-xs font-semibold text-warn">rebelled against {r.party}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="statements" title="Statements">
        <StatementList statements={person.statements} empty="No statements recorded." showSpeaker={false} />
      </Section>

      {person.polls.length > 0 && (
        <Section id="polls" title="Satisfaction ratings">
          <ul className="text-sm">
            {person.polls.map((p) => (
              <li key={p.id}>
                {p.pollster}, as {p.subjectRole}: net <strong>{formatNet(Number(p.net))}</strong>{' '}
                <SourceLink source={p.source} />
              </li>
            ))}
          </ul>
          <Link href="/polls" className="text-sm">
            Compare on the polls page →
          </Link>
        </Section>
      )}

      {events.length > 0 && (
        <Section id="timeline" title="Timeline">
          <ul className="text-sm">
            {events.map((e) => (
              <li key={e.id}>
                <span className="text-muted">
                  {(e.onOrBefore ? 'by ' : '') + formatDay(e.occurredOn, e.datePrecision)}
                </span>{' '}
                — {e.title}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </article>
  );
}
