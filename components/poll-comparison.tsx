import Link from 'next/link';
import { ChartFigure } from '@/components/charts/chart-figure';
import { NetRatingChart } from '@/components/charts/lazy';
import { SourceLink } from '@/components/source-link';
import { formatNet } from '@/lib/format';
import type { PollView } from '@/lib/polls';

/** Net satisfaction compared within each role, saying which rating is the record. */
export function PollComparison({ polls, id = 'chart-polls' }: { polls: PollView[]; id?: string }) {
  if (polls.length === 0) return <p className="text-sm text-muted">No satisfaction ratings recorded yet.</p>;
  const roles = [...new Set(polls.map((p) => p.subjectRole))];
  return (
    <div className="flex flex-col gap-6">
      {roles.map((role, i) => {
        const inRole = polls.filter((p) => p.subjectRole === role);
        const record = inRole.find((p) => p.isRecordLow)!;
        const runnerUp = inRole.find((p) => p.rankInRole === 2);
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
              filename={`net-satisfaction-${role.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`}
              caption={`Net satisfaction (satisfied minus dissatisfied, in points) of each ${role}, lowest first. The record low is in orange.`}
              table={
                <table className="text-left text-sm">
                  <thead>
                    <tr>
                      <th className="pr-4">Subject</th>
                      <th className="pr-4">Pollster</th>
                      <th className="pr-4">Net</th>
                      <th>Record</th>
                    </tr>
                  </thead>
                  <tbody>
                    {inRole.map((p) => (
                      <tr key={p.id}>
                        <td className="pr-4">{p.subject.name}</td>
                        <td className="pr-4">{p.pollster}</td>
                        <td className="pr-4 tabular-nums">{formatNet(p.net)}</td>
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
                  <Link href={`/people/${p.subject.slug}`}>{p.subject.name}</Link> {formatNet(p.net)}:{' '}
                  <SourceLink source={p.source} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
