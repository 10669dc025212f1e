// Members by position, one row per group (a party, a day): the numbers behind the whip-count charts.
import { NumbersTable } from '@/components/charts/numbers-table';
import { STAND_LABEL, type StandCounts, STANDS } from '@/lib/decision-rule';

export function StandTable({
  rowHeader,
  rows,
}: {
  rowHeader: string;
  rows: { key: string; label: string; counts: StandCounts }[];
}) {
  return (
    <NumbersTable
      head={[rowHeader, ...STANDS.map((s) => STAND_LABEL[s])]}
      rows={rows.map((r) => ({ key: r.key, cells: [r.label, ...STANDS.map((s) => r.counts[s])] }))}
      rowHeaders
    />
  );
}
