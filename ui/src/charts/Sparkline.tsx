import { useMemo } from 'react';
import { Chart } from './Chart';

/** A small line without axes: a metric's shape over the last days, next to its latest value. */
export function Sparkline({ points }: { points: { start: string; value: number }[] }) {
  const option = useMemo(() => ({
    animation: false,
    grid: { left: 2, right: 2, top: 2, bottom: 2 },
    xAxis: { type: 'time', show: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', data: points.map((p) => [p.start, p.value]), showSymbol: false, lineStyle: { width: 1.5 } }],
  }), [points]);
  if (points.length === 0) return <span className="muted">no points</span>;
  return <div className="sparkline"><Chart option={option} height={28} testId="sparkline" /></div>;
}
