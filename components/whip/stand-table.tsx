// Members by position, one row per group (a party, a day): the numbers behind the whip-count charts.
import { STAND_LABEL, type StandCounts, STANDS } from '@/lib/decision-rule';

export function StandTable({
  rowHeader,
  rows,
}: {
  rowHeader: string;
  rows: { key: string; label: string; counts: StandCounts }[];
}) {
  return (
    <table className="text-left text-sm">
      <thead>
        <tr>
          <th scope="col" className="pr-3">
            {rowHeader}
          </th>
          {STANDS.map((s) => (
            <th key={s} scope="col" className="pr-3">
              {STAND_LABEL[s]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="pr-3 font-normal">
              {r.label}
            </th>
            {STANDS.map((s) => (
              <td key={s} className="pr-3 tabular-nums">
                {r.counts[s]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
