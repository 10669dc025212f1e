import Link from 'next/link';
// The whip-count page's sections that only display: where members stand, the vote, the changes.
import { Section } from '@/components/section';
import { SourceLink } from '@/components/source-link';
import { SourceNoteList, SourceNotes } from '@/components/source-notes';
import { ChangeItems } from '@/components/whip/change-items';
import { StandCountGrid } from '@/components/whip/stand-counts';
import { STAND_LABEL } from '@/lib/decision-rule';
import { formatDay } from '@/lib/format';
import type { WhipChange, WhipCount, WhipDivision } from '@/lib/whip-count';
import { RESULT_LABEL } from '@/lib/division-outcome';

/** The count by position, in words, what the vote needs and how it looks. */
export function HeadlineSection({ count }: { count: WhipCount }) {
  const { counts } = count;
  const known = count.members - counts.UNKNOWN;
  return (
    <Section id="headline" title="Where they stand">
      <StandCountGrid counts={counts} testId="whip-headline" />
      <p className="mt-3" data-testid="whip-summary">
        Of {count.members} members who may vote, {known} have a known position: {counts.FOR + counts.LEANING_FOR} for or
        leaning for, {counts.AGAINST + counts.LEANING_AGAINST} against or leaning against, {counts.UNDECIDED} undecided
        {counts.WILL_NOT_VOTE ? `, ${counts.WILL_NOT_VOTE} will not vote` : ''}.
      </p>
      <p className="mt-1">
        <strong>What it needs:</strong> <span data-testid="whip-rule">{count.ruleText}</span>
        {count.stage.decisionRule ? (
          <span className="text-muted"> (the source: “{count.stage.decisionRule}”)</span>
        ) : null}
        .
      </p>
      <p className="mt-1 font-medium" data-testid="whip-outlook">
        {count.outlookText}
      </p>
    </Section>
  );
}

/** After a division: the totals, whether it passed, and how the count before it fared. */
export function VoteSection({ division }: { division: WhipDivision }) {
  return (
    <Section id="vote" title="The vote">
      <div data-testid="whip-division" className="flex flex-col gap-1 text-sm">
        <p className="font-medium">
          {division.heldOn ? `${formatDay(division.heldOn)}: ` : ''}
          {division.question}
        </p>
        <p className="tabular-nums">
          Ayes {division.ayes} · Noes {division.noes}
          {division.abstentions !== null ? ` · Abstentions ${division.abstentions}` : ''} (tellers apart) —{' '}
          <strong>{RESULT_LABEL[division.result]}</strong>
        </p>
        <p className="text-muted">
          {division.fromBallots
            ? `Counted from ${division.namedBallots} named ballots (tellers apart).`
            : `Totals as recorded; ${division.namedBallots} ballots named.`}{' '}
          <SourceLink source={division.source} />
        </p>
        {division.path && (
          <p>
            <Link href={division.path}>The division in full: by party, rebels and every member →</Link>
          </p>
        )}
        {division.mismatch && (
          <p role="alert" className="rounded bg-red-50 p-2 text-red-900">
            {division.mismatch}
          </p>
        )}
        <p data-testid="whip-forecast">
          The count before the vote: {division.held} placements held, {division.switched} switched,{' '}
          {division.didNotVote} did not vote
          {division.heldShare === null ? '.' : ` — ${Math.round(division.heldShare * 100)}% held.`} {division.rebels}{' '}
          member{division.rebels === 1 ? '' : 's'} voted against their own party (its whip where recorded, else the
          majority of its members voting).
        </p>
      </div>
    </Section>
  );
}

/** Who moved when, newest first, each with its evidence's source. */
export function ChangesSection({ changes }: { changes: WhipChange[] }) {
  const notes = new SourceNotes(
    'change-source',
    changes.map((c) => c.source),
  );
  return (
    <Section id="changes" title="Changes">
      {changes.length === 0 ? (
        <p className="text-sm text-muted">No one has been placed yet.</p>
      ) : (
        <div className="flex flex-col gap-3">
          <ChangeItems
            changes={changes.map((c) => ({
              on: formatDay(c.on),
              slug: c.slug,
              name: c.name,
              party: c.party,
              from: c.from ? STAND_LABEL[c.from].toLowerCase() : 'not known',
              to: STAND_LABEL[c.to].toLowerCase(),
              derived: c.derived,
              note: notes.note(c.source),
            }))}
          />
          <SourceNoteList notes={notes} title="Sources of these changes" />
        </div>
      )}
    </Section>
  );
}
