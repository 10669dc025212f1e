'use client';

import { timeTicks } from '@/lib/chart-ticks';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface CumulativeChartProps {
  series: { day: string; total: number }[];
  tallies: { day: string; minimum: number; label: string }[];
  thresholds: { label: string; value: number }[];
}

const time = (day: string) => Date.parse(`${day}T00:00:00Z`);
const short = (t: number) =>
  new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Named signatories over time (a step line), reported tallies as points, thresholds as lines. */
export function CumulativeChart({ series, tallies, thresholds }: CumulativeChartProps) {
  const named = series.map((p) => ({ t: time(p.day), named: p.total }));
  const reported = tallies.map((p) => ({ t: time(p.day), reported: p.minimum, label: p.label }));
  const times = [...named, ...reported].map((p) => p.t);
  const pad = 86_400_000;
  const domain = times.length ? [Math.min(...times) - pad, Math.max(...times) + pad] : ['auto', 'auto'];
  const max = Math.max(
    1,
    ...named.map((p) => p.named),
    ...reported.map((p) => p.reported),
    ...thresholds.map((t) => t.value),
  );
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart accessibilityLayer={false} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e8e5dc" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={domain}
          ticks={timeTicks(times)}
          tickFormatter={short}
          tick={{ fontSize: 11 }}
        />
        <YAxis allowDecimals={false} domain={[0, Math.ceil(max * 1.1)]} tick={{ fontSize: 11 }} width={40} />
        <Tooltip labelFormatter={(t) => short(Number(t))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line
          data={named}
          dataKey="named"
          name="Named signatories"
          type="stepAfter"
          stroke="#1f4e79"
          strokeWidth={2}
          dot
          isAnimationActive={false}
        />
        {/* In the key only where there is a reported tally to show. */}
        {reported.length > 0 && (
          <Scatter
            data={reported}
            dataKey="reported"
            name="Reported (at least)"
            fill="#a14a00"
            shape="diamond"
            isAnimationActive={false}
          />
        )}
        {thresholds.map((t) => (
          <ReferenceLine
            key={t.label}
            y={t.value}
            stroke="#a14a00"
            strokeDasharray="4 3"
            label={{ value: t.label, position: 'insideTopLeft', fontSize: 11, fill: '#a14a00' }}
          />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
