import type { Metadata } from 'next';
import Link from 'next/link';
import { PollComparison } from '@/components/poll-comparison';
import { DownloadLinks } from '@/components/download-links';
import { Section } from '@/components/section';
import { TableShell } from '@/components/table-shell';
import { SourceLink } from '@/components/source-link';
import { formatDay, formatNet } from '@/lib/format';
import { listPolls } from '@/lib/polls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Satisfaction ratings' };

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export default async function PollsPage() {
  const polls = await listPolls();
  return (
    <div className="flex flex-col gap-5">
      <h1 className="font-serif text-3xl font-bold">Satisfaction ratings</h1>
      <Section id="comparison" title="Net satisfaction compared">
        <PollComparison polls={polls} />
      </Section>
      <Section id="detail" title="Each poll" aside={<DownloadLinks name="polls" label="Download polls" />}>
        {polls.length === 0 ? (
          <p className="text-sm text-muted">No polls recorded yet.</p>
        ) : (
          <TableShell
            testId="polls-table"
            minWidth="min-w-[720px]"
            columns={[
              'Subject',
              'Role',
              'Pollster',
              'Fieldwork',
              'Satisfied',
              'Dissatisfied',
              'Don’t know',
              'Net',
              'Sample',
              'Source',
            ]}
          >
            {polls.map((p) => (
              <tr key={p.id} className="align-top">
                <td>
                  <Link href={`/people/${p.subject.slug}`}>{p.subject.name}</Link>
                  {p.isRecordLow && <span className="ml-1 text-xs font-semibold text-warn">record low</span>}
                </td>
                <td>{p.subjectRole}</td>
                <td>{p.pollster}</td>
                <td>
                  {p.fieldworkStart || p.fieldworkEnd
                    ? `${formatDay(p.fieldworkStart)} – ${formatDay(p.fieldworkEnd)}`
                    : 'not given'}
                </td>
                <td className="tabular-nums">{pct(p.satisfied)}</td>
                <td className="tabular-nums">{pct(p.dissatisfied)}</td>
                <td className="tabular-nums">{pct(p.dontKnow)}</td>
                <td className="font-semibold tabular-nums" data-testid="net">
                  {formatNet(p.net)}
                </td>
                <td className="tabular-nums">{p.sampleSize?.toLocaleString('en-GB') ?? '—'}</td>
                <td>
                  <SourceLink source={p.source} />
                  {p.note && <p className="mt-1 text-xs text-muted">{p.note}</p>}
                </td>
              </tr>
            ))}
          </TableShell>
        )}
      </Section>
    </div>
  );
}
