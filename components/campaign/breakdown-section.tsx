import { ChartFigure } from '@/components/charts/chart-figure';
import { BreakdownChart } from '@/components/charts/lazy';
import { Section } from '@/components/section';
import { titleCase } from '@/lib/format';
import type { signatureBreakdown } from '@/lib/signatures';

/** Standing named signatories by house and party: the chart, and its numbers as a table. */
export function BreakdownSection({
  slug,
  campaignTitle,
  breakdown,
}: {
  slug: string;
  campaignTitle: string;
  breakdown: Awaited<ReturnType<typeof signatureBreakdown>>;
}) {
  return (
    <Section id="breakdown" title="By house and party">
      {breakdown.length === 0 ? (
        <p className="text-sm text-muted">No named signatories yet.</p>
      ) : (
        <ChartFigure
          id="chart-breakdown"
          title={`${campaignTitle}: named signatories by house and party`}
          filename={`${slug}-by-party`}
          caption="Standing named signatories by party, split by house."
          table={
            <table className="text-left text-sm [&_td]:pr-4 [&_th]:pr-4">
              <thead>
                <tr>
                  <th>House</th>
                  <th>Party</th>
                  <th>Signatories</th>
                </tr>
              </thead>
              <tbody>
                {breakdown.map((b) => (
                  <tr key={`${b.house}-${b.party}`}>
                    <td>{titleCase(b.house)}</td>
                    <td>{b.party}</td>
                    <td className="tabular-nums">{b.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        >
          <BreakdownChart rows={breakdown} />
        </ChartFigure>
      )}
    </Section>
  );
}
