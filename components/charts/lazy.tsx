'use client';

// Charts load after the page, so Recharts is not part of any page's first-load JavaScript. They
// are drawings of numbers that the page also prints as tables (see ChartFigure), so nothing is
// lost before they arrive; the placeholder keeps the layout from jumping.
import dynamic from 'next/dynamic';

const placeholder = (height: number) =>
  function ChartPlaceholder() {
    return <div style={{ height }} className="animate-pulse rounded bg-paper" />;
  };

export const ThresholdChart = dynamic(() => import('./threshold-chart').then((m) => m.ThresholdChart), {
  ssr: false,
  loading: placeholder(128),
});
export const CumulativeChart = dynamic(() => import('./cumulative-chart').then((m) => m.CumulativeChart), {
  ssr: false,
  loading: placeholder(280),
});
export const BreakdownChart = dynamic(() => import('./breakdown-chart').then((m) => m.BreakdownChart), {
  ssr: false,
  loading: placeholder(160),
});
export const NetRatingChart = dynamic(() => import('./net-rating-chart').then((m) => m.NetRatingChart), {
  ssr: false,
  loading: placeholder(120),
});
export const WhipHistoryChart = dynamic(() => import('./whip-history-chart').then((m) => m.WhipHistoryChart), {
  ssr: false,
  loading: placeholder(240),
});
