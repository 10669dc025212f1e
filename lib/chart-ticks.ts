// Ticks of a time axis, chosen here rather than by the chart library: its own choice for a short
// span (one day of data, padded by a day either side) repeated a value, so two ticks shared a
// React key and the console filled with warnings (found by hand in an embed).

/** Up to `most` distinct ticks, in order, spread evenly over the distinct times given. */
export function timeTicks(times: number[], most = 6): number[] {
  const distinct = [...new Set(times)].sort((a, b) => a - b);
  if (distinct.length <= most) return distinct;
  const step = (distinct.length - 1) / (most - 1);
  return [...new Set(Array.from({ length: most }, (_, i) => distinct[Math.round(i * step)]!))];
}
