'use client';

import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface ThresholdChartProps {
  named: number;
  reportedMinimum: number | null;
  thresholds: { label: string; value: number }[];
}

/** A round number at or above n: 1, 2 or 5 times a power of ten, in steps of a tenth of it. */
function niceCeiling(n: number): number {
  const step = 10 ** Math.floor(Math.log10(Math.max(n, 1)));
  return Math.ceil(n / (step / 2)) * (step / 2);
}

/** Named and reported counts as bars, each threshold a reference line. */
export function ThresholdChart({ named, reportedMinimum, thresholds }: ThresholdChartProps) {
  const data = [{ label: 'Named', value: named, fill: '#1f4e79' }];
  if (reportedMinimum !== null) data.push({ label: 'Reported', value: reportedMinimum, fill: '#8aa9c7' });
  const max = Math.max(1, ...data.map((d) => d.value), ...thresholds.map((t) => t.value));
  return (
    <ResponsiveContainer width="100%" height={40 + data.length * 44}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 18, right: 28, bottom: 4, left: 4 }}
        barCategoryGap={8}
      >
        <CartesianGrid horizontal={false} stroke="#e8e5dc" />
        <XAxis type="number" domain={[0, niceCeiling(max * 1.1)]} allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="label" width={70} tick={{ fontSize: 12 }} />
        <Bar dataKey="value" isAnimationActive={false} radius={[0, 3, 3, 0]}>
          <LabelList dataKey="value" position="right" fontSize={12} />
        </Bar>
        {thresholds.map((t) => (
          <ReferenceLine
            key={t.label}
            x={t.value}
            stroke="#a14a00"
            strokeDasharray="4 3"
            label={{ value: String(t.value), position: 'top', fontSize: 11, fill: '#a14a00' }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
