'use client';

import { NET_RATING_COLOUR } from './colours';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

/** Net satisfaction, lowest first; the record low in a stronger colour. */
export function NetRatingChart({ rows }: { rows: { label: string; net: number; record: boolean }[] }) {
  const min = Math.min(0, ...rows.map((r) => r.net));
  const max = Math.max(0, ...rows.map((r) => r.net));
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, 40 + rows.length * 40)}>
      <BarChart
        accessibilityLayer={false}
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 40, bottom: 8, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke="#e8e5dc" />
        <XAxis
          type="number"
          domain={[Math.floor((min * 1.1) / 10) * 10, Math.ceil((max * 1.1) / 10) * 10]}
          tick={{ fontSize: 11 }}
        />
        <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
        <ReferenceLine x={0} stroke="#15202b" />
        <Bar dataKey="net" isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.label} fill={r.record ? NET_RATING_COLOUR.recordLow : NET_RATING_COLOUR.rating} />
          ))}
          <LabelList dataKey="net" position="left" fontSize={12} formatter={(v: unknown) => `${v}`} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
