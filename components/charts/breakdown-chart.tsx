'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const HOUSE_COLOURS: Record<string, string> = { COMMONS: '#1c6b3a', LORDS: '#8b1e3f', NONE: '#6b7280' };
const HOUSE_NAMES: Record<string, string> = { COMMONS: 'Commons', LORDS: 'Lords', NONE: 'Neither house' };

/** Standing signatures per party, stacked by house. */
export function BreakdownChart({ rows }: { rows: { house: string; party: string; count: number }[] }) {
  const houses = [...new Set(rows.map((r) => r.house))];
  const parties = [...new Set(rows.map((r) => r.party))];
  const data = parties.map((party) => ({
    party,
    ...Object.fromEntries(houses.map((h) => [h, rows.find((r) => r.party === party && r.house === h)?.count ?? 0])),
  }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, 50 + parties.length * 36)}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke="#e8e5dc" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
        <YAxis type="category" dataKey="party" width={140} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {houses.map((h) => (
          <Bar
            key={h}
            dataKey={h}
            name={HOUSE_NAMES[h] ?? h}
            stackId="house"
            fill={HOUSE_COLOURS[h] ?? '#1f4e79'}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
