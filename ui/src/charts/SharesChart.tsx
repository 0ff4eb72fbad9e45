import { useMemo } from 'react';
import { Chart } from './Chart';

/** One member's share over [from, to): an ensemble member's weight, a deployment target's traffic. */
export interface ShareInterval { label: string; from: string; to: string | null; share: number }

/**
 * Shares over time as a stacked area: at every change each member's share holds until the next
 * change (a step), so the stack always sums to what was served (1 for weights and traffic).
 */
export function SharesChart({ intervals, testId }: { intervals: ShareInterval[]; testId: string }) {
  const option = useMemo(() => {
    const now = Date.now();
    const times = [...new Set(intervals.flatMap((i) => [Date.parse(i.from), i.to ? Date.parse(i.to) : now]))].sort((a, b) => a - b);
    const labels = [...new Set(intervals.map((i) => i.label))];
    const shareAt = (label: string, t: number) => intervals
      .filter((i) => i.label === label && Date.parse(i.from) <= t && (i.to === null || t < Date.parse(i.to)))
      .reduce((sum, i) => sum + i.share, 0);
    return {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: labels.map((label) => ({
        name: label,
        type: 'line',
        step: 'end',
        stack: 'shares',
        areaStyle: {},
        showSymbol: false,
        data: times.map((t) => [t, shareAt(label, t)]),
      })),
    };
  }, [intervals]);
  if (intervals.length === 0) return <p className="muted">Nothing recorded.</p>;
  return <Chart option={option} height={240} testId={testId} />;
}
