import { useMemo, useRef } from 'react';
import { ChartInstance } from './echarts';
import { Chart } from './Chart';
import { MetricEvent } from './metric-data';
import { TimeRange } from './time-range';
import { AlertSummary, MetricValue } from '../types';

interface Props {
  series: { name: string; points: MetricValue[] }[];
  events: MetricEvent[];
  alerts: AlertSummary[];
  /** What was fetched (the x axis) and what is shown (the zoom window inside it). */
  axis: TimeRange;
  range: TimeRange;
  onRange: (range: TimeRange) => void;
}

const EVENT_COLOURS: Record<string, string> = {
  DEPLOYED: '#1e8449', UNDEPLOYED: '#c0392b', ALIAS_SET: '#8e44ad', DATASET_VERSION: '#d68910',
  MEMBER_ADDED: '#2f6fde', MEMBER_REMOVED: '#2f6fde', MEMBER_WEIGHT_CHANGED: '#2f6fde',
};

/**
 * An alert as a shaded band, from when it fired (or began, if it never fired) to when it resolved
 * (or now); at least a sliver of the visible range wide, so that a short one can be seen.
 */
function alertBand(a: AlertSummary, range: TimeRange, axis: TimeRange) {
  const end = a.resolvedAt ? Date.parse(a.resolvedAt) : Math.min(Date.now(), axis.to);
  const start = Math.min(Date.parse(a.firedAt ?? a.startedAt), end - (range.to - range.from) * 0.006);
  const colour = a.state === 'RESOLVED' ? 'rgba(192,57,43,0.10)' : 'rgba(192,57,43,0.22)';
  return [{ name: `${a.rule} (${a.state.toLowerCase()})`, xAxis: start, itemStyle: { color: colour } }, { xAxis: end }];
}

/**
 * Metrics over time: wheel to zoom, drag to pan, or the slider below; when the view settles the
 * page asks for the new range (and so the bucket that suits it). Vertical markers are the
 * target's events: deployments, alias moves, ensemble weight changes, new upstream dataset versions;
 * shaded bands are its alerts, from when the condition held (or fired) to when it cleared (or now).
 */
export function MetricChart({ series, events, alerts, axis, range, onRange }: Props) {
  const settle = useRef<number | undefined>(undefined);
  const onReady = (chart: ChartInstance) => {
    chart.on('datazoom', () => {
      window.clearTimeout(settle.current);
      settle.current = window.setTimeout(() => {
        const zoom = (chart.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] }).dataZoom?.[0];
        if (zoom?.startValue !== undefined && zoom.endValue !== undefined) onRangeRef.current({ from: Math.round(zoom.startValue), to: Math.round(zoom.endValue) });
      }, 400);
    });
  };
  const onRangeRef = useRef(onRange);
  onRangeRef.current = onRange;

  const option = useMemo(() => ({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 30, bottom: 70 },
    xAxis: { type: 'time', min: axis.from, max: axis.to },
    yAxis: { type: 'value', scale: true },
    dataZoom: [
      { type: 'inside', filterMode: 'none', startValue: range.from, endValue: range.to },
      { type: 'slider', filterMode: 'none', startValue: range.from, endValue: range.to, bottom: 10 },
    ],
    series: series.map((s, i) => ({
      name: s.name,
      type: 'line',
      showSymbol: s.points.length < 60,
      data: s.points.map((p) => [p.start, p.value, p.count]),
      markLine: i === 0 && events.length ? {
        symbol: 'none',
        label: { formatter: '{b}', position: 'insideEndTop', fontSize: 10 },
        data: events.map((e) => ({ name: e.label, xAxis: e.at, lineStyle: { color: EVENT_COLOURS[e.kind] ?? '#999', type: 'dashed' } })),
      } : undefined,
      markArea: i === 0 && alerts.length ? {
        silent: true,
        // Right-aligned inside the band: a band that ends now sits at the chart's right edge.
        label: { position: 'insideTopRight', fontSize: 10, color: '#c0392b' },
        data: alerts.map((a) => alertBand(a, range, axis)),
      } : undefined,
    })),
  }), [series, events, alerts, axis, range]);

  return <Chart option={option} height={340} onReady={onReady} testId="metric-chart" />;
}
