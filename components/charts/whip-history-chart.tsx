'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STAND_COLOUR } from '@/components/whip/stands';
import { SPECTRUM as KEYS, STAND_LABEL } from '@/lib/decision-rule';
import type { StandCounts } from '@/lib/decision-rule';

const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });
const short = (day: string) => SHORT.format(new Date(`${day}T00:00:00Z`));

/** Members by position at the end of each day on which someone moved: a stacked bar a day. */
export function WhipHistoryChart({ series }: { series: { day: string; counts: StandCounts }[] }) {
  const data = series.map((p) => ({ day: p.day, ...p.counts }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        maxBarSize={48}
      >
        <CartesianGrid stroke="#e8e5dc" vertical={false} />
        <XAxis dataKey="day" tickFormatter={short} tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
        <Tooltip labelFormatter={(d) => short(String(d))} />
        {/* The key in the order of the spectrum, not the alphabet, its words in ink (the pale
            "Not known" colour is for seats, not for text). */}
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          itemSorter={(item) => KEYS.indexOf(item.dataKey as (typeof KEYS)[number])}
          formatter={(value) => <span className="text-ink">{value}</span>}
        />
        {KEYS.map((k) => (
          <Bar key={k} dataKey={k} name={STAND_LABEL[k]} stackId="1" fill={STAND_COLOUR[k]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
