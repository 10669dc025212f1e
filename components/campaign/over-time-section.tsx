import { ChartFigure } from '@/components/charts/chart-figure';
import { CumulativeChart } from '@/components/charts/lazy';
import { NumbersTable } from '@/components/charts/numbers-table';
import { Section } from '@/components/section';
import type { CampaignDetail } from '@/lib/campaigns';
import { formatDay, isoDay } from '@/lib/format';
import { describeTally, guaranteedMinimum } from '@/lib/tally';

/** What the cumulative chart draws of a campaign: reported tallies as points, thresholds as lines. */
export function cumulativeChartData(campaign: CampaignDetail) {
  return {
    tallyPoints: campaign.tallies.map((t) => ({
      day: isoDay(t.asOf)!,
      minimum: guaranteedMinimum(t.count, t.qualifier) ?? t.count,
      label: describeTally(t.count, t.qualifier),
    })),
    thresholdLines: campaign.thresholds
      .filter((t) => t.value !== null)
      .map((t) => ({ label: t.label, value: t.value! })),
  };
}

/** Named signatories over time, reported tallies and thresholds: the chart, and its numbers as a table. */
export function OverTimeSection({ campaign }: { campaign: CampaignDetail }) {
  const { tallyPoints, thresholdLines } = cumulativeChartData(campaign);
  return (
    <Section id="over-time" title="Over time">
      {campaign.series.length === 0 && tallyPoints.length === 0 ? (
        <p className="text-sm text-muted">Nothing dated to chart yet.</p>
      ) : (
        <ChartFigure
          id="chart-over-time"
          title={`${campaign.title}: named signatories over time`}
          filename={`${campaign.slug}-over-time`}
          caption={
            <>
              Named signatories counted towards thresholds, by the day each was signed (or, where no date is known, the
              day its source reported it); reported tallies as the smallest number each guarantees; thresholds as dashed
              lines.
            </>
          }
          table={
            <NumbersTable
              head={['Day', 'Named (running total)']}
              rows={[
                ...campaign.series.map((p) => ({ key: p.day, cells: [formatDay(p.day), p.total] })),
                ...tallyPoints.map((p) => ({
                  key: `t-${p.day}-${p.label}`,
                  cells: [formatDay(p.day), `Reported: ${p.label}`],
                })),
                ...thresholdLines.map((t) => ({
                  key: `th-${t.label}`,
                  cells: ['Threshold', `${t.label}: ${t.value}`],
                })),
              ]}
            />
          }
        >
          <CumulativeChart series={campaign.series} tallies={tallyPoints} thresholds={thresholdLines} />
        </ChartFigure>
      )}
    </Section>
  );
}
