import { useMemo } from 'react';
import { ALERTS, METRIC_EVENTS } from '../queries';
import { AlertSummary, MetricTarget, MetricValue } from '../types';
import { useQuery } from '../useQuery';
import { bucketFor, fetchWindow, iso, TimeRange } from './time-range';

export interface MetricEvent { at: string; kind: string; label: string }

/**
 * Several metrics of one target over a range (one aliased metricSeries each, one request), with
 * the bucket that suits the range and the chosen aggregate, the target's metricEvents and alerts.
 */
export function useMetricData(target: MetricTarget, metrics: string[], aggregate: string, range: TimeRange) {
  const window = fetchWindow(range);
  const bucket = bucketFor(range);
  const query = useMemo(() => {
    const fields = metrics.map((_, i) => `s${i}: metricSeries(target: $target, name: $n${i}, from: $from, to: $to, bucket: $bucket, aggregate: $aggregate) { start value count }`);
    const args = metrics.map((_, i) => `$n${i}: String!`).join(', ');
    return `query Metrics($target: MetricTargetInput!, $from: DateTimeISO!, $to: DateTimeISO!, $bucket: TimeBucket!, $aggregate: MetricAggregate!, ${args}) { ${fields.join(' ')} }`;
  }, [metrics]);
  const vars: Record<string, unknown> = { target, from: iso(window.from), to: iso(window.to), bucket, aggregate };
  metrics.forEach((m, i) => { vars[`n${i}`] = m; });
  const series = useQuery<Record<string, MetricValue[]>>(query, vars, metrics.length === 0);
  const events = useQuery<{ metricEvents: MetricEvent[] }>(METRIC_EVENTS, { target, from: iso(window.from), to: iso(window.to) });
  // The alert episodes active in the window, shaded on the chart.
  const alerts = useQuery<{ alerts: AlertSummary[] }>(ALERTS, { target, from: iso(window.from), to: iso(window.to), first: 50 });
  return {
    bucket,
    window,
    series: series.data ? metrics.map((m, i) => ({ name: m, points: series.data?.[`s${i}`] ?? [] })) : null,
    events: events.data?.metricEvents ?? [],
    alerts: alerts.data?.alerts ?? [],
    error: series.error ?? events.error,
    loading: series.loading || events.loading,
  };
}
