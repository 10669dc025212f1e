import { NET_RATING_COLOUR } from './charts/colours';
import Link from 'next/link';
import { ChartFigure } from '@/components/charts/chart-figure';
import { NetRatingChart } from '@/components/charts/lazy';
import { NoteRef, SourceNoteList, SourceNotes } from '@/components/source-notes';
import { formatNet } from '@/lib/format';
import type { PollView } from '@/lib/polls';

/**
 * Net satisfaction compared within each role, saying which rating is the record. `perRole` keeps
 * the lowest few of each role (the overview's summary; the polls page shows them all).
 */
export function PollComparison({
  polls,
  id = 'chart-polls',
  perRole,
}: {
  polls: PollView[];
  id?: string;
  perRole?: number;
}) {
  if (polls.length === 0) return <p className="text-sm text-muted">No satisfaction ratings recorded yet.</p>;
  const roles = [...new Set(polls.map((p) => p.subjectRole))];
  return (
    <div className="flex flex-col gap-6">
      {roles.map((role, i) => {
        const all = polls.filter((p) => p.subjectRole === role); // lowest first
        const record = all.find((p) => p.isRecordLow)!;
        const runnerUp = all.find((p) => p.rankInRole === 2);
        const inRole = perRole === undefined ? all : all.slice(0, perRole);
        const notes = new SourceNotes(
          `${id}-${i}-source`,
          inRole.map((p) => p.source),
        );
        return (
          <div key={role} className="flex flex-col gap-2">
            <p data-testid="record-statement">
              <strong>{record.subject.name}</strong>’s net rating of <strong>{formatNet(record.net)}</strong> is the
              lowest recorded here for a {role}
              {runnerUp ? (
                <>
                  , below {runnerUp.subject.name}’s {formatNet(runnerUp.net)}
                </>
              ) : null}
              .
            </p>
            <ChartFigure
              id={`${id}-${i}`}
              title={`Net satisfaction of each ${role}, lowest first`}
              legend={[
                { label: 'Net satisfaction', colour: NET_RATING_COLOUR.rating },
                { label: 'Record low', colour: NET_RATING_COLOUR.recordLow },
              ]}
              filename={`net-satisfaction-${role.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
              caption={`Net satisfaction (satisfied minus dissatisfied, in points) of each ${role}, lowest first. The record low is in orange.`}
              table={
                <table className="text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
                  <thead>
                    <tr>
                      <th>Subject</th>
                      <th>Pollster</th>
                      <th>Net</th>
                      <th>Record</th>
                    </tr>
                  </thead>
                  <tbody>
                    {inRole.map((p) => (
                      <tr key={p.id}>
                        <td>{p.subject.name}</td>
                        <td>{p.pollster}</td>
                        <td className="tabular-nums">{formatNet(p.net)}</td>
                        <td>{p.isRecordLow ? 'Record low' : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            >
              <NetRatingChart
                rows={inRole.map((p) => ({ label: p.subject.name, net: p.net, record: p.isRecordLow }))}
              />
            </ChartFigure>
            <ul className="text-xs text-muted">
              {inRole.map((p) => (
                <li key={p.id}>
                  <Link href={`/people/${p.subject.slug}`}>{p.subject.name}</Link> {formatNet(p.net)}{' '}
                  <NoteRef notes={notes} source={p.source} />
                </li>
              ))}
            </ul>
            {inRole.length < all.length && (
              <p className="text-sm">
                <Link href="/polls">
                  {all.length - inRole.length} more {role.toLowerCase()} rating
                  {all.length - inRole.length === 1 ? '' : 's'} on the polls page →
                </Link>
              </p>
            )}
            <SourceNoteList notes={notes} title="Sources" />
          </div>
        );
      })}
    </div>
  );
}
